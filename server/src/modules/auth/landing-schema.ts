import { builder } from '../../graphql/builder.ts';
import { landingPath } from '../../shared/landing.ts';

builder.prismaObjectFields('User', (t) => ({
  landingPath: t.string({
    nullable: true,
    description: 'Page d’arrivée après la connexion, selon le rôle (visible par la personne elle-même seulement).',
    select: { id: true, roles: true, membershipStatus: true, provider: { select: { slug: true } } },
    authScopes: (user, _args, ctx) => ctx.viewer?.id === user.id,
    unauthorizedResolver: () => null,
    resolve: (user) => landingPath(user),
  }),
}));
