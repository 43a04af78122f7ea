import type { Context } from '../../graphql/context.ts';

/** Unread notifications of a person (index userId, readAt). */
export const unreadCount = (ctx: Context, userId: number): Promise<number> =>
  ctx.prisma.notification.count({ where: { userId, readAt: null } });
