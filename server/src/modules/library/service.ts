import { createHash } from 'node:crypto';
import { DocumentLicence, DocumentType } from '@mutualis/db/enums';
import type { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ForbiddenError, NotFoundError, unique, UnauthenticatedError, ValidationError } from '../../graphql/errors.ts';
import { calendarDate, decodeGlobalID } from '../../graphql/input.ts';
import { Checks, clean } from '../../graphql/validate.ts';
import { canActForOrganization, canAdministerOrganization } from '../../shared/permissions.ts';
import { HttpUrl } from '../../shared/validation.ts';
import { audited, columnsOf } from '../audit/service.ts';
import { extractText, UnreadableFile } from './extract.ts';
import { countDocuments, countDownload, searchDocuments, type DocumentSearch } from './loaders.ts';
import { detectFileKind, excerptPieces, MAX_FILE_BYTES, MIME_TYPES, REFUSED_TYPE, safeFileName, slugify } from './rules.ts';

export { documentVisibility } from './rules.ts';
export { LICENCES, MAX_FILE_BYTES } from './rules.ts';

type DocumentQuery = { include?: Prisma.DocumentInclude; select?: Prisma.DocumentSelect };
type ReuseQuery = { include?: Prisma.DocumentReuseInclude; select?: Prisma.DocumentReuseSelect };

const NOT_FOUND = 'Document introuvable.';
const MAX_QUERY = 200;
const DOCUMENT_COLUMNS = { id: true, slug: true, title: true, summary: true, type: true, licence: true, organizationId: true, documentDate: true, sourceUrl: true } as const;

// ----------------------------------------------------------------------------- reading

/** One page of the library, with each row's excerpt cut at its highlights (null without a search). */
export async function findDocuments(ctx: Context, search: DocumentSearch, limit: number, offset: number) {
  const query = clean(search.query);
  new Checks().text(query, 'query', 'La recherche', { max: MAX_QUERY }).done();
  const rows = await searchDocuments(ctx, { ...search, query }, limit, offset);
  const documents = await ctx.prisma.document.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  const byId = new Map(documents.map((d) => [d.id, d]));
  return rows.flatMap((row) => {
    const document = byId.get(row.id);
    return document ? [{ document, rank: row.rank, excerpt: row.headline === null ? null : excerptPieces(row.headline) }] : [];
  });
}

export const countFoundDocuments = (ctx: Context, search: DocumentSearch) => countDocuments(ctx, { ...search, query: clean(search.query) });

export const findDocument = (ctx: Context, slug: string, query: DocumentQuery) => ctx.prisma.document.findUnique({ ...query, where: { slug } });

/** The organization that wrote a document, for the scopes of its mutations. */
export async function documentScope(ctx: Context, id: number, scope: 'administers' | 'actsFor') {
  if (!ctx.viewer) return { loggedIn: true };
  const document = await ctx.prisma.document.findUnique({ where: { id }, select: { organizationId: true } });
  if (!document) throw new NotFoundError(NOT_FOUND);
  return scope === 'administers' ? { administers: document.organizationId } : { actsFor: ctx.viewer.organizationId };
}

// ----------------------------------------------------------------------------- files

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file checked by its bytes and read: what a version stores. VALIDATION (field `file`) for anything else. */
export async function readUpload(file: UploadedFile | null) {
  if (!file || file.bytes.length === 0) throw new ValidationError('Choisissez un fichier à téléverser.', 'file');
  if (file.bytes.length > MAX_FILE_BYTES) throw new ValidationError(`Le fichier dépasse ${MAX_FILE_BYTES / 1024 / 1024} Mo : il n’a pas été enregistré.`, 'file');
  const kind = detectFileKind(file.bytes);
  if (!kind) throw new ValidationError(REFUSED_TYPE, 'file');
  let text: string;
  try {
    text = await extractText(kind, file.bytes);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw new ValidationError(`Le contenu de ce fichier ${kind === 'MARKDOWN' ? 'texte' : kind} est illisible (fichier endommagé ?) : il n’a pas été enregistré.`, 'file');
  }
  return {
    fileName: safeFileName(file.name, kind),
    mimeType: MIME_TYPES[kind],
    byteSize: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes as Uint8Array<ArrayBuffer>,
    text,
  };
}

// ----------------------------------------------------------------------------- writing

export interface DocumentInput {
  title?: string | null;
  summary?: string | null;
  type?: string | null;
  licence?: string | null;
  documentDate?: string | Date | null;
  toolSlugs?: readonly string[] | null;
  categorySlugs?: readonly string[] | null;
  sourceUrl?: string | null;
}

const TYPES = new Set<string>(Object.values(DocumentType));
const LICENCE_VALUES = new Set<string>(Object.values(DocumentLicence));

/** The checked columns of a document's metadata; `creating` makes title, summary, type and licence required. */
async function documentData(ctx: Context, input: DocumentInput, creating: boolean) {
  const checks = new Checks()
    .text(input.title, 'title', 'Le titre', { min: creating || input.title != null ? 3 : 0, max: 200 })
    .text(input.summary, 'summary', 'Le résumé', { min: creating || input.summary != null ? 10 : 0, max: 2000 })
    .check(!creating || input.type != null, 'type', 'Le type de document est obligatoire.')
    .check(input.type == null || TYPES.has(input.type), 'type', 'Type de document inconnu.')
    .check(!creating || input.licence != null, 'licence', 'La licence est obligatoire.')
    .check(input.licence == null || LICENCE_VALUES.has(input.licence), 'licence', 'Licence inconnue.')
    .check((input.toolSlugs?.length ?? 0) <= 20, 'toolSlugs', 'Au plus 20 outils.')
    .check((input.categorySlugs?.length ?? 0) <= 10, 'categorySlugs', 'Au plus 10 catégories.');
  const date: Date | null = typeof input.documentDate === 'string' ? (input.documentDate ? calendarDate(input.documentDate) : null) : (input.documentDate ?? null);
  checks.check(!(typeof input.documentDate === 'string' && input.documentDate && !date), 'documentDate', 'Date invalide (format AAAA-MM-JJ).');
  checks.check(!date || date.getTime() <= Date.now(), 'documentDate', 'La date du document ne peut pas être dans le futur.');
  const sourceUrl = checks.parse(HttpUrl, clean(input.sourceUrl), 'sourceUrl');
  const tools = input.toolSlugs ? await ctx.prisma.tool.findMany({ where: { slug: { in: [...input.toolSlugs] } }, select: { id: true, slug: true } }) : null;
  const categories = input.categorySlugs ? await ctx.prisma.category.findMany({ where: { slug: { in: [...input.categorySlugs] } }, select: { id: true } }) : null;
  checks.check(!tools || tools.length === new Set(input.toolSlugs).size, 'toolSlugs', 'Outil inconnu du catalogue.');
  checks.check(!categories || categories.length === new Set(input.categorySlugs).size, 'categorySlugs', 'Catégorie inconnue.');
  checks.done();
  const data = {
    ...(input.title != null ? { title: input.title.trim() } : {}),
    ...(input.summary != null ? { summary: input.summary.trim() } : {}),
    ...(input.type != null ? { type: input.type as DocumentType } : {}),
    ...(input.licence != null ? { licence: input.licence as DocumentLicence } : {}),
    ...(input.documentDate !== undefined ? { documentDate: date } : {}),
    ...(input.sourceUrl !== undefined ? { sourceUrl: sourceUrl ?? null } : {}),
  };
  return { data, toolIds: tools?.map((t) => t.id) ?? null, categoryIds: categories?.map((c) => c.id) ?? null };
}

/** A slug no other document has: the title's, then -2, -3… */
async function freeSlug(db: Pick<Prisma.TransactionClient, 'document'>, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await db.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** The person behind a `viewer` id of the API, with the organization, as a request's context holds it. */
export async function signedInActor(prisma: Context['prisma'], globalId: string): Promise<Context['viewer']> {
  const { typename, id } = decodeGlobalID(globalId);
  return typename === 'User' ? prisma.user.findUnique({ where: { id: Number(id) }, include: { organization: true } }) : null;
}

const signedIn = (ctx: Context) => {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
};

/** A new document with its first version, in the name of the uploader's organization (its approved members). */
export async function createDocument(ctx: Context, input: DocumentInput, file: UploadedFile | null) {
  const viewer = signedIn(ctx);
  if (!canActForOrganization(viewer, viewer.organizationId)) {
    throw new ForbiddenError('Seuls les membres approuvés d’une collectivité peuvent déposer un document.');
  }
  const { data, toolIds, categoryIds } = await documentData(ctx, input, true);
  const version = await readUpload(file);
  const slug = await freeSlug(ctx.prisma, data.title!);
  return audited(ctx, 'document.create', async (tx) => {
    const document = await tx.document.create({
      data: {
        ...(data as Required<Pick<typeof data, 'title' | 'summary' | 'type' | 'licence'>> & typeof data),
        slug,
        organizationId: viewer.organizationId,
        createdById: viewer.id,
        versions: { create: { ...version, number: 1, uploadedById: viewer.id } },
        tools: { create: (toolIds ?? []).map((toolId) => ({ toolId })) },
        categories: { create: (categoryIds ?? []).map((categoryId) => ({ categoryId })) },
      },
    });
    return { result: { slug, version: 1 }, entityType: 'Document', entityId: document.id, after: { ...document, fileName: version.fileName, sha256: version.sha256 } };
  });
}

/** A new version of a document (its author organization's members): the previous ones are kept. */
export async function addDocumentVersion(ctx: Context, slug: string, file: UploadedFile | null) {
  const viewer = signedIn(ctx);
  const document = await ctx.prisma.document.findUnique({ where: { slug }, select: { id: true, organizationId: true } });
  if (!document) throw new NotFoundError(NOT_FOUND);
  if (!canActForOrganization(viewer, document.organizationId)) {
    throw new ForbiddenError('Seuls les membres de la collectivité autrice peuvent déposer une nouvelle version.');
  }
  const version = await readUpload(file);
  return audited(ctx, 'document.addVersion', async (tx) => {
    const last = await tx.documentVersion.aggregate({ where: { documentId: document.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const row = await unique(
      tx.documentVersion.create({ data: { ...version, number, documentId: document.id, uploadedById: viewer.id }, select: { id: true } }),
      'Une autre version vient d’être déposée : réessayez.',
    );
    const after = { documentId: document.id, number, fileName: version.fileName, byteSize: version.byteSize, sha256: version.sha256 };
    return { result: { slug, version: number }, entityType: 'DocumentVersion', entityId: row.id, organizationId: document.organizationId, after };
  });
}

export interface GeneratedDocument {
  /** The document a previous call created (a new version is added to it), or null. */
  documentId: number | null;
  organizationId: number;
  uploadedById: number;
  title: string;
  summary: string;
  type: DocumentType;
  licence: DocumentLicence;
  documentDate: Date;
  fileName: string;
  markdown: string;
}

/**
 * A document the platform writes for an organization (a charter built from the model), in the caller's transaction and
 * audit event: created on the first call, a new version of the same document on the next ones (if still the author's).
 */
export async function saveGeneratedDocument(tx: Prisma.TransactionClient, input: GeneratedDocument) {
  const version = await readUpload({ name: input.fileName, bytes: new TextEncoder().encode(input.markdown) });
  const existing = input.documentId ? await tx.document.findUnique({ where: { id: input.documentId }, select: { id: true, slug: true, organizationId: true } }) : null;
  if (existing && existing.organizationId === input.organizationId) {
    const last = await tx.documentVersion.aggregate({ where: { documentId: existing.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.document.update({ where: { id: existing.id }, data: { documentDate: input.documentDate, versions: { create: { ...version, number, uploadedById: input.uploadedById } } } });
    return { id: existing.id, slug: existing.slug, version: number };
  }
  const slug = await freeSlug(tx, input.title);
  const { documentId: _d, uploadedById, fileName: _f, markdown: _m, ...data } = input;
  const document = await unique(
    tx.document.create({ data: { ...data, slug, createdById: uploadedById, versions: { create: { ...version, number: 1, uploadedById } } }, select: { id: true } }),
    'Un autre document vient d’être déposé sous ce titre : réessayez.',
  );
  return { id: document.id, slug, version: 1 };
}

/** Metadata and links of a document (its author organization's ORG_ADMIN); the links given replace the old ones. */
export async function updateDocument(ctx: Context, id: number, input: DocumentInput, query: DocumentQuery) {
  const before = await ctx.prisma.document.findUnique({ where: { id }, select: DOCUMENT_COLUMNS });
  if (!before) throw new NotFoundError(NOT_FOUND);
  if (!canAdministerOrganization(ctx.viewer, before.organizationId)) throw new ForbiddenError();
  const { data, toolIds, categoryIds } = await documentData(ctx, input, false);
  return audited(ctx, 'document.update', async (tx) => {
    if (toolIds) await tx.documentTool.deleteMany({ where: { documentId: id } });
    if (categoryIds) await tx.documentCategory.deleteMany({ where: { documentId: id } });
    const document = await tx.document.update({
      ...query,
      where: { id },
      data: {
        ...data,
        ...(toolIds ? { tools: { create: toolIds.map((toolId) => ({ toolId })) } } : {}),
        ...(categoryIds ? { categories: { create: categoryIds.map((categoryId) => ({ categoryId })) } } : {}),
      },
    });
    const after = { ...columnsOf(document), ...data, ...(toolIds ? { toolIds } : {}), ...(categoryIds ? { categoryIds } : {}) };
    return { result: document, entityType: 'Document', entityId: id, organizationId: before.organizationId, before, after };
  });
}

/** The viewer's organization says it reused a document (once; not its own). */
export async function markDocumentReused(ctx: Context, documentId: number, query: ReuseQuery) {
  const viewer = signedIn(ctx);
  const document = await ctx.prisma.document.findUnique({ where: { id: documentId }, select: { organizationId: true } });
  if (!document) throw new NotFoundError(NOT_FOUND);
  if (document.organizationId === viewer.organizationId) throw new ValidationError('Votre collectivité est l’autrice de ce document.', 'documentId');
  return audited(ctx, 'document.markReused', async (tx) => {
    const reuse = await unique(
      tx.documentReuse.create({ ...query, data: { documentId, organizationId: viewer.organizationId, markedById: viewer.id } }),
      'Votre collectivité a déjà indiqué avoir réutilisé ce document.',
      'documentId',
    );
    return { result: reuse, entityType: 'DocumentReuse', entityId: reuse.id, after: { documentId, organizationId: viewer.organizationId } };
  });
}

// ----------------------------------------------------------------------------- downloads

/** A version's file (the latest without a number), counted as a download unless `count` is false (HEAD). */
export async function downloadVersion(ctx: Pick<Context, 'prisma'>, slug: string, number: number | null, count: boolean) {
  const document = await ctx.prisma.document.findUnique({ where: { slug }, select: { id: true } });
  if (!document) throw new NotFoundError(NOT_FOUND);
  const version = await ctx.prisma.documentVersion.findFirst({
    where: { documentId: document.id, ...(number !== null ? { number } : {}) },
    orderBy: { number: 'desc' },
    select: { fileName: true, mimeType: true, byteSize: true, sha256: true, content: true },
  });
  if (!version) throw new NotFoundError(number !== null ? 'Cette version du document n’existe pas.' : 'Ce document n’a pas de fichier déposé : consultez sa source.');
  if (count) await countDownload(ctx, document.id);
  return version;
}
