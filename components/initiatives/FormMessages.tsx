import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

/** Sends the browser only the message namespaces the initiative form uses. */
export async function FormMessages({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const pick = ["initiative", "validation", "benefitRecipient", "nature", "benefitCategory", "certainty"] as const;
  return (
    <NextIntlClientProvider locale={locale} messages={Object.fromEntries(pick.map((k) => [k, messages[k]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
