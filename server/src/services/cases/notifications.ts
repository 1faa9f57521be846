import type { NotificationsQuery, NotificationView } from '@zhengtong/contracts';
import type { Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import type { Row } from '../../kernel/db';
import type { CasesContext } from './context';
import { findNotification, listNotifications, markNotificationsRead } from './repo';

// The portal inbox (站内消息): each account reads and marks only its own notices.

function view(row: Row<'notifications'>): NotificationView {
  return { id: row.id, kind: row.kind, title: row.title, body: row.body, caseId: row.case_id, createdAt: row.created_at.toISOString(), readAt: row.read_at?.toISOString() ?? null };
}

function accountOf(actor: Actor): string {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  return actor.accountId;
}

export async function myNotifications(ctx: CasesContext, { actor, query }: { actor: Actor; query: NotificationsQuery }): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  const { rows, total, unread } = await listNotifications(ctx.kernel.db, accountOf(actor), { isUnread: query.isUnread, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items: rows.map(view), total, unread };
}

export async function markRead(ctx: CasesContext, { actor, id }: { actor: Actor; id: string }): Promise<NotificationView> {
  const accountId = accountOf(actor);
  await markNotificationsRead(ctx.kernel.db, accountId, id);
  const row = await findNotification(ctx.kernel.db, accountId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return view(row);
}

export async function markAllRead(ctx: CasesContext, { actor }: { actor: Actor }): Promise<{ marked: number }> {
  return { marked: await markNotificationsRead(ctx.kernel.db, accountOf(actor)) };
}
