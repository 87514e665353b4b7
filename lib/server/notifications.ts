import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Tells the owning department's managers; kind is an i18n key under notification.*. */
export async function notifyDepartment(tx: Tx, departmentId: string, initiativeId: string, kind: string, params: Record<string, string | number>) {
  const managers = await tx.user.findMany({ where: { departmentId, role: "DEPARTMENT_MANAGER", active: true }, select: { id: true } });
  if (managers.length) {
    await tx.notification.createMany({ data: managers.map((m) => ({ userId: m.id, initiativeId, kind, params })) });
  }
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
