import DataLoader from 'dataloader';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from '../../graphql/context.ts';
import { groupVisibility, isVisible, reviewVisibility, userVisibility, type Actor } from '../../shared/permissions.ts';
import { ENTITY_TYPE_LABELS, organizationKindLabel, type AuditEntityType } from './rules.ts';

// What an event names, read by id: one statement per entity type per request (a DataLoader per type, batched over
// every event of the page or of the export), each name shown only as the viewer could see it elsewhere.

export type LinkKind = 'TOOL' | 'ORGANIZATION' | 'PURCHASING_GROUP';

/** An entity as the log names it: « Outil » and « Albert », and the page that shows it, if any. */
export interface EntityRef {
  kind: string;
  name: string;
  link: { kind: LinkKind; key: string } | null;
}

type Rows = (ctx: Context, ids: number[]) => Promise<Map<number, EntityRef>>;
type Viewer = Actor | null;

const toolLink = (slug: string) => ({ kind: 'TOOL' as const, key: slug });
const byId = <Row extends { id: number }>(rows: Row[], ref: (row: Row) => EntityRef) => new Map(rows.map((row) => [row.id, ref(row)]));

function groupRef(viewer: Viewer, group: { groupId: number; title: string; status: string; coordinatorId: number }, kind: string, name?: string): EntityRef {
  const row = { coordinatorId: group.coordinatorId, status: group.status as 'DRAFT' };
  // a draft is shown to its coordinator organization only: elsewhere its title stays unknown
  if (!isVisible(groupVisibility(viewer), row)) return { kind, name: 'groupement en préparation', link: null };
  return { kind, name: name ?? group.title, link: { kind: 'PURCHASING_GROUP', key: encodeGlobalID('PurchasingGroup', group.groupId) } };
}

/**
 * The entity types the log names (the public contracts and their imports, and the library's documents, versions and
 * reuses keep their number alone, for now).
 */
type NamedType = Exclude<AuditEntityType, 'PublicContract' | 'DecpImport' | 'Document' | 'DocumentVersion' | 'DocumentReuse'> | 'Category';

const ROWS: Record<NamedType, Rows> = {
  async Tool(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string; slug: string }[]>`
      SELECT id, name, slug FROM "Tool" WHERE id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.Tool, name: row.name, link: toolLink(row.slug) }));
  },
  async Organization(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string; siren: string | null; kind: string }[]>`
      SELECT id, name, siren, kind::text AS kind FROM "Organization" WHERE id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({
      kind: organizationKindLabel(row.kind),
      name: row.name,
      link: row.siren ? { kind: 'ORGANIZATION', key: row.siren } : null,
    }));
  },
  async Provider(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Provider" WHERE id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.Provider, name: row.name, link: null }));
  },
  async Category(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "Category" WHERE id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: 'Catégorie', name: row.name, link: null }));
  },
  async User(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string; organizationId: number }[]>`
      SELECT id, name, "organizationId" FROM "User" WHERE id = ANY(${ids}::int[])`;
    // the person's name as the User type would show it (never the e-mail address)
    const visible = rows.filter((row) => isVisible(userVisibility(ctx.viewer), row));
    return byId(visible, (row) => ({ kind: ENTITY_TYPE_LABELS.User, name: row.name, link: null }));
  },
  async Deployment(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; tool: string; slug: string; organization: string }[]>`
      SELECT d.id, t.name AS tool, t.slug, o.name AS organization
        FROM "Deployment" d JOIN "Tool" t ON t.id = d."toolId" JOIN "Organization" o ON o.id = d."organizationId"
       WHERE d.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.Deployment, name: `${row.tool} — ${row.organization}`, link: toolLink(row.slug) }));
  },
  async Review(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<
      { id: number; organizationId: number; moderationStatus: 'VISIBLE' | 'HIDDEN'; tool: string; slug: string; organization: string }[]
    >`
      SELECT r.id, r."organizationId", r."moderationStatus"::text AS "moderationStatus", t.name AS tool, t.slug, o.name AS organization
        FROM "Review" r JOIN "Tool" t ON t.id = r."toolId" JOIN "Organization" o ON o.id = r."organizationId"
       WHERE r.id = ANY(${ids}::int[])`;
    return byId(rows, (row) =>
      isVisible(reviewVisibility(ctx.viewer), row)
        ? { kind: ENTITY_TYPE_LABELS.Review, name: `${row.tool} — ${row.organization}`, link: toolLink(row.slug) }
        : { kind: ENTITY_TYPE_LABELS.Review, name: 'avis masqué par la modération', link: null },
    );
  },
  async PricingPlan(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; name: string; tool: string; slug: string }[]>`
      SELECT p.id, p.name, t.name AS tool, t.slug FROM "PricingPlan" p JOIN "Tool" t ON t.id = p."toolId" WHERE p.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.PricingPlan, name: `${row.name} (${row.tool})`, link: toolLink(row.slug) }));
  },
  async ImpactFigure(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; tool: string; slug: string }[]>`
      SELECT i.id, t.name AS tool, t.slug FROM "ImpactFigure" i JOIN "Tool" t ON t.id = i."toolId" WHERE i.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.ImpactFigure, name: row.tool, link: toolLink(row.slug) }));
  },
  async PurchasingGroup(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; title: string; status: string; coordinatorId: number }[]>`
      SELECT id, title, status::text AS status, "coordinatorId" FROM "PurchasingGroup" WHERE id = ANY(${ids}::int[])`;
    return byId(rows, (row) => groupRef(ctx.viewer, { ...row, groupId: row.id }, ENTITY_TYPE_LABELS.PurchasingGroup));
  },
  async TrainingDeclaration(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; year: number; organization: string; siren: string | null }[]>`
      SELECT d.id, d.year, o.name AS organization, o.siren FROM "TrainingDeclaration" d JOIN "Organization" o ON o.id = d."organizationId" WHERE d.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({
      kind: ENTITY_TYPE_LABELS.TrainingDeclaration,
      name: `${row.organization} — ${row.year}`,
      link: row.siren ? { kind: 'ORGANIZATION', key: row.siren } : null,
    }));
  },
  async Charter(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; organization: string; siren: string | null }[]>`
      SELECT c.id, o.name AS organization, o.siren FROM "Charter" c JOIN "Organization" o ON o.id = c."organizationId" WHERE c.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.Charter, name: row.organization, link: row.siren ? { kind: 'ORGANIZATION', key: row.siren } : null }));
  },
  async ToolReferent(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; tool: string; slug: string; organization: string }[]>`
      SELECT r.id, t.name AS tool, t.slug, o.name AS organization FROM "ToolReferent" r JOIN "Tool" t ON t.id = r."toolId"
        JOIN "User" u ON u.id = r."userId" JOIN "Organization" o ON o.id = u."organizationId" WHERE r.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.ToolReferent, name: `${row.tool} — ${row.organization}`, link: toolLink(row.slug) }));
  },
  async ReferentContact(ctx, ids) {
    // the tool alone: who wrote to whom stays between them
    const rows = await ctx.prisma.$queryRaw<{ id: number; tool: string; slug: string }[]>`
      SELECT c.id, t.name AS tool, t.slug FROM "ReferentContact" c JOIN "ToolReferent" r ON r.id = c."referentId" JOIN "Tool" t ON t.id = r."toolId"
       WHERE c.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => ({ kind: ENTITY_TYPE_LABELS.ReferentContact, name: row.tool, link: toolLink(row.slug) }));
  },
  async GroupMembership(ctx, ids) {
    const rows = await ctx.prisma.$queryRaw<{ id: number; groupId: number; title: string; status: string; coordinatorId: number; organization: string }[]>`
      SELECT m.id, g.id AS "groupId", g.title, g.status::text AS status, g."coordinatorId", o.name AS organization
        FROM "GroupMembership" m JOIN "PurchasingGroup" g ON g.id = m."groupId" JOIN "Organization" o ON o.id = m."organizationId"
       WHERE m.id = ANY(${ids}::int[])`;
    return byId(rows, (row) => {
      const group = groupRef(ctx.viewer, row, ENTITY_TYPE_LABELS.GroupMembership);
      return { ...group, name: group.link ? `${row.organization} — ${row.title}` : `${row.organization} — ${group.name}` };
    });
  },
};

export type RefType = keyof typeof ROWS;

export const isRefType = (type: string): type is RefType => Object.hasOwn(ROWS, type);

const loaders = new WeakMap<Context, Map<RefType, DataLoader<number, EntityRef | null>>>();

function loaderFor(ctx: Context, type: RefType): DataLoader<number, EntityRef | null> {
  let byType = loaders.get(ctx);
  if (!byType) loaders.set(ctx, (byType = new Map()));
  let loader = byType.get(type);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const refs = await ROWS[type](ctx, [...ids]);
      return ids.map((id) => refs.get(id) ?? null);
    });
    byType.set(type, loader);
  }
  return loader;
}

const INT4_MAX = 2_147_483_647;

/** The entity of that type and id (an id as the log keeps it, in text), or null: unknown type, removed row. */
export async function entityRef(ctx: Context, type: string, id: unknown): Promise<EntityRef | null> {
  const number = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!isRefType(type) || !Number.isInteger(number) || number < 1 || number > INT4_MAX) return null;
  return loaderFor(ctx, type).load(number);
}
