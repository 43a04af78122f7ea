import { NotificationKind as KindValues } from '@mutualis/db/enums';
import { builder } from '../../graphql/builder.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { unreadCount } from './loaders.ts';
import { notificationVisibility } from './rules.ts';
import { markNotificationsRead } from './service.ts';

// In-app notifications: each person reads and marks their own; the e-mails are sent from the same rows (mailer.ts).

const NotificationKind = prismaEnum('NotificationKind', KindValues, 'Sujet d’une notification : adhésion, demande du rôle d’administrateur, invitation, modération d’un avis…');

export const Notification = builder.prismaNode('Notification', {
  description: 'Une notification adressée à une personne (elle seule la voit).',
  id: { field: 'id' },
  ...visibleTo('Notification', notificationVisibility),
  fields: (t) => ({
    kind: t.expose('kind', { type: NotificationKind }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    link: t.exposeString('link', { nullable: true, description: 'Chemin dans l’application.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true }),
    read: t.boolean({ select: { readAt: true }, resolve: (n) => n.readAt !== null }),
  }),
});

const own = (user: { id: number }, _a: unknown, ctx: { viewer: { id: number } | null }) => ctx.viewer?.id === user.id;

builder.prismaObjectFields('User', (t) => ({
  notifications: t.relatedConnection('notifications', {
    description: 'Les notifications de la personne, les plus récentes d’abord (elle seule les lit) ; unreadOnly : les non lues.',
    cursor: 'id',
    maxSize: 100,
    defaultSize: 20,
    nullable: true,
    authScopes: own,
    unauthorizedResolver: () => null as never,
    args: { unreadOnly: t.arg.boolean({ required: false, defaultValue: false }) },
    query: (args) => ({ where: args.unreadOnly ? { readAt: null } : {}, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
  }),
  unreadNotificationCount: t.int({
    nullable: true,
    description: 'Notifications non lues (la personne seule).',
    authScopes: own,
    unauthorizedResolver: () => null,
    resolve: (u, _a, ctx) => unreadCount(ctx, u.id),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationsRead: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'Marque comme lues ses notifications : celles données (ids), ou toutes (all). Répond la personne connectée.',
    errors: {},
    args: { ids: t.arg.globalIDList({ for: Notification, required: false }), all: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: async (query, _p, args, ctx) => {
      await markNotificationsRead(ctx, ctx.viewer.id, { ids: args.ids?.map((id) => Number(id.id)), all: args.all === true });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: ctx.viewer.id } });
    },
  }),
}));
