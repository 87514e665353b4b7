import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { benefitSettings } from "@/lib/server/benefits";
import { BenefitSettingsForm } from "@/components/benefits/BenefitSettingsForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { saveBenefitSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("benefits.settings"))("title") };
}

/** When follow-ups fall due after delivery and when they count as overdue (DIG and admin). */
export default async function BenefitSettingsPage() {
  const user = await requireUser();
  if (!can(user, "benefit.settings")) redirect("/settings?denied=benefits");
  const [t, settings] = await Promise.all([getTranslations("benefits"), benefitSettings()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("settings.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("settings.intro")}</p>
      </div>
      <ClientMessages namespaces={["validation"]}>
        <BenefitSettingsForm
          action={saveBenefitSettingsAction}
          followUpMonths={settings.followUpMonths}
          overdueAfterDays={settings.overdueAfterDays}
          words={{
            followUpMonths: t("settings.followUpMonths"), followUpMonthsHelp: t("settings.followUpMonthsHelp"), overdueAfterDays: t("settings.overdueAfterDays"),
            overdueAfterDaysHelp: t("settings.overdueAfterDaysHelp"), save: t("settings.save"), saved: t("settings.saved"), forbidden: t("codes.FORBIDDEN"), error: t("codes.default"),
          }}
        />
      </ClientMessages>
    </div>
  );
}
