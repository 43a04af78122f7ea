import { MembershipStatus as MembershipValues, Role as RoleValues } from '../../generated/prisma/enums.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { blockedFor, clearFailures, recordFailure } from '../../auth/rate-limit.ts';
import { clearedSessionCookie, createSession, deleteSession, sessionCookie } from '../../auth/session.ts';
import { canApproveMembership, isAdmin } from '../../domain/permissions.ts';
import { audited } from '../audit.ts';
import { builder } from '../builder.ts';
import { ForbiddenError, NotFoundError, RateLimitedError, ValidationError, requireViewer } from '../errors.ts';
import { Checks, EMAIL } from '../validate.ts';

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
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.string({
      description: 'Visible par la personne elle-même, les administrateurs de son organisation et de la plateforme.',
      nullable: true,
      select: { email: true, organizationId: true },
      resolve: (user, _args, ctx) =>
        ctx.viewer && (ctx.viewer.id === user.id || canApproveMembership(ctx.viewer, user.organizationId)) ? user.email : null,
    }),
    roles: t.expose('roles', { type: [Role] }),
    membershipStatus: t.expose('membershipStatus', { type: MembershipStatus }),
    organization: t.relation('organization'),
    provider: t.relation('provider', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});


const loginKeys = (email: string, address: string) => [`login:account:${email}`, `login:address:${address}`];

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

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
        .check(input.password.length >= 12, 'password', 'Le mot de passe doit compter au moins 12 caractères.')
        .check(input.password.length <= 200, 'password', 'Le mot de passe ne doit pas dépasser 200 caractères.')
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
      const session = await createSession(ctx.prisma, user.id);
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),

  signIn: t.prismaField({
    type: 'User',
    description: 'Ouvre une session (cookie httpOnly). Cinq échecs de suite bloquent le compte et l’adresse 15 minutes.',
    errors: {},
    args: { email: t.arg.string(), password: t.arg.string() },
    resolve: async (query, _parent, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      const keys = loginKeys(email, ctx.clientAddress);
      const wait = await blockedFor(ctx.prisma, keys);
      if (wait > 0) {
        throw new RateLimitedError(
          `Trop de tentatives de connexion : réessayez dans ${minutes(wait)} minute${minutes(wait) > 1 ? 's' : ''}.`,
          wait,
        );
      }
      const user = await ctx.prisma.user.findUnique({ where: { email } });
      if (!(await verifyPassword(user?.passwordHash, args.password)) || !user) {
        await recordFailure(ctx.prisma, keys);
        throw new ValidationError('Adresse électronique ou mot de passe incorrect.', [
          { field: 'password', message: 'Adresse électronique ou mot de passe incorrect.' },
        ]);
      }
      await clearFailures(ctx.prisma, keys);
      const session = await audited(ctx, 'user.signIn', async (tx) => ({
        result: await createSession(tx, user.id),
        entityType: 'User',
        entityId: user.id,
        organizationId: user.organizationId,
        actorId: user.id,
      }));
      ctx.setCookie(sessionCookie(session.token, session.expiresAt, ctx.secureCookies));
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
