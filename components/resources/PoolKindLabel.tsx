import { useTranslations } from "next-intl";

/** Central (DIG, Digitalt center) or a department's local pool. */
export function PoolKindLabel({ kind, department }: { kind: string; department: string | null }) {
  const t = useTranslations("resources");
  return <>{kind === "LOCAL" ? t("kind.LOCAL", { department: department ?? "" }) : t(`kind.${kind}` as never)}</>;
}
