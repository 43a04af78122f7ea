import { erasePerson } from './erasure.ts';
import { isAdmin } from './rules.ts';
import { audited } from '../audit/service.ts';
import { builder } from '../../graphql/builder.ts';
import { ConflictError, ForbiddenError, NotFoundError, requireViewer } from '../../graphql/errors.ts';
import { User } from './schema.ts';

builder.mutationFields((t) => ({
  eraseUser: t.prismaField({
    type: 'User',
    description:
      'Efface les données personnelles d’une personne (droit à l’effacement) : son compte devient « Utilisateur supprimé n° … » ' +
      'sans adresse ni mot de passe, ses sessions sont fermées, et son adresse et son nom disparaissent des instantanés du ' +
      'journal d’audit, dont les événements restent (qui, quoi, quand). Irréversible ; administrateur de la plateforme seulement.',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (!isAdmin(viewer)) throw new ForbiddenError();
      const userId = Number(args.userId.id);
      // an administrator who erased themselves would lock the platform out without anyone having decided it
      if (userId === viewer.id) throw new ConflictError('Vous ne pouvez pas effacer votre propre compte : demandez-le à un autre administrateur.');
      const erased = await audited(ctx, 'user.erase', async (tx) => {
        const done = await erasePerson(tx, userId);
        if (!done) throw new NotFoundError('Personne introuvable.');
        return {
          result: done,
          entityType: 'User',
          entityId: userId,
          organizationId: done.organizationId,
          after: { erased: true, auditEventsPseudonymized: done.auditEvents, sessionsClosed: done.sessions },
        };
      });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: erased.userId } });
    },
  }),
}));
