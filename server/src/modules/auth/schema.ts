import { MembershipStatus as MembershipValues, Role as RoleValues } from '../../generated/prisma/enums.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { purgeIfDue } from './purge.ts';
import { reserveAttempt } from './rate-limit.ts';
import { clearedSessionCookie, createSession, deleteOtherSessions, deleteSession, sessionCookie } from './session.ts';
import { canApproveMembership, emailVisibility, isAdmin, isVisible, userVisibility, visibleWhere } from './rules.ts';
import { audited } from '../audit/service.ts';
import type { Context } from '../../graphql/context.ts';
import { builder } from '../../graphql/builder.ts';
import { visibleTo } from '../../graphql/node-visibility.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, requireViewer } from '../../graphql/errors.ts';
import { Checks, EMAIL } from '../../graphql/validate.ts';

export const Role = builder.enumType('Role', {
  description: 'Rôle : membre, administrateur de l’organisation, auditeur (lecture seule), fournisseur, administrateur de la plateforme.',
  values: Object.values(RoleValues),
});
const MembershipStatus = builder.enumType('MembershipStatus', {
  description: 'Adhésion à l’organisation : en attente d’approbation, approuvée, refusée.',
  values: Object.values(MembershipValues),
});

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


const WRONG_PASSWORD = 'Adresse électronique ou mot de passe incorrect.';

/**
 * The rest of the request that opened a session answers as the new viewer (the user's own fields, e-mail…),
 * exactly as the next request, carrying the new cookie, will.
 */
async function becomeViewer(ctx: Context, token: string, userId: number): Promise<void> {
  ctx.viewer = await ctx.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { organization: true } });
  ctx.sessionToken = token;
}

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
    resolve: async (query, _parent, { input }, ctx) => {
      const email = input.email.trim().toLowerCase();
      const siren = input.organizationSiren.replace(/\s/g, '');
      new Checks()
        .check(EMAIL.test(email) && email.length <= 200, 'email', 'Adresse électronique invalide.')
        .check(passwordProblems(input.password).length === 0, 'password', passwordProblems(input.password)[0] ?? '')
        .text(input.name, 'name', 'Le nom', { min: 2, max: 120 })
        .check(/^\d{9}$/.test(siren), 'organizationSiren', 'Le SIREN doit comporter 9 chiffres.')
        .done();
      const organization = await ctx.prisma.organization.findUnique({ where: { siren } });
      if (!organization) throw new ValidationError('Aucune collectivité ne porte ce SIREN.', 'organizationSiren');
      if (await ctx.prisma.user.findUnique({ where: { email } })) {
        throw new ValidationError('Un compte existe déjà avec cette adresse.', 'email');
      }
      const passwordHash = await hashPassword(input.password);
      const user = await audited(ctx, 'user.signUp', async (tx) => {
        const created = await tx.user.create({
          data: { email, name: input.name.trim(), passwordHash, organizationId: organization.id, roles: ['MEMBER'], membershipStatus: 'PENDING' },
        });
        return { result: created, entityType: 'User', entityId: created.id, organizationId: organization.id, actorId: created.id, after: created };
      });
      const previous = ctx.sessionToken;
      const session = await ctx.prisma.$transaction(async (tx) => {
        // a new account gets a new session: the browser's previous one (another account) ends here
        if (previous) await deleteSession(tx, previous);
        return createSession(tx, user.id);
      });
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      await becomeViewer(ctx, session.token, user.id);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  signIn: t.prismaField({
    type: 'User',
    description:
      'Ouvre une session (cookie httpOnly) et ferme la précédente de ce navigateur. Cinq mots de passe erronés en 15 minutes ' +
      'pour un compte depuis une même adresse bloquent ce couple 15 minutes ; trente pour un compte, toutes adresses ' +
      'confondues, bloquent le compte ; cent depuis une adresse, tous comptes confondus, bloquent l’adresse.',
    errors: {},
    args: { email: t.arg.string(), password: t.arg.string() },
    resolve: async (query, _parent, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      await purgeIfDue(ctx.prisma);
      // counted before the password is checked, so that parallel guesses cannot all be checked
      const attempt = await reserveAttempt(ctx.prisma, email, ctx.clientAddress);
      const user = await ctx.prisma.user.findUnique({ where: { email } });
      if (!(await verifyPassword(user?.passwordHash, args.password)) || !user) {
        await attempt.failed();
        throw new ValidationError(WRONG_PASSWORD, [{ field: 'password', message: WRONG_PASSWORD }]);
      }
      await attempt.succeeded();
      const previous = ctx.sessionToken;
      const session = await audited(ctx, 'user.signIn', async (tx) => {
        // rotation: a token that existed before sign-in (perhaps planted by someone else) never becomes a signed-in one
        if (previous) await deleteSession(tx, previous);
        return { result: await createSession(tx, user.id), entityType: 'User', entityId: user.id, organizationId: user.organizationId, actorId: user.id };
      });
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      await becomeViewer(ctx, session.token, user.id);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  signOut: t.boolean({
    description: 'Ferme la session courante.',
    errors: {},
    resolve: async (_parent, _args, ctx) => {
      const viewer = ctx.viewer;
      if (ctx.sessionToken) {
        const token = ctx.sessionToken;
        await audited(ctx, 'user.signOut', async (tx) => {
          await deleteSession(tx, token);
          return { result: true, entityType: 'User', entityId: viewer?.id ?? 0, organizationId: viewer?.organizationId ?? null };
        });
      }
      ctx.setCookie(clearedSessionCookie(ctx.secureCookies));
      return true;
    },
  }),

  changePassword: t.prismaField({
    type: 'User',
    description:
      'Change le mot de passe de la personne connectée : vérifie l’actuel (mêmes limites de tentatives que la connexion), ' +
      'ferme toutes ses autres sessions et renouvelle la session courante.',
    errors: {},
    args: { currentPassword: t.arg.string(), newPassword: t.arg.string({ description: '12 caractères au moins.' }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      new Checks()
        .check(passwordProblems(args.newPassword).length === 0, 'newPassword', passwordProblems(args.newPassword)[0] ?? '')
        .check(args.newPassword !== args.currentPassword, 'newPassword', 'Le nouveau mot de passe doit différer de l’actuel.')
        .done();
      // the current password is a secret like any other: a stolen session must not be a free guessing oracle
      const attempt = await reserveAttempt(ctx.prisma, viewer.email, ctx.clientAddress);
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
      if (!(await verifyPassword(user.passwordHash, args.currentPassword))) {
        await attempt.failed();
        throw new ValidationError('Mot de passe actuel incorrect.', 'currentPassword');
      }
      await attempt.succeeded();
      const passwordHash = await hashPassword(args.newPassword);
      const session = await audited(ctx, 'user.changePassword', async (tx) => {
        const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
        // every session, the current one included: whoever knew the old password is signed out everywhere
        const revoked = await deleteOtherSessions(tx, user.id);
        const created = await createSession(tx, user.id);
        return {
          result: created,
          entityType: 'User',
          entityId: user.id,
          organizationId: user.organizationId,
          after: { revokedSessions: revoked, updatedAt: updated.updatedAt },
        };
      });
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      await becomeViewer(ctx, session.token, user.id);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  approveMembership: t.prismaField({
    type: 'User',
    description: 'Approuve (ou refuse) l’adhésion en attente d’une personne : administrateur de son organisation, ou de la plateforme.',
    errors: {},
    args: { userId: t.arg.globalID({ for: User }), approve: t.arg.boolean({ defaultValue: true, required: false }) },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      const user = await ctx.prisma.user.findUnique({ where: { id: Number(args.userId.id) } });
      if (!user) throw new NotFoundError('Personne introuvable.');
      if (!canApproveMembership(viewer, user.organizationId)) throw new ForbiddenError();
      // an approved member is removed otherwise (setUserRoles), and a refusal is not reopened by a later approval
      if (user.membershipStatus !== 'PENDING') throw new ConflictError('Cette adhésion a déjà été traitée : seules les adhésions en attente se décident ici.');
      const status = args.approve === false ? 'REJECTED' : 'APPROVED';
      await audited(ctx, status === 'APPROVED' ? 'membership.approve' : 'membership.reject', async (tx) => {
        const updated = await tx.user.update({ where: { id: user.id }, data: { membershipStatus: status } });
        return { result: updated, entityType: 'User', entityId: user.id, organizationId: user.organizationId, before: user, after: updated };
      });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  setUserRoles: t.prismaField({
    type: 'User',
    description: 'Nomme les rôles d’une personne (ORG_ADMIN, AUDITOR, PROVIDER…) : administrateur de la plateforme seulement.',
    errors: {},
    args: {
      userId: t.arg.globalID({ for: User }),
      roles: t.arg({ type: [Role] }),
      providerSlug: t.arg.string({ required: false, description: 'Fournisseur représenté, pour le rôle PROVIDER.' }),
    },
    resolve: async (query, _parent, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (!isAdmin(viewer)) throw new ForbiddenError();
      const user = await ctx.prisma.user.findUnique({ where: { id: Number(args.userId.id) } });
      if (!user) throw new NotFoundError('Personne introuvable.');
      const roles = [...new Set(args.roles)];
      new Checks().check(roles.length > 0, 'roles', 'Choisissez au moins un rôle.').done();
      const provider = args.providerSlug ? await ctx.prisma.provider.findUnique({ where: { slug: args.providerSlug } }) : null;
      if (roles.includes('PROVIDER') && !provider) {
        throw new ValidationError('Le rôle PROVIDER demande le fournisseur représenté.', 'providerSlug');
      }
      await audited(ctx, 'user.setRoles', async (tx) => {
        const updated = await tx.user.update({
          where: { id: user.id },
          data: { roles, providerId: roles.includes('PROVIDER') ? provider!.id : null, membershipStatus: 'APPROVED' },
        });
        return { result: updated, entityType: 'User', entityId: user.id, organizationId: user.organizationId, before: user, after: updated };
      });
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
}));
