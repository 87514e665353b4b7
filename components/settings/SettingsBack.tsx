import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The way back to the settings overview, above every settings page. */
export async function SettingsBack() {
  const t = await getTranslations("settings");
  return (
    <p className="no-print">
      <Link href="/settings" className="font-medium text-brand-800 underline">{t("back")}</Link>
    </p>
  );
}
