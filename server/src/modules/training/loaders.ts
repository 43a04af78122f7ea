import type { Prisma } from '@mutualis/db/client';
import type { TrainingAudience, TrainingFormat } from '@mutualis/db/enums';
import type { Context } from '../../graphql/context.ts';

// The catalogue's reads: one `where` for a page and its count, so that both always count the same entries.

export interface TrainingFilter {
  audience?: TrainingAudience | null;
  format?: TrainingFormat | null;
  /** Euros HT per person (Decimal text): entries that cost at most this, and the free ones. */
  maxCost?: string | null;
  /** Words looked for in the title, the provider and the description (already trimmed). */
  search?: string | null;
}

function whereOf(filter: TrainingFilter): Prisma.TrainingWhereInput {
  const and: Prisma.TrainingWhereInput[] = [];
  if (filter.audience) and.push({ audiences: { has: filter.audience } });
  if (filter.format) and.push({ format: filter.format });
  // free: a zero cost, or no cost and no note (a note says « sur devis », « non communiqué »…: not known to fit)
  if (filter.maxCost != null) and.push({ OR: [{ cost: { lte: filter.maxCost } }, { cost: null, costNote: null }] });
  for (const word of (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 10)) {
    and.push({
      OR: [
        { title: { contains: word, mode: 'insensitive' } },
        { provider: { contains: word, mode: 'insensitive' } },
        { description: { contains: word, mode: 'insensitive' } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

/** One page of the catalogue: sourced entries before the demonstration ones, then by title. */
export const trainingPage = (ctx: Context, filter: TrainingFilter, limit: number, offset: number) =>
  ctx.prisma.training.findMany({ where: whereOf(filter), orderBy: [{ isDemo: 'asc' }, { title: 'asc' }, { id: 'asc' }], take: limit, skip: offset });

export const trainingCount = (ctx: Context, filter: TrainingFilter) => ctx.prisma.training.count({ where: whereOf(filter) });
