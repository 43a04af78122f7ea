import type { PriceTier, PricingPlan, Tool } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { NotFoundError } from '../../graphql/errors.ts';
import { Checks } from '../../graphql/validate.ts';
import { ADOPTING_STATUSES } from '../deployments/service.ts';
import { loadRatings } from '../reviews/service.ts';
import { computeFootprint, type FootprintResult } from './footprint-rules.ts';
import { bestOn, type BestOn } from './rules.ts';
import { cheapestPlan, DEFAULT_TOKENS_PER_REQUEST, type PlanInput, type TcoResult, type UsageProfile } from './tco-rules.ts';

export interface ProfileInput {
  organizationSiren?: string | null;
  population?: number | null;
  seats?: number | null;
  requestsPerMonth?: number | null;
  years?: number | null;
  tokensPerRequest?: number | null;
}

/** The profile compared on: the population comes from the directory when a SIREN is given without one. */
export interface ResolvedProfile {
  organization: { id: number; name: string; siren: string | null } | null;
  population: number | null;
  populationSource: string | null;
  seats: number | null;
  requestsPerMonth: number | null;
  years: number;
  tokensPerRequest: number;
}

export interface TcoShape {
  result: TcoResult;
}

export interface ComparedTool {
  tool: Tool;
  plan: (PricingPlan & { tiers: PriceTier[] }) | null;
  tco: TcoShape;
  footprint: FootprintResult;
  adoptionCount: number;
}

export interface Comparison {
  profile: ResolvedProfile;
  tools: ComparedTool[];
  best: BestOn[];
}

/** The yearly cost of the cheapest plan that applies to the profile, in euros; null when none does. */
export function cheapestYearlyCost(plans: readonly PlanInput[], profile: UsageProfile): string | null {
  const cheapest = cheapestPlan(plans, profile);
  return cheapest.plan ? cheapest.tco.perYear : null;
}

async function resolveProfile(ctx: Context, input: ProfileInput): Promise<ResolvedProfile> {
  const years = input.years ?? 3;
  new Checks()
    .check(Number.isInteger(years) && years >= 1 && years <= 10, 'years', 'La durée doit être comprise entre 1 et 10 ans.')
    .check(input.population == null || input.population > 0, 'population', 'La population doit être positive.')
    .check(input.seats == null || input.seats >= 0, 'seats', 'Le nombre d’utilisateurs doit être positif.')
    .check(input.requestsPerMonth == null || input.requestsPerMonth >= 0, 'requestsPerMonth', 'Le nombre de requêtes doit être positif.')
    .check(input.tokensPerRequest == null || (input.tokensPerRequest > 0 && input.tokensPerRequest <= 1_000_000), 'tokensPerRequest', 'Le nombre de jetons par requête doit être positif.')
    .done();
  let organization: ResolvedProfile['organization'] = null;
  let population = input.population ?? null;
  let populationSource: string | null = population != null ? 'saisie' : null;
  if (input.organizationSiren) {
    const org = await ctx.prisma.organization.findUnique({ where: { siren: input.organizationSiren.replace(/\s/g, '') } });
    if (!org) throw new NotFoundError('Aucune collectivité ne porte ce SIREN.');
    organization = { id: org.id, name: org.name, siren: org.siren };
    if (population == null && org.population != null) {
      population = org.population;
      populationSource = `population municipale, ${org.source}`;
    }
  }
  return {
    organization,
    population,
    populationSource,
    seats: input.seats ?? null,
    requestsPerMonth: input.requestsPerMonth ?? null,
    years,
    tokensPerRequest: input.tokensPerRequest ?? DEFAULT_TOKENS_PER_REQUEST,
  };
}

/** The catalogue's active tools of `slugs`, in that order, with their plans and impact figures; an unknown one is NOT_FOUND. */
async function comparedTools(ctx: Context, slugs: string[]) {
  const tools = await ctx.prisma.tool.findMany({
    where: { slug: { in: slugs }, archivedAt: null },
    include: {
      plans: { where: { archivedAt: null }, orderBy: { id: 'asc' }, include: { tiers: true } },
      impactFigures: { where: { archivedAt: null }, orderBy: { id: 'asc' } },
    },
  });
  const missing = slugs.filter((slug) => !tools.some((tool) => tool.slug === slug));
  if (missing.length) throw new NotFoundError(`Outil introuvable dans le catalogue : ${missing.join(', ')}.`);
  return slugs.map((slug) => tools.find((tool) => tool.slug === slug)!);
}

/** Compares 2 to 4 tools for a usage profile: cost, footprint, adoption, and the best on each dimension. */
export async function compareTools(ctx: Context, slugList: readonly string[], input: ProfileInput): Promise<Comparison> {
  const slugs = [...new Set(slugList)];
  new Checks().check(slugs.length >= 2 && slugs.length <= 4, 'slugs', 'Choisissez de 2 à 4 outils différents à comparer.').done();
  const profile = await resolveProfile(ctx, input);
  const tools = await comparedTools(ctx, slugs);
  const [grids, adoption, ratings] = await Promise.all([
    ctx.prisma.gridIntensity.findMany(),
    ctx.prisma.deployment.groupBy({
      by: ['toolId'],
      where: { toolId: { in: tools.map((tool) => tool.id) }, status: { in: [...ADOPTING_STATUSES] } },
      _count: { _all: true },
    }),
    loadRatings(tools.map((tool) => tool.id), ctx),
  ]);
  const compared: ComparedTool[] = tools.map((tool) => {
    const cheapest = cheapestPlan(tool.plans, profile);
    return {
      tool,
      plan: cheapest.plan,
      tco: { result: cheapest.plan ? cheapest.tco : { known: false, reason: cheapest.reason } },
      footprint: computeFootprint(tool.impactFigures, grids, profile, tool.hostingCountry),
      adoptionCount: adoption.find((a) => a.toolId === tool.id)?._count._all ?? 0,
    };
  });
  const best = bestOn(
    compared.map((c, i) => ({
      slug: c.tool.slug,
      name: c.tool.name,
      total: c.tco.result.known ? c.tco.result.total : null,
      kgco2e: c.footprint.known ? c.footprint.kgco2e.value : null,
      kwh: c.footprint.known ? c.footprint.kwh.value : null,
      waterL: c.footprint.known ? c.footprint.waterL.value : null,
      method: c.footprint.known ? c.footprint.method : null,
      rating: ratings[i]?.average ?? null,
      adoption: c.adoptionCount,
    })),
  );
  return { profile, tools: compared, best };
}
