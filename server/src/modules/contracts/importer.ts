// The DECP import: the file or URL read as a stream of tokens (stream-json), one record assembled at a time, a batch
// validated in full before it is written in one transaction with the run's position. Memory holds one batch, never
// the file. The same function serves the command line (`npm run decp:import`) and the admin mutation.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import type { Database } from '../../db/database.ts';
import { decpSettings, type DecpSettings } from './config.ts';
import { createRun, linksOf, runById, markRun, resumableRun, writeBatch, type BatchCounters, type ContractRow, type ImportError, type ImportRun } from './loaders.ts';
import { parseRecord, type FormatVersion, type RecordKind } from './record-rules.ts';
import { classify, RULES_VERSION } from './rules.ts';

export class DecpImportError extends Error {}

export interface Progress extends BatchCounters {
  importId: number;
  position: number;
  /** Records per second since the start of this run. */
  rate: number;
  elapsedMs: number;
}

export interface ImportOptions {
  /** Continue the latest unfinished run of the same source from its position. */
  resume?: boolean;
  /** Who started it. */
  startedById?: number | null;
  /** Continue this run (created or reopened by the admin mutation) from its position. */
  runId?: number;
  /** Stops after the batch being written: the run is INTERRUPTED and resumable. */
  signal?: AbortSignal;
  /** Called after every committed batch. */
  onProgress?: (progress: Progress) => void;
  /** Called once the run row exists (the mutation answers with it). */
  onStart?: (run: ImportRun) => void;
  settings?: DecpSettings;
}

export interface ImportResult extends Progress {
  status: 'SUCCEEDED' | 'INTERRUPTED' | 'FAILED';
  failure: string | null;
  /** Contracts inserted or changed by this run. */
  written: number;
}

/** http(s) URLs are fetched; anything else is a local file. */
export const isUrl = (source: string) => /^https?:\/\//i.test(source);

async function openSource(source: string, signal?: AbortSignal): Promise<Readable> {
  if (isUrl(source)) {
    let response: Response;
    try {
      response = await fetch(source, { signal, redirect: 'follow' });
    } catch (error) {
      throw new DecpImportError(`Téléchargement impossible de ${source} : ${(error as Error).message}.`);
    }
    if (!response.ok || !response.body) throw new DecpImportError(`Téléchargement impossible de ${source} : réponse HTTP ${response.status}.`);
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  }
  try {
    const stat = await fs.promises.stat(source);
    if (!stat.isFile()) throw new DecpImportError(`${source} n’est pas un fichier.`);
  } catch (error) {
    if (error instanceof DecpImportError) throw error;
    throw new DecpImportError(`Fichier introuvable ou illisible : ${source}.`);
  }
  return fs.createReadStream(source, { highWaterMark: 1 << 16 });
}

interface Located {
  path: string;
  kind: RecordKind;
  formatVersion: FormatVersion;
}

/**
 * The records of a DECP file, in order, each with where it sits: v2 `marches.marche[i]` and
 * `marches.contrat-concession[i]`, 1.x `marches[i]`. A small queue carries each match's path from the filter to the
 * assembled value (bounded by the stream's buffers).
 */
function records(input: Readable) {
  const located: Located[] = [];
  const filter = (stack: (string | number | null)[]) => {
    if (stack[0] !== 'marches') return false;
    if (stack.length === 3 && (stack[1] === 'marche' || stack[1] === 'contrat-concession') && typeof stack[2] === 'number') {
      located.push({ path: `marches.${stack[1]}[${stack[2]}]`, kind: stack[1] === 'marche' ? 'MARCHE' : 'CONCESSION', formatVersion: '2.0' });
      return true;
    }
    if (stack.length === 2 && typeof stack[1] === 'number') {
      located.push({ path: `marches[${stack[1]}]`, kind: 'MARCHE', formatVersion: '1.x' });
      return true;
    }
    return false;
  };
  const pipeline = chain([input, parser(), pick({ filter }), streamValues()]);
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of pipeline as AsyncIterable<{ value: unknown }>) yield { value: item.value, where: located.shift()! };
    },
    destroy: () => pipeline.destroy(),
  };
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/** Imports a DECP file or URL into the database; never throws for a bad record, only for an unusable source. */
export async function importDecp(db: Database, source: string, options: ImportOptions = {}): Promise<ImportResult> {
  const settings = options.settings ?? decpSettings();
  const previous = options.runId ? await runById(db.sql, options.runId) : options.resume ? await resumableRun(db.sql, source) : null;
  const run = previous ?? (await createRun(db.sql, source, options.startedById ?? null));
  if (previous && previous.status !== 'RUNNING') await markRun(db.sql, run.id, 'RUNNING');
  options.onStart?.(run);
  const started = Date.now();
  const total: BatchCounters = { read: run.readCount, kept: run.keptCount, linked: run.linkedCount, rejected: run.rejectedCount, invalid: run.invalidCount };
  let position = run.position;
  let readThisRun = 0;
  let written = 0;
  const progress = (): Progress => {
    const elapsedMs = Date.now() - started;
    return { importId: run.id, position, ...total, elapsedMs, rate: elapsedMs > 0 ? Math.round((readThisRun * 1000) / elapsedMs) : 0 };
  };

  let batch: { value: unknown; where: Located; ordinal: number }[] = [];
  let formatVersion: FormatVersion | null = null;
  const flush = async () => {
    if (!batch.length) return;
    const counters: BatchCounters = { read: 0, kept: 0, linked: 0, rejected: 0, invalid: 0 };
    const errors: ImportError[] = [];
    const parsed = batch.map((item) => ({ item, result: parseRecord(item.value, item.where.kind, item.where.formatVersion) }));
    const valid = parsed.flatMap(({ item, result }) => {
      counters.read++;
      if (result.ok) return [{ item, contract: result.contract }];
      counters.invalid++;
      errors.push({ position: item.ordinal, path: item.where.path, reason: result.reason });
      return [];
    });
    const links = await linksOf(
      db.sql,
      [...new Set(valid.map((v) => v.contract.buyerSiren))],
      [...new Set(valid.flatMap((v) => v.contract.holders.flatMap((h) => (h.siren ? [h.siren] : []))))],
    );
    const rows: ContractRow[] = [];
    for (const { item, contract } of valid) {
      const holderProviders = contract.holders.map((h) => (h.siren ? (links.providers.get(h.siren) ?? null) : null));
      const providers = contract.holders.flatMap((h, i) => (holderProviders[i] ? [{ providerId: holderProviders[i]!, siren: h.siren! }] : []));
      const classified = classify({ object: contract.object, cpvCode: contract.cpvCode, providers }, settings.thresholds);
      const buyerOrganizationId = links.orgs.get(contract.buyerSiren) ?? null;
      if (classified.decision === 'KEPT') {
        counters.kept++;
        if (buyerOrganizationId !== null || providers.length) counters.linked++;
      } else {
        counters.rejected++;
      }
      if (!classified.store) continue;
      const contentHash = hash([RULES_VERSION, settings.thresholds, item.value, buyerOrganizationId, holderProviders]);
      rows.push({ contract, classified, raw: item.value, contentHash, buyerOrganizationId, holderProviders });
    }
    const nextPosition = batch.at(-1)!.ordinal + 1;
    written += await writeBatch(db.sql, { importId: run.id, source, position: nextPosition, formatVersion }, rows, counters, errors);
    position = nextPosition;
    readThisRun += counters.read;
    for (const k of Object.keys(total) as (keyof BatchCounters)[]) total[k] += counters[k];
    batch = [];
    options.onProgress?.(progress());
  };

  let stream: ReturnType<typeof records> | undefined;
  try {
    stream = records(await openSource(source, options.signal));
    let ordinal = 0;
    for await (const { value, where } of stream) {
      const current = ordinal++;
      formatVersion ??= where.formatVersion;
      if (current < run.position) continue;
      batch.push({ value, where, ordinal: current });
      if (batch.length >= settings.batchSize) {
        await flush();
        if (options.signal?.aborted) break;
      }
    }
    if (options.signal?.aborted) {
      batch = [];
      stream.destroy();
      await markRun(db.sql, run.id, 'INTERRUPTED');
      return { ...progress(), status: 'INTERRUPTED', failure: null, written };
    }
    await flush();
    if (ordinal === 0) throw new DecpImportError('Aucun marché trouvé : le fichier n’est pas au format DECP ({"marches": {"marche": [...]}} ou {"marches": [...]}).');
    await markRun(db.sql, run.id, 'SUCCEEDED');
    return { ...progress(), status: 'SUCCEEDED', failure: null, written };
  } catch (error) {
    stream?.destroy();
    const failure = failureOf(error, position);
    await markRun(db.sql, run.id, options.signal?.aborted ? 'INTERRUPTED' : 'FAILED', failure);
    return { ...progress(), status: options.signal?.aborted ? 'INTERRUPTED' : 'FAILED', failure, written };
  }
}

function failureOf(error: unknown, position: number): string {
  if (error instanceof DecpImportError) return error.message;
  const message = (error as Error)?.message ?? String(error);
  if (/Parser|JSON|Unexpected|expected/i.test(message)) return `JSON invalide après l’enregistrement ${position} : ${message}.`;
  return `Échec de l’importation après l’enregistrement ${position} : ${message}.`;
}

/** One French progress line. */
export function progressLine(p: Progress): string {
  return `Importation ${p.importId} : ${p.read} marchés lus, ${p.kept} retenus, ${p.linked} reliés, ${p.rejected} écartés, ${p.invalid} invalides — ${p.rate} marchés/s`;
}
