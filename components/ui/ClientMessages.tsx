import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/i18n/pick";

const FORM_NAMESPACES = ["initiative", "validation", "benefitRecipient", "nature", "benefitCategory", "certainty"];

/**
 * Sends the browser only the messages its client components use: whole namespaces ("validation")
 * or parts of one ("resources.manage"), so a form does not carry its page's every sentence.
 */
export async function ClientMessages({ children, namespaces = FORM_NAMESPACES }: { children: React.ReactNode; namespaces?: string[] }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
