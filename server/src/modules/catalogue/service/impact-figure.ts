import { Prisma, type ImpactFigure } from '@mutualis/db/client';
import type { Context } from '../../../graphql/context.ts';
import { CountryCode, HttpUrl } from '../../../shared/validation.ts';
import { editsAsProvider } from '../../../shared/permissions.ts';
import { audited, columns, columnsOf, withColumns } from '../../audit/service.ts';
import type { ImpactFigureInput } from '../admin-inputs.ts';
import { defined, FUTURE_SOURCE, inputChecks, notFuture, providerOfPart, TOOL_PROVIDER, type Selection, type SignedIn } from './common.ts';

// Impact figures of a tool, edited by whoever may edit the tool (the `editsTool` scope); a figure written by a
// provider user is shown as declared by the provider.

type Input = typeof ImpactFigureInput.$inferInput;
type Query = Selection<Prisma.ImpactFigureInclude, Prisma.ImpactFigureSelect>;

/** Every column of the row: its event snapshots them whatever the response selects. */
const COLUMNS = columns(Prisma.ImpactFigureScalarFieldEnum);

/** What a creation requires, with the message shown for each missing field. */
const REQUIRED = {
  method: 'La méthode est obligatoire : les chiffres de méthodes différentes ne se comparent pas.',
  sourceUrl: 'La source est obligatoire.', sourceDate: 'La date de la source est obligatoire.',
};

function checkFigure(p: Partial<Input>, creating: boolean) {
  const someValue = p.energyWhPerRequest != null || p.gco2ePerRequest != null || p.waterMlPerRequest != null;
  // values are checked against their columns by the input guard (graphql/input.ts)
  inputChecks(p, creating ? REQUIRED : null, { hostingCountry: CountryCode, sourceUrl: HttpUrl })
    .check(someValue || !creating, 'energyWhPerRequest', 'Renseignez au moins une valeur (énergie, émissions ou eau).')
    .text(p.methodVersion, 'methodVersion', 'La version de la méthode', { max: 50 })
    .text(p.scope, 'scope', 'Le périmètre', { max: 300 })
    .check(notFuture(p.sourceDate), 'sourceDate', FUTURE_SOURCE)
    .done();
}

/** The provider of the figure's tool, for the `editsTool` scope; an unknown figure is NOT_FOUND. */
export const providerOfFigure = (ctx: Context, id: number) =>
  providerOfPart(ctx.prisma.impactFigure.findUnique({ where: { id }, select: TOOL_PROVIDER }), 'Chiffre d’impact introuvable.');

export async function createImpactFigure(ctx: SignedIn, toolSlug: string, input: Input, query: Query): Promise<ImpactFigure> {
  const data = defined(input);
  checkFigure(data, true);
  return audited(ctx, 'impact.create', async (tx) => {
    const figure = await tx.impactFigure.create({
      ...withColumns(query, COLUMNS),
      data: {
        ...(data as Omit<Prisma.ImpactFigureCreateInput, 'tool'>),
        tool: { connect: { slug: toolSlug } },
        declaredByProvider: editsAsProvider(ctx.viewer),
      },
    });
    return { result: figure, entityType: 'ImpactFigure', entityId: figure.id, after: columnsOf(figure) };
  });
}

export async function updateImpactFigure(ctx: SignedIn, id: number, input: Input, query: Query): Promise<ImpactFigure> {
  const data = defined(input);
  checkFigure(data, false);
  return audited(ctx, 'impact.update', async (tx) => {
    const before = await tx.impactFigure.findUniqueOrThrow({ where: { id } });
    const after = await tx.impactFigure.update({
      ...withColumns(query, COLUMNS),
      where: { id },
      data: { ...(data as Prisma.ImpactFigureUncheckedUpdateInput), declaredByProvider: editsAsProvider(ctx.viewer), isDemo: false },
    });
    return { result: after, entityType: 'ImpactFigure', entityId: id, before, after: columnsOf(after) };
  });
}

export async function archiveImpactFigure(ctx: SignedIn, id: number, query: Query): Promise<ImpactFigure> {
  return audited(ctx, 'impact.archive', async (tx) => {
    const before = await tx.impactFigure.findUniqueOrThrow({ where: { id } });
    const after = await tx.impactFigure.update({ ...withColumns(query, COLUMNS), where: { id }, data: { archivedAt: new Date() } });
    return { result: after, entityType: 'ImpactFigure', entityId: id, before, after: columnsOf(after) };
  });
}
