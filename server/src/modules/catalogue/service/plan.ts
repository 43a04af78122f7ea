import { Prisma, type PriceTier, type PricingPlan } from '@mutualis/db/client';
import type { Context } from '../../../graphql/context.ts';
import { ConflictError, unique, ValidationError } from '../../../graphql/errors.ts';
import { HttpUrl } from '../../../shared/validation.ts';
import { audited, columns, columnsOf, type Tx, withColumns } from '../../audit/service.ts';
import type { PricingPlanInput } from '../admin-inputs.ts';
import { defined, inputChecks, notFuture, providerOfPart, TOOL_PROVIDER, type Selection, type SignedIn } from './common.ts';

// Pricing plans of a tool, edited by whoever may edit the tool (the `editsTool` scope). Their events snapshot the
// plan with its tiers.

type Input = typeof PricingPlanInput.$inferInput;
type Query = Selection<Prisma.PricingPlanInclude, Prisma.PricingPlanSelect>;

/** Every column of the row: its event snapshots them whatever the response selects. */
const COLUMNS = columns(Prisma.PricingPlanScalarFieldEnum);

const SAME_NAME = 'Cet outil a déjà une offre de ce nom.';

/** What a creation requires, with the message shown for each missing field. */
const REQUIRED = {
  name: 'Le nom de l’offre est obligatoire.', pricingModel: 'Le modèle de prix est obligatoire.',
  unitPrice: 'Le prix unitaire est obligatoire.', source: 'L’origine du prix est obligatoire.', sourceDate: 'La date du prix est obligatoire.',
};

function checkPlan(p: Partial<Input>, creating: boolean) {
  // amounts and volumes are checked against their columns by the input guard (graphql/input.ts)
  const tiers = p.tiers ?? [];
  const volumes = new Set(tiers.map((t) => Number(t.minVolume)));
  inputChecks(p, creating ? REQUIRED : null, { sourceUrl: HttpUrl })
    .text(p.name, 'name', 'Le nom de l’offre', { max: 120 })
    .check(tiers.length <= 20, 'tiers', '20 paliers au plus.')
    .check(volumes.size === tiers.length, 'tiers', 'Deux paliers ne peuvent pas commencer au même volume.')
    .check(notFuture(p.sourceDate), 'sourceDate', 'La date du prix ne peut pas être dans le futur.')
    .text(p.notes, 'notes', 'Les remarques', { max: 1000 })
    .done();
}

/** The provider of the plan's tool, for the `editsTool` scope; an unknown plan is NOT_FOUND. */
export const providerOfPlan = (ctx: Context, id: number) =>
  providerOfPart(ctx.prisma.pricingPlan.findUnique({ where: { id }, select: TOOL_PROVIDER }), 'Offre introuvable.');

const tierRows = (tiers: Input['tiers']) => ({ create: (tiers ?? []).map(({ minVolume, unitPrice }) => ({ minVolume, unitPrice })) });

/** What an event keeps of a plan: its columns and its tiers, those known already or, when the write created them, read back. */
async function snapshot(tx: Tx, plan: PricingPlan, tiers?: PriceTier[]) {
  return { ...columnsOf(plan), tiers: tiers ?? (await tx.priceTier.findMany({ where: { planId: plan.id }, orderBy: { id: 'asc' } })) };
}

/** A plan's name is unique for its tool: a second one is an invalid name (VALIDATION, as it has always answered). */
async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await unique(write, SAME_NAME, 'name');
  } catch (error) {
    throw error instanceof ConflictError ? new ValidationError(SAME_NAME, 'name') : error;
  }
}

export async function createPricingPlan(ctx: SignedIn, toolSlug: string, input: Input, query: Query): Promise<PricingPlan> {
  const { tiers, ...data } = defined(input);
  checkPlan({ ...data, tiers }, true);
  return audited(ctx, 'plan.create', async (tx) => {
    const write = tx.pricingPlan.create({
      ...withColumns(query, COLUMNS),
      data: { ...(data as Omit<Prisma.PricingPlanCreateInput, 'tool'>), tool: { connect: { slug: toolSlug } }, tiers: tierRows(tiers) },
    });
    const plan = await uniqueName(write);
    return { result: plan, entityType: 'PricingPlan', entityId: plan.id, after: await snapshot(tx, plan, tiers?.length ? undefined : []) };
  });
}

/** `tiers`, when given, replaces all the plan's tiers. */
export async function updatePricingPlan(ctx: SignedIn, id: number, input: Input, query: Query): Promise<PricingPlan> {
  const { tiers, ...data } = defined(input);
  checkPlan({ ...data, tiers }, false);
  return audited(ctx, 'plan.update', async (tx) => {
    const before = await tx.pricingPlan.findUniqueOrThrow({ where: { id }, include: { tiers: true } });
    if (tiers) await tx.priceTier.deleteMany({ where: { planId: id } });
    const write = tx.pricingPlan.update({
      ...withColumns(query, COLUMNS),
      where: { id },
      data: { ...(data as Prisma.PricingPlanUncheckedUpdateInput), isDemo: false, ...(tiers ? { tiers: tierRows(tiers) } : {}) },
    });
    const after = await uniqueName(write);
    return { result: after, entityType: 'PricingPlan', entityId: id, before, after: await snapshot(tx, after, tiers ? undefined : before.tiers) };
  });
}

export async function archivePricingPlan(ctx: SignedIn, id: number, query: Query): Promise<PricingPlan> {
  return audited(ctx, 'plan.archive', async (tx) => {
    const before = await tx.pricingPlan.findUniqueOrThrow({ where: { id } });
    const after = await tx.pricingPlan.update({ ...withColumns(query, COLUMNS), where: { id }, data: { archivedAt: new Date() } });
    return { result: after, entityType: 'PricingPlan', entityId: id, before, after: columnsOf(after) };
  });
}
