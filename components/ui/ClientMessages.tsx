import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

const FORM_NAMESPACES = ["initiative", "validation", "benefitRecipient", "nature", "benefitCategory", "certainty"];

/** Sends the browser only the message namespaces its client components use. */
export async function ClientMessages({ children, namespaces = FORM_NAMESPACES }: { children: React.ReactNode; namespaces?: string[] }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
