import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { ContactStatus as StatusValues, DeploymentStatus as DeploymentStatusValues } from '@mutualis/db/enums';
import { builder } from '../../graphql/builder.ts';
import { batchedCount, countedConnection } from '../../graphql/counts.ts';
import { prismaEnum } from '../../graphql/enums.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { Tool } from '../catalogue/schema.ts';
import { DeploymentStatus } from '../deployments/schema.ts';
import { Organization } from '../organizations/schema.ts';
import {
  answerReferentContact,
  becomeReferent,
  canContactReferents,
  canSeeContact,
  contactReferent,
  contactWhere,
  declineReferentContact,
  deploymentStatus,
  findToolReferents,
  hasTerritory,
  PROXIMITY_LABELS,
  proximity,
  referentCounts,
  referentVisibility,
  reportReferentContact,
  revealsReferentEmail,
  viewerCanBecomeReferent,
  viewerReferent,
  withdrawReferent,
} from './service.ts';

// Referents: agents of a collectivité that deploys a tool, who offer their help to their peers. Messages to them are
// relayed by the platform; the referent's address reaches the sender only once the referent has answered.

const ContactStatus = prismaEnum('ContactStatus', StatusValues, 'Suite donnée à un message : envoyé, répondu, décliné, signalé.');
const ReferentProximity = builder.enumType('ReferentProximity', {
  description: 'Proximité du référent avec la collectivité de la personne connectée.',
  values: Object.keys(PROXIMITY_LABELS) as (keyof typeof PROXIMITY_LABELS)[],
});

const PLACE = { select: { id: true, kind: true, epciId: true, departementCode: true, regionCode: true } } as const;
const nearness = (viewer: { organization: Parameters<typeof proximity>[0] } | null, place: Parameters<typeof proximity>[1]) =>
  viewer && hasTerritory(viewer.organization) ? proximity(viewer.organization, place) : null;

export const ToolReferent = builder.prismaNode('ToolReferent', {
  description: 'Un agent référent d’un outil que sa collectivité déploie : public tant qu’il est actif et accepte d’être contacté.',
  id: { field: 'id' },
  ...visibleTo('ToolReferent', referentVisibility),
  fields: (t) => ({
    tool: t.relation('tool'),
    name: t.string({ description: 'Nom affiché du référent (jamais son adresse).', select: { user: { select: { name: true } } }, resolve: (r) => r.user.name }),
    organization: t.field({
      type: Organization,
      description: 'La collectivité du référent.',
      select: (_args, _ctx, nested) => ({ user: { select: { organization: nested(true) } } }),
      resolve: (r) => r.user.organization,
    }),
    deploymentStatus: t.field({
      type: DeploymentStatus,
      nullable: true,
      description: 'Où en est le déploiement de l’outil dans la collectivité du référent.',
      select: { toolId: true, user: { select: { organizationId: true } } },
      resolve: async (r, _a, ctx) => (await deploymentStatus(ctx, r.user.organizationId, r.toolId)) as keyof typeof DeploymentStatusValues | null,
    }),
    helpWith: t.exposeString('helpWith', { description: 'Ce sur quoi le référent peut aider.' }),
    consentToContact: t.exposeBoolean('consentToContact'),
    isDemo: t.exposeBoolean('isDemo', { description: 'Référent de démonstration.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Date de la déclaration (ou de sa dernière mise à jour).' }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    viewerProximity: t.field({
      type: ReferentProximity,
      nullable: true,
      description: 'Proximité avec la collectivité de la personne connectée (null pour un visiteur).',
      select: { user: { select: { organization: PLACE } } },
      resolve: (r, _a, ctx) => nearness(ctx.viewer, r.user.organization),
    }),
    viewerProximityLabel: t.string({
      nullable: true,
      description: '« même intercommunalité », « même département », « même région » ou « ailleurs ».',
      select: { user: { select: { organization: PLACE } } },
      resolve: (r, _a, ctx) => {
        const near = nearness(ctx.viewer, r.user.organization);
        return near ? PROXIMITY_LABELS[near] : null;
      },
    }),
    viewerIsReferent: t.boolean({ resolve: (r, _a, ctx) => ctx.viewer?.id === r.userId }),
    viewerCanContact: t.boolean({
      description: 'La personne connectée peut lui écrire (agent approuvé d’une collectivité, pas elle-même, référent actif et joignable).',
      resolve: (r, _a, ctx) => canContactReferents(ctx.viewer) && ctx.viewer.id !== r.userId && !r.withdrawnAt && r.consentToContact,
    }),
  }),
});

const referentOf = { referent: { select: { userId: true } } } as const;
const parties = (c: { senderId: number | null; referent: { userId: number } }) => ({ senderId: c.senderId, referentUserId: c.referent.userId });

export const ReferentContact = builder.prismaNode('ReferentContact', {
  description: 'Un message relayé à un référent : visible de son expéditeur et du référent seulement.',
  id: { field: 'id' },
  nullable: true,
  include: referentOf,
  // node(id:) finds only what the viewer may see, as the lists do; the rule holds on every other path too
  findUnique: (id, ctx) => ({ id: Number(id), AND: [contactWhere(ctx.viewer)] }),
  authScopes: (c, ctx) => canSeeContact(ctx.viewer, parties(c)),
  fields: (t) => ({
    tool: t.field({ type: Tool, select: (_a, _c, nested) => ({ referent: { select: { tool: nested(true) } } }), resolve: (c) => c.referent.tool }),
    referentName: t.string({ select: { referent: { select: { user: { select: { name: true } } } } }, resolve: (c) => c.referent.user.name }),
    referentOrganization: t.field({
      type: Organization,
      select: (_a, _c, nested) => ({ referent: { select: { user: { select: { organization: nested(true) } } } } }),
      resolve: (c) => c.referent.user.organization,
    }),
    referentEmail: t.string({
      nullable: true,
      description: 'L’adresse du référent : communiquée à l’expéditeur seulement une fois que le référent a répondu (null avant).',
      select: { status: true, senderId: true, referent: { select: { userId: true, user: { select: { email: true } } } } },
      resolve: (c, _a, ctx) => (revealsReferentEmail(ctx.viewer, { ...parties(c), status: c.status }) ? c.referent.user.email : null),
    }),
    senderName: t.string({ nullable: true, description: 'null quand l’expéditeur a été effacé.', select: { sender: { select: { name: true } } }, resolve: (c) => c.sender?.name ?? null }),
    senderOrganization: t.field({
      type: Organization,
      nullable: true,
      select: (_a, _c, nested) => ({ sender: { select: { organization: nested(true) } } }),
      resolve: (c) => c.sender?.organization ?? null,
    }),
    message: t.exposeString('message'),
    status: t.expose('status', { type: ContactStatus }),
    answer: t.exposeString('answer', { nullable: true }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true }),
    reportReason: t.string({ nullable: true, description: 'Motif du signalement (le référent seul).', resolve: (c, _a, ctx) => (ctx.viewer?.id === c.referent.userId ? c.reportReason : null) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    viewerIsReferent: t.boolean({ description: 'La personne connectée est le référent destinataire.', resolve: (c, _a, ctx) => ctx.viewer?.id === c.referent.userId }),
  }),
});

const referentCount = batchedCount('toolReferents', referentCounts);

builder.prismaObjectFields('Tool', (t) => ({
  referents: t.connection(
    {
      type: ToolReferent,
      description: 'Les référents de l’outil, les plus proches de la collectivité de la personne connectée d’abord (même EPCI, département, région), 50 par page au plus.',
      resolve: async (tool, args, ctx) => ({
        ...(await resolveOffsetConnection({ args, defaultSize: 10, maxSize: 50 }, ({ offset, limit }) => findToolReferents(ctx, tool.id, limit, offset))),
        parent: tool,
      }),
    },
    countedConnection(referentCount),
  ),
  viewerReferent: t.prismaField({
    type: 'ToolReferent',
    nullable: true,
    description: 'La déclaration de référent de la personne connectée pour cet outil (active ou retirée).',
    resolve: (query, tool, _a, ctx) => viewerReferent(ctx, tool.id, query),
  }),
  viewerCanBecomeReferent: t.boolean({
    description: 'Agent approuvé d’une collectivité qui a déclaré l’outil en expérimentation ou en production.',
    resolve: (tool, _a, ctx) => viewerCanBecomeReferent(ctx, tool.id),
  }),
}));

const own = (user: { id: number }, _a: unknown, ctx: { viewer: { id: number } | null }) => ctx.viewer?.id === user.id;
const NEWEST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

builder.prismaObjectFields('User', (t) => ({
  referentRoles: t.relation('referents', {
    nullable: true,
    description: 'Les déclarations de référent de la personne (elle seule), les plus récentes d’abord (100 au plus).',
    authScopes: own,
    unauthorizedResolver: () => null as never,
    query: { orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: 100 },
  }),
  referentContactsSent: t.relatedConnection('contactsSent', {
    nullable: true,
    description: 'Les messages envoyés par la personne à des référents (elle seule), les plus récents d’abord.',
    cursor: 'id',
    maxSize: 50,
    defaultSize: 20,
    authScopes: own,
    unauthorizedResolver: () => null as never,
    query: { orderBy: NEWEST },
  }),
  referentContactsReceived: t.prismaConnection({
    type: 'ReferentContact',
    nullable: true,
    description: 'Les messages reçus par la personne en tant que référente (elle seule), les plus récents d’abord.',
    cursor: 'id',
    maxSize: 50,
    defaultSize: 20,
    authScopes: own,
    unauthorizedResolver: () => null as never,
    resolve: (query, user, _a, ctx) => ctx.prisma.referentContact.findMany({ ...query, where: { referent: { userId: user.id } }, orderBy: NEWEST }),
  }),
}));

builder.mutationFields((t) => ({
  becomeReferent: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ToolReferent',
    description: 'Se déclarer référent d’un outil que sa collectivité déploie (ou modifier sa déclaration, ou la réactiver après un retrait).',
    errors: {},
    args: {
      toolId: t.arg.globalID({ for: Tool }),
      helpWith: t.arg.string({ extensions: { multiline: true }, description: 'Ce sur quoi vous pouvez aider (10 à 500 caractères).' }),
      consentToContact: t.arg.boolean({ description: 'Accepter d’être contacté par la plateforme (retirable à tout moment).' }),
    },
    resolve: (query, _p, { toolId, helpWith, consentToContact }, ctx) => becomeReferent(ctx, Number(toolId.id), { helpWith, consentToContact }, query),
  }),
  withdrawReferent: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ToolReferent',
    description: 'Ne plus être référent (sa propre déclaration).',
    errors: {},
    args: { id: t.arg.globalID({ for: ToolReferent }) },
    resolve: (query, _p, { id }, ctx) => withdrawReferent(ctx, Number(id.id), query),
  }),
  contactReferent: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ReferentContact',
    description: 'Écrire à un référent : le message est relayé (dans l’application, et par courriel) ; son adresse n’est communiquée qu’après sa réponse. 5 messages par heure, 20 par jour.',
    errors: {},
    args: { referentId: t.arg.globalID({ for: ToolReferent }), message: t.arg.string({ extensions: { multiline: true } }) },
    resolve: (query, _p, { referentId, message }, ctx) => contactReferent(ctx, Number(referentId.id), message, query),
  }),
  answerReferentContact: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ReferentContact',
    description: 'Le référent répond : l’expéditeur reçoit la réponse et l’adresse du référent.',
    errors: {},
    args: { contactId: t.arg.globalID({ for: ReferentContact }), answer: t.arg.string({ extensions: { multiline: true } }) },
    resolve: (query, _p, { contactId, answer }, ctx) => answerReferentContact(ctx, Number(contactId.id), answer, query),
  }),
  declineReferentContact: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ReferentContact',
    description: 'Le référent ne donne pas suite (son adresse reste cachée).',
    errors: {},
    args: { contactId: t.arg.globalID({ for: ReferentContact }) },
    resolve: (query, _p, { contactId }, ctx) => declineReferentContact(ctx, Number(contactId.id), query),
  }),
  reportReferentContact: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ReferentContact',
    description: 'Le référent signale un message abusif : les administrateurs de la plateforme sont prévenus.',
    errors: {},
    args: { contactId: t.arg.globalID({ for: ReferentContact }), reason: t.arg.string() },
    resolve: (query, _p, { contactId, reason }, ctx) => reportReferentContact(ctx, Number(contactId.id), reason, query),
  }),
}));
