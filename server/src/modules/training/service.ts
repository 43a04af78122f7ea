import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ForbiddenError, unique, UnauthenticatedError, ValidationError } from '../../graphql/errors.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { canActForOrganization } from '../../shared/permissions.ts';
import { audited, columns, columnsOf, withColumns } from '../audit/service.ts';
import { trainingCount, trainingPage, type TrainingFilter } from './loaders.ts';
import { declarationProblems, MAX_SEARCH, type DeclarationInput } from './rules.ts';

export { trainingVisibility } from './rules.ts';
export type { TrainingFilter } from './loaders.ts';

type DeclarationQuery = { include?: Prisma.TrainingDeclarationInclude; select?: Prisma.TrainingDeclarationSelect };
const DECLARATION_COLUMNS = columns(Prisma.TrainingDeclarationScalarFieldEnum);

// ----------------------------------------------------------------------------- the catalogue

/** The filter with its search trimmed and checked (VALIDATION on `search` beyond MAX_SEARCH characters). */
export function checkedFilter(filter: TrainingFilter | null | undefined): TrainingFilter {
  const search = clean(filter?.search);
  new Checks().text(search, 'search', 'La recherche', { max: MAX_SEARCH }).done();
  return { audience: filter?.audience ?? null, format: filter?.format ?? null, maxCost: filter?.maxCost ?? null, search };
}

export const findTrainings = (ctx: Context, filter: TrainingFilter, limit: number, offset: number) => trainingPage(ctx, filter, limit, offset);

export const countTrainings = (ctx: Context, filter: TrainingFilter) => trainingCount(ctx, filter);

// ----------------------------------------------------------------------------- declarations

/**
 * The scope `declareTraining` asks: acting for the viewer's own organization (its approved members, as for the
 * deployments it declares). An anonymous caller is refused UNAUTHENTICATED.
 */
export const declarationScope = (ctx: Context) => (ctx.viewer ? { actsFor: ctx.viewer.organizationId } : { loggedIn: true as const });

/**
 * The viewer's organization declares how many of its agents and elected officials were trained in `year`: one
 * declaration per organization and year, a new one for the same year replaces the figures (audited with before/after).
 */
export async function declareTraining(ctx: Context, input: DeclarationInput, query: DeclarationQuery) {
  const viewer = ctx.viewer;
  if (!viewer) throw new UnauthenticatedError();
  if (!canActForOrganization(viewer, viewer.organizationId)) throw new ForbiddenError('Seuls les membres approuvés d’une collectivité déclarent ses formations.');
  const problems = declarationProblems(input, new Date().getUTCFullYear(), viewer.organization.population ?? null);
  if (problems.length) {
    throw new ValidationError(problems.length === 1 ? problems[0]!.message : 'Certains champs sont invalides : corrigez-les puis réessayez.', problems);
  }
  const organizationId = viewer.organizationId;
  const key = { organizationId_year: { organizationId, year: input.year } };
  return audited(ctx, 'training.declare', async (tx) => {
    const before = await tx.trainingDeclaration.findUnique({ where: key });
    const figures = { agentsTrained: input.agentsTrained, electedTrained: input.electedTrained, declaredById: viewer.id, isDemo: false };
    const declaration = await unique(
      tx.trainingDeclaration.upsert({ ...withColumns(query, DECLARATION_COLUMNS), where: key, create: { organizationId, year: input.year, ...figures }, update: figures }),
      'Une autre déclaration pour cette année vient d’être enregistrée : réessayez.',
      'year',
    );
    return { result: declaration, entityType: 'TrainingDeclaration', entityId: declaration.id, organizationId, before: before ?? undefined, after: columnsOf(declaration) };
  });
}
