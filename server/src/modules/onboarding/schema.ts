import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { builder } from '../../graphql/builder.ts';
import { User } from '../auth/schema.ts';
import { Organization } from '../organizations/schema.ts';
import {
  applicantOrganization,
  cancelAdminRequest,
  cancelMembershipRequest,
  canRequestOrganizationAdmin,
  decideAdminRequest,
  decideMembership,
  pendingApplications,
  pendingApplicationTotal,
  pendingDecision,
  requestOrganizationAdmin,
  type PendingApplication as Application,
  type PendingDecision as Decision,
} from './service.ts';

// Onboarding (issue 14): the platform team's queue, the decisions, the ORG_ADMIN requests, and what the waiting
// person is told. Resolvers check scopes and call service.ts.

const ApplicationKind = builder.enumType('ApplicationKind', {
  description: 'Ce qui attend une décision : une adhésion (MEMBERSHIP) ou une demande du rôle d’administrateur (ORGANIZATION_ADMIN).',
  values: ['MEMBERSHIP', 'ORGANIZATION_ADMIN'] as const,
});

const DomainHint = builder.enumType('DomainHint', {
  description:
    'Ce que suggère le domaine de l’adresse : il contient le nom de la collectivité (ORGANIZATION_NAME), c’est un domaine ' +
    'public (PUBLIC_SECTOR), une messagerie personnelle (PERSONAL_MAILBOX), ou sans rapport apparent (UNRELATED). Un indice, pas une preuve.',
  values: ['ORGANIZATION_NAME', 'PUBLIC_SECTOR', 'PERSONAL_MAILBOX', 'UNRELATED'] as const,
});

const PendingApplication = builder.objectRef<Application>('PendingApplication').implement({
  description: 'Une personne qui attend une décision de l’équipe Mutualis, avec les indices utiles pour décider.',
  fields: (t) => ({
    kind: t.field({ type: ApplicationKind, resolve: (a) => a.kind }),
    person: t.field({ type: User, resolve: (a) => a.user }),
    organization: t.field({ type: Organization, resolve: (a) => a.user.organization }),
    since: t.field({ type: 'DateTime', description: 'Date de l’inscription, ou de la demande du rôle.', resolve: (a) => a.since }),
    emailDomain: t.string({ resolve: (a) => a.emailDomain }),
    domainHint: t.field({ type: DomainHint, resolve: (a) => a.domainHint }),
    domainMatchesOrganization: t.boolean({ description: 'Le domaine évoque la collectivité ou un domaine public.', resolve: (a) => a.domainMatchesOrganization }),
    proconnectVerifiedAt: t.field({ type: 'DateTime', nullable: true, description: 'Appartenance attestée par ProConnect.', resolve: (a) => a.user.membershipVerifiedAt }),
    adminRequestReason: t.string({ nullable: true, description: 'Motif de la demande du rôle d’administrateur.', resolve: (a) => a.user.adminRequestReason }),
  }),
});

const PendingDecision = builder.objectRef<Decision>('PendingDecision').implement({
  description: 'Qui décidera de la demande de la personne connectée, et depuis quand elle attend (jamais les adresses des décideurs).',
  fields: (t) => ({
    kind: t.field({ type: ApplicationKind, resolve: (d) => d.kind }),
    deciders: t.string({ description: '« les 2 administrateurs de … », ou « l’équipe Mutualis ».', resolve: (d) => d.deciders }),
    deciderCount: t.int({ description: 'Administrateurs de l’organisation ; 0 quand l’équipe Mutualis décide.', resolve: (d) => d.deciderCount }),
    byPlatformTeam: t.boolean({ resolve: (d) => d.byPlatformTeam }),
    since: t.field({ type: 'DateTime', resolve: (d) => d.since }),
  }),
});

/** Fields only the person themself reads (null for anyone else). */
const self = { nullable: true, authScopes: (user: { id: number }, _a: unknown, ctx: { viewer: { id: number } | null }) => ctx.viewer?.id === user.id, unauthorizedResolver: () => null } as const;

builder.prismaObjectFields('User', (t) => ({
  pendingDecision: t.field({ type: PendingDecision, ...self, description: 'Ce qui attend une décision pour cette personne (elle seule le voit).', resolve: (u, _a, ctx) => pendingDecision(ctx, u.id) }),
  membershipDecisionReason: t.exposeString('membershipDecisionReason', { ...self, description: 'Motif de la décision sur l’adhésion (la personne seule).' }),
  adminRequestStatus: t.string({ ...self, select: { adminRequestStatus: true }, resolve: (u) => u.adminRequestStatus, description: 'PENDING, APPROVED ou REFUSED (la personne seule).' }),
  adminDecisionReason: t.exposeString('adminDecisionReason', { ...self, description: 'Motif de la décision sur la demande du rôle (la personne seule).' }),
  viewerCanRequestOrganizationAdmin: t.boolean({
    description: 'La personne connectée peut demander le rôle d’administrateur de son organisation (premier membre vérifié, sans administrateur).',
    resolve: (u, _a, ctx) => ctx.viewer?.id === u.id && canRequestOrganizationAdmin(ctx, u.id),
  }),
}));

builder.queryFields((t) => ({
  pendingMemberships: t.connection(
    {
      type: PendingApplication,
      description: 'Adhésions et demandes du rôle d’administrateur en attente des organisations sans administrateur, les plus anciennes d’abord (administrateurs de la plateforme).',
      authScopes: { admin: true },
      resolve: (_p, args, ctx) => resolveOffsetConnection({ args, defaultSize: 20, maxSize: 100 }, ({ offset, limit }) => pendingApplications(ctx, offset, limit)),
    },
    { name: 'PendingApplicationConnection', fields: (c) => ({ totalCount: c.int({ resolve: (_c, _a, ctx) => pendingApplicationTotal(ctx) }) }) },
  ),
}));

const reasonArg = (t: { arg: { string: (o: object) => unknown } }, description: string) =>
  t.arg.string({ required: false, description, extensions: { multiline: true } });

builder.mutationFields((t) => ({
  decideMembership: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'Approuve ou refuse une adhésion en attente, avec un motif (obligatoire pour refuser, 500 caractères au plus) : administrateurs de son organisation, ou de la plateforme. La personne est notifiée.',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }), approve: t.arg.boolean(), reason: reasonArg(t, 'Motif de la décision.') as never },
    authScopes: async (_p, args, ctx) => (ctx.viewer ? { approves: await applicantOrganization(ctx, Number(args.userId.id)) } : { loggedIn: true }),
    resolve: (query, _p, args, ctx) => decideMembership(ctx, Number(args.userId.id), args.approve, args.reason as string | null, query),
  }),
  requestOrganizationAdmin: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'Demande le rôle d’administrateur de son organisation, avec un motif : le premier membre vérifié d’une organisation sans administrateur. L’équipe Mutualis décide.',
    errors: {},
    args: { reason: t.arg.string({ extensions: { multiline: true } }) },
    resolve: (query, _p, args, ctx) => requestOrganizationAdmin(ctx, args.reason, query),
  }),
  decideAdminRequest: t.withAuth({ admin: true }).prismaField({
    type: 'User',
    description: 'Accepte (le rôle ORG_ADMIN est ajouté) ou refuse une demande du rôle d’administrateur, avec un motif obligatoire pour refuser (administrateurs de la plateforme).',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }), approve: t.arg.boolean(), reason: reasonArg(t, 'Motif de la décision.') as never },
    resolve: (query, _p, args, ctx) => decideAdminRequest(ctx, Number(args.userId.id), args.approve, args.reason as string | null, query),
  }),
  cancelMembershipRequest: t.withAuth({ loggedIn: true }).boolean({
    description: 'Retire sa demande d’adhésion en attente : le compte devient refusé (« annulée par la personne ») et toutes ses sessions se ferment.',
    errors: {},
    resolve: (_p, _a, ctx) => cancelMembershipRequest(ctx),
  }),
  cancelAdminRequest: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'Retire sa demande du rôle d’administrateur.',
    errors: {},
    resolve: (query, _p, _a, ctx) => cancelAdminRequest(ctx, query),
  }),
}));
