import { eraseUser } from './service.ts';
import { builder } from '../../graphql/builder.ts';
import { User } from './schema.ts';

builder.mutationFields((t) => ({
  eraseUser: t.withAuth({ admin: true }).prismaField({
    type: 'User',
    description:
      'Efface les données personnelles d’une personne (droit à l’effacement) : son compte devient « Utilisateur supprimé n° … » ' +
      'sans adresse ni mot de passe, ses sessions sont fermées, et son adresse et son nom disparaissent des instantanés du ' +
      'journal d’audit, dont les événements restent (qui, quoi, quand). Irréversible ; administrateur de la plateforme seulement.',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }) },
    resolve: (query, _parent, args, ctx) => eraseUser(ctx, Number(args.userId.id), query),
  }),
}));
