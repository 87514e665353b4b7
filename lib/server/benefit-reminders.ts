import "server-only";
// Reminds benefit owners of their follow-ups: when one falls due, when it becomes overdue
// (each once, in the app and by mail), and a weekly digest by mail of what is open. Runs in the
// server every few minutes (instrumentation.ts), and from the command line for a cron job.
// One run at a time, across server processes too (an advisory lock in the transaction).
import { prisma } from "@/lib/db";
import { followUpState } from "@/lib/domain/benefits";
import { toLocale } from "@/lib/i18n/locales";
import { benefitSettings } from "./benefits";
import { now as clockNow } from "./clock";
import { mailConfigured, publicUrl, sendMail } from "./mail";
import { mailNotifications, notifyUsers, type Notice } from "./notifications";

const LOCK = 72707371;
const WEEK_MS = 7 * 86_400_000;

export type ReminderRun = { due: number; overdue: number; mailed: number; digests: number };

export async function runBenefitReminders(at?: Date): Promise<ReminderRun> {
  const now = at ?? (await clockNow());
  const settings = await benefitSettings();
  const overdueBefore = new Date(now.getTime() - settings.overdueAfterDays * 86_400_000);
  const notices = await prisma.$transaction(async (tx) => {
    const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`);
    if (!lock?.locked) return null;
    const include = {
      indicator: { select: { ownerId: true, description: true, ownerUser: { select: { active: true } } } },
      initiative: { select: { id: true, number: true, title: true, ownerDepartmentId: true } },
    } as const;
    const [due, overdue] = await Promise.all([
      tx.followUp.findMany({ where: { completedAt: null, notifiedDueAt: null, dueAt: { lte: now } }, include, take: 1000 }),
      tx.followUp.findMany({ where: { completedAt: null, notifiedOverdueAt: null, dueAt: { lt: overdueBefore } }, include, take: 1000 }),
    ]);
    // The benefit's owner; where it has none (or they left), the owning department's managers.
    const managers = new Map<string, string[]>();
    const recipients = async (f: (typeof due)[number]) => {
      if (f.indicator.ownerId && f.indicator.ownerUser?.active) return [f.indicator.ownerId];
      const dep = f.initiative.ownerDepartmentId;
      if (!managers.has(dep)) managers.set(dep, (await tx.user.findMany({ where: { departmentId: dep, role: "DEPARTMENT_MANAGER", active: true }, select: { id: true } })).map((u) => u.id));
      return managers.get(dep)!;
    };
    const out: Notice[] = [];
    const notice = async (f: (typeof due)[number], kind: "followUpDue" | "followUpOverdue") => {
      const params = { number: f.initiative.number, title: f.initiative.title, benefit: f.indicator.description.slice(0, 120), months: f.offsetMonths, due: f.dueAt.toISOString().slice(0, 10) };
      for (const userId of await recipients(f)) out.push({ userId, initiativeId: f.initiative.id, kind, params });
    };
    for (const f of due) await notice(f, "followUpDue");
    for (const f of overdue) await notice(f, "followUpOverdue");
    await notifyUsers(tx, out);
    if (due.length) await tx.followUp.updateMany({ where: { id: { in: due.map((f) => f.id) } }, data: { notifiedDueAt: now } });
    if (overdue.length) await tx.followUp.updateMany({ where: { id: { in: overdue.map((f) => f.id) } }, data: { notifiedOverdueAt: now } });
    return { notices: out, due: due.length, overdue: overdue.length };
  });
  if (!notices) return { due: 0, overdue: 0, mailed: 0, digests: 0 };
  const mailed = await mailNotifications(notices.notices);
  const digests = await sendDigests(now, settings.overdueAfterDays);
  return { due: notices.due, overdue: notices.overdue, mailed, digests };
}

/**
 * The weekly digest: to each person who owns open (due or overdue) follow-ups and has had no
 * digest for a week, one mail in their language listing them, with links.
 */
async function sendDigests(now: Date, overdueAfterDays: number): Promise<number> {
  if (!mailConfigured()) return 0;
  const open = await prisma.followUp.findMany({
    where: { completedAt: null, dueAt: { lte: now }, indicator: { ownerUser: { active: true, OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: new Date(now.getTime() - WEEK_MS) } }] } } },
    include: { indicator: { select: { description: true, ownerUser: { select: { id: true, email: true, name: true, locale: true } } } }, initiative: { select: { id: true, number: true, title: true } } },
    orderBy: { dueAt: "asc" },
    take: 5000,
  });
  const byPerson = new Map<string, typeof open>();
  for (const f of open) {
    const owner = f.indicator.ownerUser!;
    byPerson.set(owner.id, [...(byPerson.get(owner.id) ?? []), f]);
  }
  const { translator } = await import("@/lib/i18n/translator");
  let sent = 0;
  for (const [, items] of byPerson) {
    const owner = items[0]!.indicator.ownerUser!;
    const t = translator(toLocale(owner.locale));
    const lines = items.map((f) =>
      t("mail.digest.line", {
        state: t(`benefits.state.${followUpState(f, now, overdueAfterDays)}` as never),
        number: f.initiative.number,
        title: f.initiative.title,
        benefit: f.indicator.description.slice(0, 120),
        due: f.dueAt.toISOString().slice(0, 10),
        url: publicUrl(`/initiatives/${f.initiative.id}#benefit-plan`),
      }),
    );
    const result = await sendMail({ to: owner.email, subject: t("mail.digest.subject", { count: items.length }), text: t("mail.digest.body", { name: owner.name, count: items.length, list: lines.join("\n"), url: publicUrl("/benefits") }) });
    if (result.sent) {
      sent += 1;
      await prisma.user.update({ where: { id: owner.id }, data: { lastDigestAt: now } });
    }
  }
  return sent;
}

const globalForReminders = globalThis as unknown as { portfoljenReminders?: NodeJS.Timeout };

/** In the server: a first run soon after start, then every ten minutes. */
export function startBenefitReminders(log: (line: string) => void = console.log): void {
  if (globalForReminders.portfoljenReminders || process.env.PORTFOLJEN_REMINDERS === "0") return;
  const run = () =>
    runBenefitReminders().then(
      (r) => {
        if (r.due || r.overdue || r.digests) log(`[portföljen] follow-up reminders: ${r.due} due, ${r.overdue} overdue, ${r.mailed} mailed, ${r.digests} digests`);
      },
      (error: unknown) => log(`[portföljen] follow-up reminders failed: ${(error as Error).message}`),
    );
  setTimeout(run, 5_000).unref();
  globalForReminders.portfoljenReminders = setInterval(run, 10 * 60_000);
  globalForReminders.portfoljenReminders.unref();
}
