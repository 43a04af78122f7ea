import fs from 'node:fs';
import path from 'node:path';
import { Prisma } from '@mutualis/db/client';
import type { Context } from '../../graphql/context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../graphql/errors.ts';
import { Checks } from '../../graphql/validate.ts';
import { isAdmin } from '../../shared/permissions.ts';
import { audited, columns, withColumns } from '../audit/service.ts';
import { decpSettings } from './config.ts';
import { importDecp, isUrl } from './importer.ts';
import { paidByProviders, paidByTools, type PaidAmounts } from './loaders.ts';
import { pricesPaid, type PricesPaid } from './price-rules.ts';

type ContractQuery = { include?: Prisma.PublicContractInclude; select?: Prisma.PublicContractSelect };
type ImportQuery = { select?: Prisma.DecpImportSelect };
const CONTRACT_COLUMNS = columns(Prisma.PublicContractScalarFieldEnum);
const IMPORT_COLUMNS = columns(Prisma.DecpImportScalarFieldEnum);

/** What the public sees: contracts a person confirmed and linked to a tool. */
export const PUBLIC_DECISION = 'CONFIRMED' as const;

// ----------------------------------------------------------------------------- curation

async function findContract(ctx: Context, id: number) {
  const contract = await ctx.prisma.publicContract.findUnique({ where: { id }, select: { id: true, decision: true, toolId: true, decisionReason: true } });
  if (!contract) throw new NotFoundError('Marché introuvable.');
  return contract;
}

const decisionOf = (c: { decision: string; toolId: number | null; decisionReason: string | null }) => ({ decision: c.decision, toolId: c.toolId, decisionReason: c.decisionReason });

/** Confirms that a contract buys an AI tool of the catalogue, and links it to that tool: it becomes public. */
export async function confirmContract(ctx: Context, id: number, toolSlug: string, query: ContractQuery) {
  const contract = await findContract(ctx, id);
  const tool = await ctx.prisma.tool.findUnique({ where: { slug: toolSlug }, select: { id: true } });
  if (!tool) throw new ValidationError('Outil introuvable dans le catalogue.', 'toolSlug');
  return audited(ctx, 'contract.confirm', async (tx) => {
    const after = await tx.publicContract.update({
      ...withColumns(query, CONTRACT_COLUMNS),
      where: { id },
      data: { decision: 'CONFIRMED', toolId: tool.id, decisionReason: null, decidedAt: new Date() },
    });
    return { result: after, entityType: 'PublicContract', entityId: id, before: decisionOf(contract), after: decisionOf(after) };
  });
}

/** Dismisses a contract (not an AI purchase, or not one of the catalogue), with the reason: it is no longer shown. */
export async function dismissContract(ctx: Context, id: number, reason: string, query: ContractQuery) {
  new Checks().text(reason, 'reason', 'Le motif', { min: 3, max: 500 }).done();
  const contract = await findContract(ctx, id);
  return audited(ctx, 'contract.dismiss', async (tx) => {
    const after = await tx.publicContract.update({
      ...withColumns(query, CONTRACT_COLUMNS),
      where: { id },
      data: { decision: 'DISMISSED', toolId: null, decisionReason: reason.trim(), decidedAt: new Date() },
    });
    return { result: after, entityType: 'PublicContract', entityId: id, before: decisionOf(contract), after: decisionOf(after) };
  });
}

export const curationWhere = (decision: 'KEPT' | 'REJECTED' | 'CONFIRMED' | 'DISMISSED'): Prisma.PublicContractWhereInput => ({ decision });

export const contractOrder: Prisma.PublicContractOrderByWithRelationInput[] = [{ notificationDate: 'desc' }, { id: 'desc' }];

/** A contract by id: anyone for a CONFIRMED one, ADMIN for the others (hidden as unknown to the rest). */
export async function findVisibleContract(ctx: Context, id: number, query: ContractQuery) {
  const admin = isAdmin(ctx.viewer);
  return ctx.prisma.publicContract.findFirst({ ...query, where: { id, ...(admin ? {} : { decision: PUBLIC_DECISION }) } });
}

// ----------------------------------------------------------------------------- imports from the API

/** Imports started by this process and not finished yet, by source: one at a time per source. */
const running = new Map<string, Promise<unknown>>();

/** Resolves when every import started from the API has finished (tests, graceful shutdown). */
export const settledImports = () => Promise.allSettled([...running.values()]);

/**
 * The source an ADMIN may import: an http(s) URL, or the name of a file under DECP_IMPORT_DIR (./data/decp by
 * default) — never another path of the server: absolute paths, `..` and symbolic links leading out are refused.
 */
export async function allowedSource(source: string): Promise<string> {
  const trimmed = source.trim();
  if (isUrl(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new ValidationError('Adresse invalide.', 'source');
    }
    if (url.username || url.password) throw new ValidationError('L’adresse ne doit pas contenir d’identifiants.', 'source');
    return url.toString();
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) throw new ValidationError('Seules les adresses http(s) sont acceptées.', 'source');
  const dir = decpSettings().importDir;
  if (path.isAbsolute(trimmed) || trimmed.split(/[\\/]/).includes('..') || !/\.json$/i.test(trimmed)) {
    throw new ValidationError(`Indiquez le nom d’un fichier .json du dossier d’import (${path.basename(dir)}), ou une adresse http(s).`, 'source');
  }
  let real: string;
  let realDir: string;
  try {
    [real, realDir] = await Promise.all([fs.promises.realpath(path.join(dir, trimmed)), fs.promises.realpath(dir)]);
  } catch {
    throw new ValidationError('Fichier introuvable dans le dossier d’import.', 'source');
  }
  if (!real.startsWith(realDir + path.sep) || !(await fs.promises.stat(real)).isFile()) {
    throw new ValidationError('Fichier introuvable dans le dossier d’import.', 'source');
  }
  return real;
}

/** Starts an import in the background (ADMIN) and answers with its run, whose counters a progress screen polls. */
export async function startDecpImport(ctx: Context, source: string, resume: boolean, query: ImportQuery) {
  const resolved = await allowedSource(source);
  if (running.has(resolved)) throw new ConflictError('Une importation de cette source est déjà en cours.', 'source');
  const resumable = resume
    ? await ctx.prisma.decpImport.findFirst({ where: { source: resolved }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }] })
    : null;
  const reuse = resumable && resumable.status !== 'SUCCEEDED' ? resumable : null;
  const run = await audited(ctx, 'decp.startImport', async (tx) => {
    const row = reuse
      ? await tx.decpImport.update({ ...withColumns(query, IMPORT_COLUMNS), where: { id: reuse.id }, data: { status: 'RUNNING', finishedAt: null, failure: null } })
      : await tx.decpImport.create({ ...withColumns(query, IMPORT_COLUMNS), data: { source: resolved, startedById: ctx.viewer?.id ?? null } });
    return { result: row, entityType: 'DecpImport', entityId: row.id, after: { source: resolved, resume: Boolean(reuse) } };
  });
  const task = importDecp(ctx.db, resolved, { runId: run.id })
    .catch((error: unknown) => ctx.log.error({ err: error, importId: run.id }, 'DECP import failed'))
    .finally(() => running.delete(resolved));
  running.set(resolved, task);
  return run;
}

// ----------------------------------------------------------------------------- prices paid

export { type PricesPaid };

const loadPaid = async (rows: Promise<PaidAmounts[]>, ids: readonly number[]) => {
  const byId = new Map((await rows).map((r) => [r.id, r.amounts]));
  return ids.map((id) => pricesPaid(byId.get(id) ?? []));
};

export const toolPricesPaid = (ctx: Context, toolIds: readonly number[]) => loadPaid(paidByTools(ctx, toolIds), toolIds);
export const providerPricesPaid = (ctx: Context, providerIds: readonly number[]) => loadPaid(paidByProviders(ctx, providerIds), providerIds);
