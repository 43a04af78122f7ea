import type { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ForbiddenError, ValidationError } from '../../graphql/errors.ts';
import { calendarDate } from '../../graphql/input.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { canAdministerOrganization } from '../../shared/permissions.ts';
import { audited } from '../audit/service.ts';
import type { SessionUser } from '../auth/session.ts';
import { saveGeneratedDocument } from '../library/service.ts';
import { adoptCharter, organizationOf } from '../organizations/service.ts';
import {
  charterMarkdown,
  customPrinciplesOf,
  DEFAULT_PREAMBLE,
  frenchDate,
  isPrincipleKey,
  MAX_CUSTOM_PRINCIPLES,
  MAX_CUSTOM_TEXT,
  MAX_CUSTOM_TITLE,
  MAX_PREAMBLE,
  MODEL_DATE,
  MODEL_PRINCIPLES,
  MODEL_REFERENCES,
  MODEL_VERSION,
  PRINCIPLE_KEYS,
  type CustomPrinciple,
} from './rules.ts';

export { charterBlocks, customPrinciplesOf, PRINCIPLE_KEYS } from './rules.ts';

type CharterQuery = { include?: Prisma.CharterInclude; select?: Prisma.CharterSelect };
type OrganizationQuery = { include?: Prisma.OrganizationInclude; select?: Prisma.OrganizationSelect };

/** The shared model, as the builder shows it. */
export const charterModel = () => ({
  version: MODEL_VERSION,
  date: calendarDate(MODEL_DATE)!,
  preamble: DEFAULT_PREAMBLE,
  principles: MODEL_PRINCIPLES,
  references: MODEL_REFERENCES,
  limits: { customPrinciples: MAX_CUSTOM_PRINCIPLES, customTitle: MAX_CUSTOM_TITLE, customText: MAX_CUSTOM_TEXT, preamble: MAX_PREAMBLE },
});

export interface DraftInput {
  organizationSiren?: string | null;
  principles: readonly string[];
  customPrinciples: readonly { title: string; text: string }[];
  preamble?: string | null;
}

/** The draft's values checked: known principles, at most ten own ones each titled and written, a preamble of 4,000 characters. */
function checkedDraft(input: DraftInput) {
  const checks = new Checks()
    .check(input.principles.every(isPrincipleKey), 'principles', 'Principe inconnu du modèle.')
    .check(input.customPrinciples.length <= MAX_CUSTOM_PRINCIPLES, 'customPrinciples', `Au plus ${MAX_CUSTOM_PRINCIPLES} principes ajoutés.`)
    .text(input.preamble, 'preamble', 'Le préambule', { max: MAX_PREAMBLE });
  input.customPrinciples.slice(0, MAX_CUSTOM_PRINCIPLES).forEach((p, i) => {
    checks
      .text(p.title, `customPrinciples.${i}.title`, `Le titre du principe ajouté n° ${i + 1}`, { min: 3, max: MAX_CUSTOM_TITLE })
      .text(p.text, `customPrinciples.${i}.text`, `Le texte du principe ajouté n° ${i + 1}`, { min: 10, max: MAX_CUSTOM_TEXT });
  });
  checks.done();
  const customPrinciples: CustomPrinciple[] = input.customPrinciples.map((p) => ({ title: p.title.trim(), text: p.text.trim() }));
  return {
    // in the model's order, each once
    principles: PRINCIPLE_KEYS.filter((key) => input.principles.includes(key)),
    customPrinciples,
    preamble: clean(input.preamble),
  };
}

/** The organization concerned (by default the actor's), which the actor must administer. */
async function administered(ctx: Context, actor: SessionUser, siren: string | null | undefined) {
  const organization = await organizationOf(ctx, actor, siren);
  if (!canAdministerOrganization(actor, organization.id)) throw new ForbiddenError('Seuls les administrateurs de cette organisation peuvent faire cela.');
  return organization;
}

const draftOf = (c: { principles: string[]; customPrinciples: unknown; preamble: string | null }) => ({
  principles: c.principles,
  customPrinciples: customPrinciplesOf(c.customPrinciples),
  preamble: c.preamble,
});

/** Saves the charter being built from the model (its organization's ORG_ADMIN); publishing it is another step. */
export async function saveCharterDraft(ctx: Context, actor: SessionUser, input: DraftInput, query: CharterQuery) {
  const organization = await administered(ctx, actor, input.organizationSiren);
  const draft = checkedDraft(input);
  const before = await ctx.prisma.charter.findUnique({ where: { organizationId: organization.id } });
  return audited(ctx, 'charter.saveDraft', async (tx) => {
    const data = { ...draft, customPrinciples: draft.customPrinciples as unknown as Prisma.InputJsonValue, authorId: actor.id };
    const withId = query.select ? { ...query, select: { ...query.select, id: true } } : query;
    const charter = await tx.charter.upsert({ ...withId, where: { organizationId: organization.id }, create: { ...data, organizationId: organization.id }, update: data });
    return { result: charter, entityType: 'Charter', entityId: charter.id, organizationId: organization.id, before: before ? draftOf(before) : undefined, after: draft };
  });
}

/** Today's date in Paris, as the calendar day a charter is adopted on. */
function today(now: Date): Date {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return calendarDate(day)!;
}

/**
 * Publishes the saved draft (its organization's ORG_ADMIN), in one transaction: the printable text and its date, the
 * charter's document in the library (a new version on each publication), and the organization's charter ADOPTED
 * today at its page on Mutualis — which the statistics count from then on.
 */
export async function publishCharter(ctx: Context, actor: SessionUser, siren: string | null | undefined, query: OrganizationQuery) {
  const organization = await administered(ctx, actor, siren);
  if (!organization.siren) throw new ValidationError('Seules les collectivités identifiées par un SIREN publient une charte sur Mutualis.', 'organizationSiren');
  const charter = await ctx.prisma.charter.findUnique({ where: { organizationId: organization.id } });
  if (!charter) throw new ValidationError('Enregistrez d’abord le brouillon de la charte.', 'principles');
  const draft = draftOf(charter);
  if (draft.principles.length + draft.customPrinciples.length === 0) throw new ValidationError('Choisissez au moins un principe avant de publier la charte.', 'principles');
  const now = new Date();
  const adoptedAt = today(now);
  const text = charterMarkdown({ organizationName: organization.name, ...draft, publishedAt: now });
  const url = `/territoires/${organization.siren}/charte`;
  return audited(ctx, 'charter.publish', async (tx) => {
    const document = await saveGeneratedDocument(tx, {
      documentId: charter.documentId,
      organizationId: organization.id,
      uploadedById: actor.id,
      title: `Charte éthique de l’IA — ${organization.name}`,
      summary: `Charte éthique de l’intelligence artificielle adoptée par ${organization.name} le ${frenchDate(now)}, établie à partir du modèle partagé de Mutualis.`,
      type: 'ETHICS_CHARTER',
      licence: 'LICENCE_OUVERTE_2',
      documentDate: adoptedAt,
      fileName: `charte-ethique-ia-${organization.siren ?? organization.id}.md`,
      markdown: text,
    });
    await tx.charter.update({ where: { id: charter.id }, data: { publishedText: text, publishedAt: now, authorId: actor.id, documentId: document.id } });
    const adopted = await adoptCharter(tx, organization.id, adoptedAt, url, query);
    const before = { ...adopted.before, publishedAt: charter.publishedAt, documentId: charter.documentId };
    const after = { ...adopted.after, publishedAt: now, documentId: document.id, documentVersion: document.version, ...draft };
    return { result: adopted.row, entityType: 'Charter', entityId: charter.id, organizationId: organization.id, before, after };
  });
}
