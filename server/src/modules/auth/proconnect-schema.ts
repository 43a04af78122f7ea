import { builder, type PothosTypes } from '../../graphql/builder.ts';
import { logoutUrlOf, proconnectSettings } from './proconnect-service.ts';

// The GraphQL side of ProConnect: whether the button is offered, whether a person's membership was proved by it, and
// the provider's logout URL that signOut leaves for a ProConnect session.

const AuthOptions = builder.objectRef<{ proconnect: boolean }>('AuthOptions').implement({
  description: 'Les moyens de connexion offerts par ce site.',
  fields: (t) => ({
    proconnect: t.exposeBoolean('proconnect', {
      description: 'Vrai quand la connexion par ProConnect est configurée (bouton « S’identifier avec ProConnect »).',
    }),
  }),
});

builder.queryFields((t) => ({
  authOptions: t.field({
    type: AuthOptions,
    description: 'Les moyens de connexion offerts (mot de passe toujours ; ProConnect quand il est configuré).',
    resolve: () => ({ proconnect: proconnectSettings() !== undefined }),
  }),
}));

builder.prismaObjectFields('User', (t) => ({
  membershipVerified: t.boolean({
    description: 'Vrai quand ProConnect a attesté l’appartenance à la collectivité (SIRET de l’établissement vérifié).',
    select: { membershipVerifiedAt: true },
    resolve: (user) => user.membershipVerifiedAt !== null,
  }),
}));

type SignOutResultFields = PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<PothosTypes>, boolean>;

/** The `logoutUrl` field of signOut's success: where the browser goes to end the ProConnect session too. */
export const signOutLogoutUrl = (t: SignOutResultFields) =>
  t.string({
    nullable: true,
    description:
      'Après la fermeture d’une session ouverte par ProConnect : l’adresse de déconnexion de ProConnect (id_token_hint, state, ' +
      'retour à l’accueil), où le navigateur doit aller. Null pour une session par mot de passe.',
    resolve: (_signedOut, _args, ctx) => logoutUrlOf(ctx),
  });
