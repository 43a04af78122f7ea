import { Prisma, type Tool } from '@mutualis/db/client';
import type { Context } from '../../../graphql/context.ts';
import { NotFoundError, unique, ValidationError } from '../../../graphql/errors.ts';
import { clean } from '../../../graphql/validate.ts';
import { CountryCode, HttpUrl, Slug } from '../../../shared/validation.ts';
import { editsAsProvider } from '../../../shared/permissions.ts';
import { audited, columns, columnsOf, withColumns } from '../../audit/service.ts';
import type { ToolInput } from '../admin-inputs.ts';
import { toolSearchText } from '../rules.ts';
import { defined, FUTURE_SOURCE, inputChecks, notFuture, type Selection, type SignedIn } from './common.ts';

// Tools: an ADMIN, or a PROVIDER user for its own provider (the `editsTool` scope), creates, updates and archives
// them; what a provider writes is shown as declared by the provider.

type Input = typeof ToolInput.$inferInput;
export type ToolQuery = Selection<Prisma.ToolInclude, Prisma.ToolSelect>;

/** Every column of the row: its event snapshots them whatever the response selects. */
const COLUMNS = columns(Prisma.ToolScalarFieldEnum);

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** What a creation requires, with the message shown for each missing field. */
const REQUIRED = {
  slug: 'L’identifiant est obligatoire.', name: 'Le nom est obligatoire.', categorySlug: 'La catégorie est obligatoire.',
  description: 'La description est obligatoire.', deploymentMode: 'Le mode de déploiement est obligatoire.',
};

function checkTool(p: Partial<Input>, creating: boolean) {
  const models = p.models ?? [];
  const languages = p.languages ?? [];
  inputChecks(p, creating ? REQUIRED : null, { slug: Slug, hostingCountry: CountryCode, website: HttpUrl, sourceUrl: HttpUrl })
    .text(p.name, 'name', 'Le nom', { max: 120 })
    .text(p.description, 'description', 'La description', { max: 3000 })
    .text(p.aiActRationale, 'aiActRationale', 'La justification du niveau de risque', { max: 2000 })
    .text(p.openSourceLicense, 'openSourceLicense', 'La licence', { max: 100 })
    .text(p.hostingRegion, 'hostingRegion', 'La région d’hébergement', { max: 100 })
    .text(p.dataResidency, 'dataResidency', 'La localisation des données', { max: 200 })
    .check(models.length <= 30 && models.every((m) => m.length <= 100), 'models', '30 modèles au plus, de 100 caractères chacun au plus.')
    .check(languages.length <= 30 && languages.every((l) => LANGUAGE.test(l)), 'languages', 'Langues : codes comme « fr » ou « en-GB », 30 au plus.')
    .check(notFuture(p.sourceDate), 'sourceDate', FUTURE_SOURCE)
    .check(p.aiActRiskTier == null || !!p.aiActRationale || !creating, 'aiActRationale', 'Justifiez le niveau de risque AI Act.')
    .done();
}

/** The provider of the tool edited, for the `editsTool` scope; an unknown tool is NOT_FOUND. */
export async function providerOfTool(ctx: Context, slug: string): Promise<number> {
  const tool = await ctx.prisma.tool.findUnique({ where: { slug }, select: { providerId: true } });
  if (!tool) throw new NotFoundError('Outil introuvable.');
  return tool.providerId;
}

/** The provider a new tool is declared for, for the `editsTool` scope; a missing or unknown one is the form's error. */
export async function providerOfNewTool(ctx: Context, input: Pick<Input, 'providerSlug'>): Promise<number> {
  const slug = clean(input.providerSlug);
  const provider = slug ? await ctx.prisma.provider.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!provider) throw new ValidationError(slug ? 'Fournisseur introuvable.' : 'Le fournisseur est obligatoire.', 'providerSlug');
  return provider.id;
}

async function category(ctx: SignedIn, slug: string) {
  const found = await ctx.prisma.category.findUnique({ where: { slug } });
  if (!found) throw new ValidationError('Catégorie introuvable.', 'categorySlug');
  return found;
}

export async function createTool(ctx: SignedIn, input: Input, query: ToolQuery): Promise<Tool> {
  const { providerSlug, categorySlug, ...fields } = defined(input);
  checkTool({ ...fields, categorySlug }, true);
  // the scope found the provider
  const provider = await ctx.prisma.provider.findUniqueOrThrow({ where: { slug: providerSlug! } });
  const { id: categoryId, name: categoryName } = await category(ctx, categorySlug!);
  return audited(ctx, 'tool.create', async (tx) => {
    const write = tx.tool.create({
      ...withColumns(query, COLUMNS),
      data: {
        ...(fields as Omit<Prisma.ToolUncheckedCreateInput, 'providerId' | 'categoryId'>),
        providerId: provider.id,
        categoryId,
        searchText: toolSearchText(fields as { name: string; description: string }, provider.name, categoryName),
        declaredByProvider: editsAsProvider(ctx.viewer),
      },
    });
    const tool = await unique(write, 'Un outil porte déjà cet identifiant.', 'slug');
    return { result: tool, entityType: 'Tool', entityId: tool.id, after: columnsOf(tool) };
  });
}

/** Every field but the slug and the provider; the search text follows the name, description and category. */
export async function updateTool(ctx: SignedIn, slug: string, input: Input, query: ToolQuery): Promise<Tool> {
  const { slug: _slug, providerSlug: _provider, categorySlug, ...fields } = defined(input);
  checkTool(fields, false);
  const newCategory = categorySlug ? await category(ctx, categorySlug) : null;
  return audited(ctx, 'tool.update', async (tx) => {
    const { provider, category: oldCategory, ...before } = await tx.tool.findUniqueOrThrow({
      where: { slug },
      include: { provider: { select: { name: true } }, category: { select: { name: true } } },
    });
    const merged = { name: fields.name ?? before.name, description: fields.description ?? before.description };
    const after = await tx.tool.update({
      ...withColumns(query, COLUMNS),
      where: { id: before.id },
      data: {
        ...(fields as Prisma.ToolUncheckedUpdateInput),
        ...(newCategory ? { categoryId: newCategory.id } : {}),
        searchText: toolSearchText(merged, provider.name, (newCategory ?? oldCategory).name),
        declaredByProvider: editsAsProvider(ctx.viewer),
        isDemo: false,
      },
    });
    return { result: after, entityType: 'Tool', entityId: before.id, before, after: columnsOf(after) };
  });
}

export async function archiveTool(ctx: SignedIn, slug: string, query: ToolQuery): Promise<Tool> {
  return audited(ctx, 'tool.archive', async (tx) => {
    const before = await tx.tool.findUniqueOrThrow({ where: { slug } });
    const after = await tx.tool.update({ ...withColumns(query, COLUMNS), where: { id: before.id }, data: { archivedAt: new Date() } });
    return { result: after, entityType: 'Tool', entityId: before.id, before, after: columnsOf(after) };
  });
}
