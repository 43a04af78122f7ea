import { MembershipStatus as MembershipValues, Role as RoleValues } from '@mutualis/db/enums';
import { emailVisibility, isVisible, userVisibility, visibleWhere } from '../../shared/permissions.ts';
import { applicantOrganization, approveMembership, changePassword, setUserRoles, signIn, signOut, signUp } from './service.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { signOutLogoutUrl } from './proconnect-schema.ts';

export const Role = prismaEnum('Role', RoleValues, 'Rôle : membre, administrateur de l’organisation, auditeur (lecture seule), fournisseur, administrateur de la plateforme.');
const MembershipStatus = prismaEnum('MembershipStatus', MembershipValues, 'Adhésion à l’organisation : en attente d’approbation, approuvée, refusée.');

export const User = builder.prismaNode('User', {
  description: 'Une personne d’une collectivité (ou de la plateforme, d’un fournisseur).',
  id: { field: 'id' },
  // no public list shows people: the same rule on every path, and node(id:) finds nothing rather than a refused person
  ...visibleTo('User', userVisibility),
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.string({
      description: 'Visible par la personne elle-même, les administrateurs de son organisation et de la plateforme.',
      nullable: true,
      select: { email: true, organizationId: true },
      authScopes: (user, _args, ctx) => isVisible(emailVisibility(ctx.viewer), user),
      unauthorizedResolver: () => null,
      resolve: (user) => user.email,
    }),
    roles: t.expose('roles', { type: [Role] }),
    membershipStatus: t.expose('membershipStatus', { type: MembershipStatus }),
    organization: t.relation('organization'),
    provider: t.relation('provider', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  users: t.relation('users', {
    description:
      'Personnes de la collectivité que la personne connectée peut voir : toutes pour ses administrateurs, les auditeurs et ' +
      'les administrateurs de la plateforme ; soi-même sinon.',
    query: (_args, ctx) => ({ where: visibleWhere(userVisibility(ctx.viewer)), orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  }),
}));

builder.queryFields((t) => ({
  viewer: t.field({
    type: User,
    nullable: true,
    description: 'La personne connectée, ou null.',
    // already loaded with its organization when the request's session was read
    resolve: (_parent, _args, ctx) => ctx.viewer,
  }),
}));

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    email: t.string(),
    password: t.string({ description: '12 caractères au moins.' }),
    name: t.string(),
    organizationSiren: t.string({ description: 'SIREN de la collectivité à rejoindre.' }),
  }),
});

builder.mutationFields((t) => ({
  signUp: t.prismaField({
    type: 'User',
    description: 'Crée un compte membre ; l’adhésion reste en attente jusqu’à l’approbation d’un administrateur de l’organisation.',
    errors: {},
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: (query, _parent, { input }, ctx) => signUp(ctx, input, query),
  }),

  signIn: t.prismaField({
    type: 'User',
    description:
      'Ouvre une session (cookie httpOnly) et ferme la précédente de ce navigateur. Cinq mots de passe erronés en 15 minutes ' +
      'pour un compte depuis une même adresse bloquent ce couple 15 minutes ; trente pour un compte, toutes adresses ' +
      'confondues, bloquent le compte ; cent depuis une adresse, tous comptes confondus, bloquent l’adresse.',
    errors: {},
    args: { email: t.arg.string(), password: t.arg.string() },
    resolve: (query, _parent, args, ctx) => signIn(ctx, args, query),
  }),

  signOut: t.boolean({
    description: 'Ferme la session courante.',
    errors: { result: { fields: (r) => ({ logoutUrl: signOutLogoutUrl(r) }) } },
    resolve: (_parent, _args, ctx) => signOut(ctx),
  }),

  // a pending (or refused) applicant manages its own credential too
  changePassword: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description:
      'Change le mot de passe de la personne connectée : vérifie l’actuel (mêmes limites de tentatives que la connexion), ' +
      'ferme toutes ses autres sessions et renouvelle la session courante.',
    errors: {},
    args: { currentPassword: t.arg.string(), newPassword: t.arg.string({ description: '12 caractères au moins.' }) },
    resolve: (query, _parent, args, ctx) => changePassword(ctx, args, query),
  }),

  approveMembership: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'Approuve (ou refuse) l’adhésion en attente d’une personne : administrateur de son organisation, ou de la plateforme.',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }), approve: t.arg.boolean({ defaultValue: true, required: false }) },
    // signed in first: an anonymous visitor learns nothing, not even whether the person exists (NOT_FOUND)
    authScopes: async (_parent, args, ctx) =>
      ctx.viewer ? { approves: await applicantOrganization(ctx, Number(args.userId.id)) } : { loggedIn: true },
    resolve: (query, _parent, args, ctx) => approveMembership(ctx, Number(args.userId.id), args.approve !== false, query),
  }),

  setUserRoles: t.withAuth({ admin: true }).prismaField({
    type: 'User',
    description: 'Nomme les rôles d’une personne (ORG_ADMIN, AUDITOR, PROVIDER…) : administrateur de la plateforme seulement.',
    errors: {},
    args: {
      userId: t.arg.globalID({ for: User }),
      roles: t.arg({ type: [Role] }),
      providerSlug: t.arg.string({ required: false, description: 'Fournisseur représenté, pour le rôle PROVIDER.' }),
    },
    resolve: (query, _parent, { userId, ...args }, ctx) => setUserRoles(ctx, { ...args, userId: Number(userId.id) }, query),
  }),
}));
