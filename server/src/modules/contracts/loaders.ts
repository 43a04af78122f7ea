// Raw SQL of the DECP import (one statement per table and batch) and the batched reads of the contracts' figures.
import type { Sql } from '../../db/sql.ts';
import { batchedCount } from '../../graphql/counts.ts';
import type { Context } from '../../graphql/context.ts';
import type { ParsedContract } from './record-rules.ts';
import type { Classified } from './rules.ts';

/** A record ready to be written: what it says, how it was judged, what it links to. */
export interface ContractRow {
  contract: ParsedContract;
  classified: Classified;
  raw: unknown;
  contentHash: string;
  buyerOrganizationId: number | null;
  /** Provider id of each holder (same order), or null. */
  holderProviders: (number | null)[];
}

export interface ImportError {
  position: number;
  path: string;
  reason: string;
}

export interface BatchCounters {
  read: number;
  kept: number;
  linked: number;
  rejected: number;
  invalid: number;
}

/** Organizations and providers of the registry and the catalogue with these SIRENs. */
export async function linksOf(sql: Sql, buyerSirens: string[], holderSirens: string[]) {
  const [orgs, providers] = await Promise.all([
    buyerSirens.length ? sql.query<{ id: number; siren: string }>(`SELECT id, siren FROM "Organization" WHERE siren = ANY($1::text[])`, [buyerSirens]) : [],
    holderSirens.length ? sql.query<{ id: number; siren: string }>(`SELECT id, siren FROM "Provider" WHERE siren = ANY($1::text[])`, [holderSirens]) : [],
  ]);
  return { orgs: new Map(orgs.map((o) => [o.siren, o.id])), providers: new Map(providers.map((p) => [p.siren, p.id])) };
}

const key = (siret: string, id: string, date: string) => `${siret}\u0000${id}\u0000${date}`;

const UPSERT = `
WITH x AS (
  SELECT * FROM json_to_recordset($1::json) AS x(
    "buyerSiret" text, "buyerSiren" text, "decpId" text, "notificationDate" date, kind text, object text, "cpvCode" text,
    procedure text, techniques json, "isFramework" boolean, nature text, "durationMonths" int, "initialDurationMonths" int,
    "publicationDate" date, amount numeric, "initialAmount" numeric, "amountIsMaximum" boolean, "priceForm" text,
    "executionPlaceCode" text, "executionPlaceType" text, env json, "hasEnv" boolean, innovative boolean,
    "offersReceived" int, source text, "formatVersion" text, "contentHash" text, raw jsonb, score numeric, evidence jsonb,
    decision text, "buyerOrganizationId" int))
INSERT INTO "PublicContract" ("buyerSiret", "buyerSiren", "decpId", "notificationDate", kind, object, "cpvCode", procedure,
  techniques, "isFramework", nature, "durationMonths", "initialDurationMonths", "publicationDate", amount, "initialAmount",
  "amountIsMaximum", "priceForm", "executionPlaceCode", "executionPlaceType", "environmentalConsiderations",
  "hasEnvironmentalConsideration", innovative, "offersReceived", source, "formatVersion", "contentHash", raw,
  "relevanceScore", evidence, decision, "buyerOrganizationId", "updatedAt")
SELECT x."buyerSiret", x."buyerSiren", x."decpId", x."notificationDate", x.kind::"ContractKind", x.object, x."cpvCode", x.procedure,
  ARRAY(SELECT json_array_elements_text(x.techniques)), x."isFramework", x.nature, x."durationMonths", x."initialDurationMonths",
  x."publicationDate", x.amount, x."initialAmount", x."amountIsMaximum", x."priceForm", x."executionPlaceCode", x."executionPlaceType",
  ARRAY(SELECT json_array_elements_text(x.env)), x."hasEnv", x.innovative, x."offersReceived", x.source, x."formatVersion",
  x."contentHash", x.raw, x.score, x.evidence, x.decision::"ContractDecision", x."buyerOrganizationId", now()
FROM x
ON CONFLICT ("buyerSiret", "decpId", "notificationDate") DO UPDATE SET
  kind = EXCLUDED.kind, object = EXCLUDED.object, "cpvCode" = EXCLUDED."cpvCode", procedure = EXCLUDED.procedure,
  techniques = EXCLUDED.techniques, "isFramework" = EXCLUDED."isFramework", nature = EXCLUDED.nature,
  "durationMonths" = EXCLUDED."durationMonths", "initialDurationMonths" = EXCLUDED."initialDurationMonths",
  "publicationDate" = EXCLUDED."publicationDate", amount = EXCLUDED.amount, "initialAmount" = EXCLUDED."initialAmount",
  "amountIsMaximum" = EXCLUDED."amountIsMaximum", "priceForm" = EXCLUDED."priceForm",
  "executionPlaceCode" = EXCLUDED."executionPlaceCode", "executionPlaceType" = EXCLUDED."executionPlaceType",
  "environmentalConsiderations" = EXCLUDED."environmentalConsiderations",
  "hasEnvironmentalConsideration" = EXCLUDED."hasEnvironmentalConsideration", innovative = EXCLUDED.innovative,
  "offersReceived" = EXCLUDED."offersReceived", source = EXCLUDED.source, "formatVersion" = EXCLUDED."formatVersion",
  "contentHash" = EXCLUDED."contentHash", raw = EXCLUDED.raw, "relevanceScore" = EXCLUDED."relevanceScore",
  evidence = EXCLUDED.evidence, "buyerOrganizationId" = EXCLUDED."buyerOrganizationId", "updatedAt" = now(),
  -- a person's decision (and the tool it linked) outlives a re-import
  decision = CASE WHEN "PublicContract".decision IN ('CONFIRMED', 'DISMISSED') THEN "PublicContract".decision ELSE EXCLUDED.decision END
WHERE "PublicContract"."contentHash" IS DISTINCT FROM EXCLUDED."contentHash"
RETURNING id, "buyerSiret", "decpId", "notificationDate"::text AS "notificationDate"`;

const HOLDERS = `
INSERT INTO "PublicContractHolder" ("contractId", position, identifier, "identifierType", name, siren, "providerId")
SELECT * FROM json_to_recordset($1::json) AS x("contractId" int, position int, identifier text, "identifierType" text, name text, siren text, "providerId" int)`;

const MODIFICATIONS = `
INSERT INTO "PublicContractModification" ("contractId", position, "decpModificationId", "notificationDate", "publicationDate", amount, "durationMonths", holders)
SELECT * FROM json_to_recordset($1::json) AS x("contractId" int, position int, "decpModificationId" int, "notificationDate" date, "publicationDate" date, amount numeric, "durationMonths" int, holders jsonb)`;

const PROGRESS = `
UPDATE "DecpImport" SET "readCount" = "readCount" + $2, "keptCount" = "keptCount" + $3, "linkedCount" = "linkedCount" + $4,
  "rejectedCount" = "rejectedCount" + $5, "invalidCount" = "invalidCount" + $6, position = $7, "formatVersion" = coalesce($9, "formatVersion"),
  errors = CASE WHEN jsonb_array_length($8::jsonb) = 0 THEN errors
    ELSE (SELECT coalesce(jsonb_agg(e ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(errors || $8::jsonb) WITH ORDINALITY AS t(e, n) WHERE n <= 1000) END,
  "updatedAt" = now()
WHERE id = $1`;

/**
 * Writes one batch in one transaction: the contracts (an unchanged record is not touched), their holders and
 * modifications, the run's counters and position. A failure leaves none of it.
 */
export async function writeBatch(
  sql: Sql,
  run: { importId: number; source: string; position: number; formatVersion: string | null },
  rows: ContractRow[],
  counters: BatchCounters,
  errors: ImportError[],
): Promise<number> {
  // the same contract twice in a batch: the last one wins (one statement cannot update a row twice)
  const unique = [...new Map(rows.map((r) => [key(r.contract.buyerSiret, r.contract.decpId, r.contract.notificationDate), r])).values()];
  return sql.transaction(async (tx) => {
    let written = 0;
    if (unique.length) {
      const payload = unique.map(({ contract: c, classified, raw, contentHash, buyerOrganizationId }) => ({
        buyerSiret: c.buyerSiret, buyerSiren: c.buyerSiren, decpId: c.decpId, notificationDate: c.notificationDate, kind: c.kind,
        object: c.object, cpvCode: c.cpvCode, procedure: c.procedure, techniques: c.techniques, isFramework: c.isFramework,
        nature: c.nature, durationMonths: c.durationMonths, initialDurationMonths: c.initialDurationMonths, publicationDate: c.publicationDate,
        amount: c.amount, initialAmount: c.initialAmount, amountIsMaximum: c.amountIsMaximum, priceForm: c.priceForm,
        executionPlaceCode: c.executionPlaceCode, executionPlaceType: c.executionPlaceType, env: c.environmentalConsiderations,
        hasEnv: c.hasEnvironmentalConsideration, innovative: c.innovative, offersReceived: c.offersReceived, source: run.source,
        formatVersion: c.formatVersion, contentHash, raw, score: String(classified.score), evidence: classified.evidence,
        decision: classified.decision, buyerOrganizationId,
      }));
      const changed = await tx.query<{ id: number; buyerSiret: string; decpId: string; notificationDate: string }>(UPSERT, [JSON.stringify(payload)]);
      written = changed.length;
      if (changed.length) {
        const byKey = new Map(unique.map((r) => [key(r.contract.buyerSiret, r.contract.decpId, r.contract.notificationDate), r]));
        const ids = changed.map((c) => c.id);
        await tx.query(`DELETE FROM "PublicContractHolder" WHERE "contractId" = ANY($1::int[])`, [ids]);
        await tx.query(`DELETE FROM "PublicContractModification" WHERE "contractId" = ANY($1::int[])`, [ids]);
        const holders = [];
        const modifications = [];
        for (const c of changed) {
          const row = byKey.get(key(c.buyerSiret, c.decpId, c.notificationDate))!;
          holders.push(...row.contract.holders.map((h, position) => ({ contractId: c.id, position, ...h, providerId: row.holderProviders[position] ?? null })));
          modifications.push(...row.contract.modifications.map((m, position) => ({ contractId: c.id, position, ...m })));
        }
        if (holders.length) await tx.query(HOLDERS, [JSON.stringify(holders)]);
        if (modifications.length) await tx.query(MODIFICATIONS, [JSON.stringify(modifications)]);
      }
    }
    await tx.query(PROGRESS, [
      run.importId, counters.read, counters.kept, counters.linked, counters.rejected, counters.invalid, run.position, JSON.stringify(errors), run.formatVersion,
    ]);
    return written;
  });
}

// ----------------------------------------------------------------------------- runs

export interface ImportRun {
  id: number;
  source: string;
  status: string;
  position: number;
  readCount: number;
  keptCount: number;
  linkedCount: number;
  rejectedCount: number;
  invalidCount: number;
}

const RUN_COLUMNS = `id, source, status, position, "readCount", "keptCount", "linkedCount", "rejectedCount", "invalidCount"`;

export async function createRun(sql: Sql, source: string, startedById: number | null): Promise<ImportRun> {
  const [run] = await sql.query<ImportRun>(
    `INSERT INTO "DecpImport" (source, "startedById", "updatedAt") VALUES ($1, $2, now()) RETURNING ${RUN_COLUMNS}`,
    [source, startedById],
  );
  return run!;
}

/** The latest run of this source that did not finish (interrupted, failed, or left RUNNING by a process that died). */
export async function resumableRun(sql: Sql, source: string): Promise<ImportRun | null> {
  const [run] = await sql.query<ImportRun>(
    `SELECT ${RUN_COLUMNS} FROM "DecpImport" WHERE source = $1 ORDER BY "startedAt" DESC, id DESC LIMIT 1`,
    [source],
  );
  return run && run.status !== 'SUCCEEDED' ? run : null;
}

export async function runById(sql: Sql, id: number): Promise<ImportRun | null> {
  const [run] = await sql.query<ImportRun>(`SELECT ${RUN_COLUMNS} FROM "DecpImport" WHERE id = $1`, [id]);
  return run ?? null;
}

export async function markRun(sql: Sql, id: number, status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED', failure: string | null = null) {
  await sql.query(
    `UPDATE "DecpImport" SET status = $2::"DecpImportStatus", failure = $3, "finishedAt" = CASE WHEN $2 = 'RUNNING' THEN NULL ELSE now() END, "updatedAt" = now() WHERE id = $1`,
    [id, status, failure],
  );
}

// ----------------------------------------------------------------------------- reads

/** CONFIRMED contracts with an amount, for prices paid: each amount with its buyer's population (null if unknown). */
export interface PaidAmounts {
  id: number;
  amounts: { amount: string; population: number | null }[];
}

const POPULATION = `coalesce(o."populationTotale", o.population)`;

export async function paidByTools(ctx: Context, toolIds: readonly number[]): Promise<PaidAmounts[]> {
  return ctx.db.sql.query<PaidAmounts>(
    `SELECT c."toolId" AS id, json_agg(json_build_object('amount', c.amount::text, 'population', ${POPULATION}) ORDER BY c.id) AS amounts
       FROM "PublicContract" c LEFT JOIN "Organization" o ON o.id = c."buyerOrganizationId"
      WHERE c."toolId" = ANY($1::int[]) AND c.decision = 'CONFIRMED' AND c.amount IS NOT NULL GROUP BY c."toolId"`,
    [[...toolIds]],
  );
}

/** A provider's CONFIRMED contracts: a holder is the provider, or the tool linked is one of its tools. */
export const PROVIDER_CONTRACTS = `(EXISTS (SELECT 1 FROM "PublicContractHolder" h WHERE h."contractId" = c.id AND h."providerId" = p.id)
   OR EXISTS (SELECT 1 FROM "Tool" t WHERE t.id = c."toolId" AND t."providerId" = p.id))`;

export async function paidByProviders(ctx: Context, providerIds: readonly number[]): Promise<PaidAmounts[]> {
  return ctx.db.sql.query<PaidAmounts>(
    `SELECT p.id, json_agg(json_build_object('amount', c.amount::text, 'population', ${POPULATION}) ORDER BY c.id) AS amounts
       FROM "Provider" p JOIN "PublicContract" c ON c.decision = 'CONFIRMED' AND c.amount IS NOT NULL AND ${PROVIDER_CONTRACTS}
       LEFT JOIN "Organization" o ON o.id = c."buyerOrganizationId"
      WHERE p.id = ANY($1::int[]) GROUP BY p.id`,
    [[...providerIds]],
  );
}

export const toolContractCount = batchedCount('Tool.publicContracts', (ctx, ids) =>
  ctx.db.sql.query(
    `SELECT "toolId" AS id, count(*)::int AS count FROM "PublicContract" WHERE "toolId" = ANY($1::int[]) AND decision = 'CONFIRMED' GROUP BY "toolId"`,
    [[...ids]],
  ),
);

export const organizationContractCount = batchedCount('Organization.publicContracts', (ctx, ids) =>
  ctx.db.sql.query(
    `SELECT "buyerOrganizationId" AS id, count(*)::int AS count FROM "PublicContract"
      WHERE "buyerOrganizationId" = ANY($1::int[]) AND decision = 'CONFIRMED' GROUP BY "buyerOrganizationId"`,
    [[...ids]],
  ),
);

export const providerContractCount = batchedCount('Provider.publicContracts', (ctx, ids) =>
  ctx.db.sql.query(
    `SELECT p.id, count(*)::int AS count FROM "Provider" p JOIN "PublicContract" c ON c.decision = 'CONFIRMED' AND ${PROVIDER_CONTRACTS}
      WHERE p.id = ANY($1::int[]) GROUP BY p.id`,
    [[...ids]],
  ),
);
