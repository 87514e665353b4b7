import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toLocale } from "@/lib/i18n/locales";
import { publicUrl, sendMail, mailConfigured } from "./mail";

type Tx = Prisma.TransactionClient;

/** One in-app notification; kind is an i18n key under notification.*, params fill it. */
export type Notice = { userId: string; initiativeId: string | null; kind: string; params: Record<string, string | number> };

/** Tells the owning department's managers; kind is an i18n key under notification.*. */
export async function notifyDepartment(tx: Tx, departmentId: string, initiativeId: string, kind: string, params: Record<string, string | number>) {
  const managers = await tx.user.findMany({ where: { departmentId, role: "DEPARTMENT_MANAGER", active: true }, select: { id: true } });
  if (managers.length) {
    await tx.notification.createMany({ data: managers.map((m) => ({ userId: m.id, initiativeId, kind, params })) });
  }
}

/** In-app notifications, written in the change's own transaction. */
export async function notifyUsers(tx: Tx, notices: readonly Notice[]): Promise<void> {
  if (notices.length) await tx.notification.createMany({ data: notices.map((n) => ({ userId: n.userId, initiativeId: n.initiativeId, kind: n.kind, params: n.params })) });
}

/** Kinds that are also mailed (when mail is configured), with a subject and body under mail.<kind>. */
const MAILED = new Set(["benefitOwnerAssigned", "followUpDue", "followUpOverdue"]);

/**
 * Mails the notices that are mailed, each in its reader's language with a link to the
 * initiative, after the change has committed. A mail that cannot be sent leaves the in-app
 * notification; it is logged, not retried.
 */
export async function mailNotifications(notices: readonly Notice[]): Promise<number> {
  const mailed = notices.filter((n) => MAILED.has(n.kind));
  if (!mailed.length || !mailConfigured()) return 0;
  const { translator } = await import("@/lib/i18n/translator");
  const people = new Map((await prisma.user.findMany({ where: { id: { in: [...new Set(mailed.map((n) => n.userId))] }, active: true }, select: { id: true, email: true, name: true, locale: true } })).map((u) => [u.id, u]));
  let sent = 0;
  for (const n of mailed) {
    const person = people.get(n.userId);
    if (!person) continue;
    const t = translator(toLocale(person.locale));
    const url = publicUrl(n.initiativeId ? `/initiatives/${n.initiativeId}#benefit-plan` : "/benefits");
    const params = { ...n.params, name: person.name, url };
    const result = await sendMail({ to: person.email, subject: t(`mail.${n.kind}.subject` as never, params as never), text: t(`mail.${n.kind}.body` as never, params as never) });
    if (result.sent) sent += 1;
  }
  return sent;
}

export async function unreadNotifications(userId: string) {
  return prisma.notification.findMany({
    where: { userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take: 20,
    include: { initiative: { select: { id: true, number: true, title: true } } },
  });
}

/** Opening the initiative reads its messages (the reader's own inbox state, not audited). */
export async function markRead(userId: string, initiativeId: string) {
  await prisma.notification.updateMany({ where: { userId, initiativeId, readAt: null }, data: { readAt: new Date() } });
}
