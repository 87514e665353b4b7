"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/fields";

/** A new password, twice; the rule is said before the person types. */
export function PasswordFields({ minLength }: { minLength: number }) {
  const t = useTranslations("account");
  return (
    <>
      <TextField id="password" name="password" type="password" label={t("password")} help={t("passwordHelp", { min: minLength })} autoComplete="new-password" required />
      <TextField id="confirm" name="confirm" type="password" label={t("confirm")} autoComplete="new-password" required />
    </>
  );
}
