import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { ImpactFigureInput, PricingPlanInput, ProviderInput, ToolInput } from './admin-inputs.ts';
import { ImpactFigure, PricingPlan } from './schema.ts';
import { archiveImpactFigure, createImpactFigure, providerOfFigure, updateImpactFigure } from './service/impact-figure.ts';
import { archivePricingPlan, createPricingPlan, providerOfPlan, updatePricingPlan } from './service/plan.ts';
import { archiveProvider, createProvider, updateProvider } from './service/provider.ts';
import { archiveTool, createTool, providerOfNewTool, providerOfTool, updateTool } from './service/tool.ts';

// Catalogue curation: ADMIN creates, updates and archives providers, tools, plans and impact figures; a PROVIDER
// user edits its own provider's tools, plans and figures, which are then shown as declared by the provider.
// Each field asks its scope, then calls its use case (service/<entity>.ts).

/**
 * The scopes of a tool, plan or figure edit: `editsTool` for the provider that `providerOf` finds. An anonymous caller
 * is UNAUTHENTICATED before anything is looked up (an unknown tool tells it nothing).
 */
const editsToolOf = async (ctx: Context, providerOf: () => Promise<number>) => (ctx.viewer ? { editsTool: await providerOf() } : { loggedIn: true });

const admin = { admin: true } as const;

builder.mutationFields((t) => ({
  createProvider: t.withAuth(admin).prismaField({
    type: 'Provider',
    errors: {},
    args: { input: t.arg({ type: ProviderInput }) },
    resolve: (query, _p, { input }, ctx) => createProvider(ctx, input, query),
  }),
  updateProvider: t.withAuth(admin).prismaField({
    type: 'Provider',
    errors: {},
    args: { slug: t.arg.string(), input: t.arg({ type: ProviderInput }) },
    resolve: (query, _p, args, ctx) => updateProvider(ctx, args.slug, args.input, query),
  }),
  archiveProvider: t.withAuth(admin).prismaField({
    type: 'Provider',
    errors: {},
    description: 'Retire un fournisseur et ses outils du catalogue (l’historique est conservé).',
    args: { slug: t.arg.string() },
    resolve: (query, _p, args, ctx) => archiveProvider(ctx, args.slug, query),
  }),

  createTool: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Tool',
    errors: {},
    args: { input: t.arg({ type: ToolInput }) },
    authScopes: (_p, { input }, ctx) => editsToolOf(ctx, () => providerOfNewTool(ctx, input)),
    resolve: (query, _p, { input }, ctx) => createTool(ctx, input, query),
  }),
  updateTool: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Tool',
    errors: {},
    args: { slug: t.arg.string(), input: t.arg({ type: ToolInput }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfTool(ctx, args.slug)),
    resolve: (query, _p, args, ctx) => updateTool(ctx, args.slug, args.input, query),
  }),
  archiveTool: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Tool',
    errors: {},
    args: { slug: t.arg.string() },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfTool(ctx, args.slug)),
    resolve: (query, _p, args, ctx) => archiveTool(ctx, args.slug, query),
  }),

  createPricingPlan: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { toolSlug: t.arg.string(), input: t.arg({ type: PricingPlanInput }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfTool(ctx, args.toolSlug)),
    resolve: (query, _p, args, ctx) => createPricingPlan(ctx, args.toolSlug, args.input, query),
  }),
  updatePricingPlan: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { id: t.arg.globalID({ for: PricingPlan }), input: t.arg({ type: PricingPlanInput }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfPlan(ctx, Number(args.id.id))),
    resolve: (query, _p, args, ctx) => updatePricingPlan(ctx, Number(args.id.id), args.input, query),
  }),
  archivePricingPlan: t.withAuth({ loggedIn: true }).prismaField({
    type: 'PricingPlan',
    errors: {},
    args: { id: t.arg.globalID({ for: PricingPlan }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfPlan(ctx, Number(args.id.id))),
    resolve: (query, _p, args, ctx) => archivePricingPlan(ctx, Number(args.id.id), query),
  }),

  createImpactFigure: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { toolSlug: t.arg.string(), input: t.arg({ type: ImpactFigureInput }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfTool(ctx, args.toolSlug)),
    resolve: (query, _p, args, ctx) => createImpactFigure(ctx, args.toolSlug, args.input, query),
  }),
  updateImpactFigure: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { id: t.arg.globalID({ for: ImpactFigure }), input: t.arg({ type: ImpactFigureInput }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfFigure(ctx, Number(args.id.id))),
    resolve: (query, _p, args, ctx) => updateImpactFigure(ctx, Number(args.id.id), args.input, query),
  }),
  archiveImpactFigure: t.withAuth({ loggedIn: true }).prismaField({
    type: 'ImpactFigure',
    errors: {},
    args: { id: t.arg.globalID({ for: ImpactFigure }) },
    authScopes: (_p, args, ctx) => editsToolOf(ctx, () => providerOfFigure(ctx, Number(args.id.id))),
    resolve: (query, _p, args, ctx) => archiveImpactFigure(ctx, Number(args.id.id), query),
  }),
}));
