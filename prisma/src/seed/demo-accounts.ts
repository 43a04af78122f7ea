import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Role } from '../../generated/prisma/enums.ts';

export const DEMO_PASSWORD = 'mutualis-demo';
const PLATFORM = { code: 'MUTUALIS', name: 'Plateforme Mutualis (démonstration)', searchName: 'plateforme mutualis demonstration' };

interface DemoAccount {
  email: string;
  name: string;
  /** SIREN of the account's organization; none for the platform's own staff. */
  siren: string | null;
  roles: Role[];
  provider: string | null;
  pending?: boolean;
}

/** Demo accounts (README): password `mutualis-demo`, created only where demo data is seeded. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@mutualis.test', name: 'Administratrice de la plateforme', siren: null, roles: ['ADMIN'], provider: null },
  { email: 'auditeur@mutualis.test', name: 'Auditeur (lecture seule)', siren: null, roles: ['AUDITOR'], provider: null },
  { email: 'fournisseur@mistral.test', name: 'Représentant Mistral AI', siren: null, roles: ['PROVIDER'], provider: 'mistral-ai' },
  { email: 'dsi@grandbesancon.test', name: 'DSI de Grand Besançon Métropole', siren: '242500361', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
  { email: 'agent@besancon.test', name: 'Agent de la Ville de Besançon', siren: '212500565', roles: ['MEMBER'], provider: null },
  { email: 'dsi@besancon.test', name: 'DSI de la Ville de Besançon', siren: '212500565', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
  { email: 'dsi@dijon.test', name: 'DSI de Dijon Métropole', siren: '242100410', roles: ['MEMBER', 'ORG_ADMIN'], provider: null },
];

/** A pending sign-up, so that the approval screen has something to show. */
const PENDING_ACCOUNT: DemoAccount = { email: 'nouvel.agent@besancon.test', name: 'Nouvel agent (en attente)', siren: '212500565', roles: ['MEMBER'], provider: null, pending: true };

/** Organizations of the demo accounts get no generated adoption data: what they show is what the demo does. */
export const DEMO_ACCOUNT_SIRENS = [...new Set(DEMO_ACCOUNTS.map((a) => a.siren).filter((s): s is string => s !== null))];

/** The demo accounts, with their organization (the platform's own for its staff) and provider; returns how many were added. */
export async function seedDemoAccounts(prisma: PrismaClient, hashPassword: (password: string) => Promise<string>): Promise<number> {
  const accounts = [...DEMO_ACCOUNTS, PENDING_ACCOUNT];
  const hashes: string[] = [];
  for (const _account of accounts) hashes.push(await hashPassword(DEMO_PASSWORD));
  return prisma.$transaction(async (tx) => {
    await tx.organization.createMany({
      data: [{ kind: 'STATE', name: PLATFORM.name, officialName: PLATFORM.name, searchName: PLATFORM.searchName, code: PLATFORM.code, source: 'démonstration' }],
      skipDuplicates: true,
    });
    const platform = await tx.organization.findUnique({ where: { kind_code: { kind: 'STATE', code: PLATFORM.code } }, select: { id: true } });
    const organizations = await tx.organization.findMany({ where: { siren: { in: DEMO_ACCOUNT_SIRENS } }, select: { id: true, siren: true } });
    const providers = await tx.provider.findMany({ where: { slug: { in: accounts.flatMap((a) => a.provider ?? []) } }, select: { id: true, slug: true } });
    const organizationId = new Map<string | null, number | undefined>([[null, platform?.id], ...organizations.map((o) => [o.siren, o.id] as const)]);
    const providerId = new Map(providers.map((p) => [p.slug, p.id]));
    const data = accounts.flatMap(({ siren, provider, pending, ...account }, index) => {
      const orgId = organizationId.get(siren);
      if (orgId === undefined) return [];
      const status = pending ? ('PENDING' as const) : ('APPROVED' as const);
      return [{ ...account, passwordHash: hashes[index]!, organizationId: orgId, membershipStatus: status, providerId: provider ? (providerId.get(provider) ?? null) : null, isDemo: true }];
    });
    return (await tx.user.createMany({ data, skipDuplicates: true })).count;
  });
}
