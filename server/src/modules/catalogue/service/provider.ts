import { Prisma, type Provider } from '@mutualis/db/client';
import { NotFoundError, unique } from '../../../graphql/errors.ts';
import { CountryCode, HttpUrl, Slug } from '../../../shared/validation.ts';
import { audited, columns, columnsOf, withColumns } from '../../audit/service.ts';
import type { ProviderInput } from '../admin-inputs.ts';
import { defined, FUTURE_SOURCE, inputChecks, notFuture, type Selection, type SignedIn } from './common.ts';

// Providers: created, updated and archived by a platform ADMIN (the `admin` scope of the fields).

type Input = typeof ProviderInput.$inferInput;
type Query = Selection<Prisma.ProviderInclude, Prisma.ProviderSelect>;

/** Every column of the row: its event snapshots them whatever the response selects. */
const COLUMNS = columns(Prisma.ProviderScalarFieldEnum);

/** What a creation requires, with the message shown for each missing field. */
const REQUIRED = { slug: 'L’identifiant est obligatoire.', name: 'Le nom est obligatoire.', country: 'Le pays du siège est obligatoire.' };

function checkProvider(p: Partial<Input>, creating: boolean) {
  inputChecks(p, creating ? REQUIRED : null, { slug: Slug, country: CountryCode, website: HttpUrl, sourceUrl: HttpUrl })
    .text(p.name, 'name', 'Le nom', { max: 120 })
    // nine digits only, as it always was: the shared Siren rule would also refuse a wrong Luhn key (a behaviour change)
    .check(p.siren == null || /^\d{9}$/.test(p.siren), 'siren', 'Le SIREN doit comporter 9 chiffres.')
    .check(notFuture(p.sourceDate), 'sourceDate', FUTURE_SOURCE)
    .text(p.description, 'description', 'La description', { max: 2000 })
    .done();
}

async function existingProvider(ctx: SignedIn, slug: string): Promise<Provider> {
  const provider = await ctx.prisma.provider.findUnique({ where: { slug } });
  if (!provider) throw new NotFoundError('Fournisseur introuvable.');
  return provider;
}

export async function createProvider(ctx: SignedIn, input: Input, query: Query): Promise<Provider> {
  const data = defined(input);
  checkProvider(data, true);
  return audited(ctx, 'provider.create', async (tx) => {
    const write = tx.provider.create({ ...withColumns(query, COLUMNS), data: data as Prisma.ProviderCreateInput });
    const provider = await unique(write, data.siren ? 'Un fournisseur porte déjà cet identifiant ou ce SIREN.' : 'Un fournisseur porte déjà cet identifiant.', 'slug');
    return { result: provider, entityType: 'Provider', entityId: provider.id, after: columnsOf(provider) };
  });
}

/** Every field but the slug, which names the provider for good. */
export async function updateProvider(ctx: SignedIn, slug: string, input: Input, query: Query): Promise<Provider> {
  const before = await existingProvider(ctx, slug);
  const { slug: _slug, ...data } = defined(input);
  checkProvider(data, false);
  return audited(ctx, 'provider.update', async (tx) => {
    const write = tx.provider.update({ ...withColumns(query, COLUMNS), where: { id: before.id }, data: data as Prisma.ProviderUpdateInput });
    const after = await unique(write, 'Un fournisseur porte déjà ce SIREN.', 'siren');
    return { result: after, entityType: 'Provider', entityId: before.id, before, after: columnsOf(after) };
  });
}

/** Withdraws the provider and its tools from the catalogue; their history stays. */
export async function archiveProvider(ctx: SignedIn, slug: string, query: Query): Promise<Provider> {
  const before = await existingProvider(ctx, slug);
  return audited(ctx, 'provider.archive', async (tx) => {
    const now = new Date();
    // the tools first: the provider's row, written last, answers with its (remaining) tools
    await tx.tool.updateMany({ where: { providerId: before.id, archivedAt: null }, data: { archivedAt: now } });
    const after = await tx.provider.update({ ...withColumns(query, COLUMNS), where: { id: before.id }, data: { archivedAt: now } });
    return { result: after, entityType: 'Provider', entityId: before.id, before, after: columnsOf(after) };
  });
}
