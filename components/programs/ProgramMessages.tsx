import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";

type Messages = Record<string, Record<string, unknown>>;

/**
 * Gives this feature's client forms the validation messages: the shared ones plus the
 * few this feature adds (kept in the programs namespace), and nothing else.
 */
export async function ProgramMessages({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const m = messages as unknown as Messages;
  return (
    <NextIntlClientProvider locale={locale} messages={{ validation: { ...m.validation, ...(m.programs?.validation as Record<string, unknown>) } }}>
      {children}
    </NextIntlClientProvider>
  );
}
