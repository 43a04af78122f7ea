import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import {
  canActForOrganization,
  canAdministerOrganization,
  canEditCatalogue,
  canFlagReview,
  canModerate,
  canReadAudit,
  canVoteReview,
} from '../../shared/permissions.ts';

/** What the signed-in person may do in general, from the same rules the API enforces (the web copies none of them). */
const ViewerPermissions = builder.objectRef<Context>('ViewerPermissions').implement({
  description: 'Ce que la personne connectée peut faire, calculé par les règles que l’API applique (tout est faux pour un visiteur).',
  fields: (t) => {
    const can = (description: string, rule: (viewer: NonNullable<Context['viewer']>) => boolean) =>
      t.boolean({ description, resolve: (ctx) => !!ctx.viewer && rule(ctx.viewer) });
    return {
      actForOrganization: can('Déclarer des déploiements et publier des avis au nom de son organisation.', (v) => canActForOrganization(v, v.organizationId)),
      administerOrganization: can('Gérer son organisation : charte, adhésions, groupements de commandes.', (v) => canAdministerOrganization(v, v.organizationId)),
      readAudit: can('Consulter le journal d’audit et les statistiques détaillées.', canReadAudit),
      moderate: can('Modérer les avis et nommer les rôles.', canModerate),
      flagReviews: can('Signaler un avis à la modération.', canFlagReview),
      voteReviews: can('Juger un avis utile.', canVoteReview),
      editCatalogue: can('Modifier le catalogue (administrateur de la plateforme, ou fournisseur pour ses outils).', canEditCatalogue),
      pending: can('L’adhésion de la personne attend une approbation.', (v) => v.membershipStatus === 'PENDING'),
      rejected: can('L’adhésion de la personne a été refusée.', (v) => v.membershipStatus === 'REJECTED'),
    };
  },
});

builder.queryField('viewerCan', (t) =>
  t.field({ type: ViewerPermissions, description: 'Les droits de la personne connectée (tous faux sans session).', resolve: (_root, _args, ctx) => ctx }),
);
