import "server-only";
// Mail through the municipality's SMTP server (nodemailer), when SMTP_URL and MAIL_FROM are set.
// Sending never decides whether a change is stored: a change commits first, its mail follows,
// and a mail that cannot be sent is reported to the caller, not thrown.
import nodemailer, { type Transporter } from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type MailResult = { sent: true } | { sent: false; reason: "notConfigured" | "failed" };

const globalForMail = globalThis as unknown as { portfoljenMail?: { url: string; transport: Transporter } };

export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL && process.env.MAIL_FROM);
}

function transport(): Transporter {
  const url = process.env.SMTP_URL!;
  const cached = globalForMail.portfoljenMail;
  if (cached?.url === url) return cached.transport;
  const created = nodemailer.createTransport(url);
  globalForMail.portfoljenMail = { url, transport: created };
  return created;
}

export async function sendMail(mail: Mail): Promise<MailResult> {
  if (!mailConfigured()) return { sent: false, reason: "notConfigured" };
  try {
    await transport().sendMail({ from: process.env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return { sent: true };
  } catch (error) {
    console.error(`[portföljen] mail to ${mail.to} could not be sent: ${(error as Error).message}`);
    return { sent: false, reason: "failed" };
  }
}

/** The public address links in mail and in the log point at. */
export function publicUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
  return `${base}${path}`;
}
