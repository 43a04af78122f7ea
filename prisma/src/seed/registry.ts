import { createRequire } from 'node:module';
import type { Sql } from '../sql.ts';
import { normalizeSearch } from '../text.ts';

const require = createRequire(import.meta.url);
const PACKAGE = '@etalab/decoupage-administratif';
const packageVersion = (require(`${PACKAGE}/package.json`) as { version: string }).version;
export const REGISTRY_SOURCE = `${PACKAGE} ${packageVersion}`;

interface RawRegion { code: string; nom: string; zone: string }
interface RawDepartement { code: string; nom: string; region: string; zone: string }
interface RawCommune {
  code: string; nom: string; type: string; zone: string; departement: string; region: string;
  siren?: string; population?: number;
}
interface RawEpci {
  code: string; nom: string; type: 'CC' | 'CA' | 'CU' | 'METRO' | 'MET69';
  populationTotale: number; populationMunicipale: number; membres: { code: string; siren: string }[];
}

export interface OrganizationRow {
  siren: string | null;
  kind: 'COMMUNE' | 'EPCI' | 'DEPARTEMENT' | 'REGION';
  epciType: RawEpci['type'] | null;
  name: string;
  officialName: string;
  searchName: string;
  code: string;
  population: number | null;
  populationTotale: number | null;
  departementCode: string | null;
  regionCode: string | null;
  /** SIREN of the EPCI a commune belongs to. */
  epciSiren: string | null;
}

const ABBREVIATIONS: Record<string, string> = {
  CC: 'Communauté de communes',
  CA: 'Communauté d’agglomération',
  CU: 'Communauté urbaine',
};

/**
 * Usage name of an EPCI: "CU Grand Besançon Métropole" → "Grand Besançon Métropole"; when the rest starts with
 * an article ("CC du Pays de Gex") the abbreviation is spelled out instead ("Communauté de communes du Pays de Gex").
 */
export function epciUsageName(official: string): string {
  const match = /^(CC|CA|CU) (.+)$/.exec(official);
  if (!match) return official;
  // a few registry names wrap the proper name in quotes: CA "Saintes - Grandes Rives - L'Agglo"
  const [, abbreviation, quoted] = match as unknown as [string, string, string];
  const rest = quoted.replace(/^"([^"]*)"$/, '$1');
  return /^(du|de|des|d’|d'|la|le|les|l’|l')[\s’']/i.test(rest) || /^(d'|d’|l'|l’)/i.test(rest)
    ? `${ABBREVIATIONS[abbreviation]} ${rest}`
    : rest;
}

/** Reads the registry: régions, départements (mainland and overseas départements), EPCI and current communes. */
export function readRegistry(): OrganizationRow[] {
  const regions = require(`${PACKAGE}/data/regions.json`) as RawRegion[];
  const departements = require(`${PACKAGE}/data/departements.json`) as RawDepartement[];
  const communes = require(`${PACKAGE}/data/communes.json`) as RawCommune[];
  const epcis = require(`${PACKAGE}/data/epci.json`) as RawEpci[];
  // Overseas collectivités (zone "com") have no SIREN in the registry and are not collectivités of this scope.
  const inScope = (zone: string) => zone === 'metro' || zone === 'drom';

  const current = communes.filter((c) => c.type === 'commune-actuelle' && inScope(c.zone));
  const communeByCode = new Map(current.map((c) => [c.code, c]));
  const epciOfCommune = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);

  const rows: OrganizationRow[] = [];
  for (const r of regions.filter((r) => inScope(r.zone))) {
    rows.push({
      siren: null, kind: 'REGION', epciType: null, name: r.nom, officialName: r.nom, searchName: normalizeSearch(r.nom),
      code: r.code, population: null, populationTotale: null, departementCode: null, regionCode: r.code, epciSiren: null,
    });
  }
  for (const d of departements.filter((d) => inScope(d.zone))) {
    rows.push({
      siren: null, kind: 'DEPARTEMENT', epciType: null, name: d.nom, officialName: d.nom, searchName: normalizeSearch(d.nom),
      code: d.code, population: null, populationTotale: null, departementCode: d.code, regionCode: d.region, epciSiren: null,
    });
  }
  for (const e of epcis) {
    // The registry gives no seat: the département of the most populous member commune stands for it.
    const largest = e.membres
      .map((m) => communeByCode.get(m.code))
      .filter((c): c is RawCommune => c !== undefined)
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
    const name = epciUsageName(e.nom);
    rows.push({
      siren: e.code, kind: 'EPCI', epciType: e.type, name, officialName: e.nom,
      searchName: normalizeSearch(`${name} ${e.nom}`), code: e.code,
      population: e.populationMunicipale, populationTotale: e.populationTotale,
      departementCode: largest?.departement ?? null, regionCode: largest?.region ?? null, epciSiren: null,
    });
  }
  for (const c of current) {
    rows.push({
      siren: c.siren ?? null, kind: 'COMMUNE', epciType: null, name: c.nom, officialName: c.nom,
      searchName: normalizeSearch(c.nom), code: c.code, population: c.population ?? null, populationTotale: null,
      departementCode: c.departement, regionCode: c.region, epciSiren: epciOfCommune.get(c.code) ?? null,
    });
  }
  // Département and région populations: the sum of their communes.
  const sum = (key: 'departementCode' | 'regionCode', code: string) =>
    current.reduce((total, c) => total + ((key === 'departementCode' ? c.departement : c.region) === code ? (c.population ?? 0) : 0), 0);
  for (const row of rows) {
    if (row.kind === 'DEPARTEMENT') row.population = sum('departementCode', row.code);
    if (row.kind === 'REGION') row.population = sum('regionCode', row.code);
  }
  return rows;
}

export interface ImportReport {
  total: number;
  inserted: number;
  updated: number;
  /** Communes of an earlier import that left the registry (merged into a commune nouvelle): detached from their EPCI. */
  detached: number;
  byKind: Record<string, number>;
}

const COLUMNS = `siren text, kind text, "epciType" text, name text, "officialName" text, "searchName" text, code text,
  population int, "populationTotale" int, "departementCode" text, "regionCode" text, "epciSiren" text`;

/**
 * Upserts the registry in one transaction with set-based statements (one JSON parameter per kind),
 * so that 35,000 rows take seconds. A row that did not change is not touched: a second run changes nothing.
 */
export async function importRegistry(sql: Sql, log: (line: string) => void = () => undefined): Promise<ImportReport> {
  const started = Date.now();
  const rows = readRegistry();
  const report: ImportReport = { total: rows.length, inserted: 0, updated: 0, detached: 0, byKind: {} };
  const steps: OrganizationRow['kind'][] = ['REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE'];
  const labels = { REGION: 'régions', DEPARTEMENT: 'départements', EPCI: 'EPCI', COMMUNE: 'communes' };
  await sql.transaction(async (tx) => {
    for (const [index, kind] of steps.entries()) {
      const batch = rows.filter((r) => r.kind === kind);
      const result = await tx.query<{ inserted: boolean }>(
        `INSERT INTO "Organization" (siren, kind, "epciType", name, "officialName", "searchName", code, population,
            "populationTotale", "departementCode", "regionCode", "epciId", source, "updatedAt")
         SELECT x.siren, x.kind::"OrganizationKind", x."epciType"::"EpciType", x.name, x."officialName", x."searchName",
                x.code, x.population, x."populationTotale", x."departementCode", x."regionCode", e.id, $2, now()
           FROM json_to_recordset($1::json) AS x(${COLUMNS})
           LEFT JOIN "Organization" e ON e.kind = 'EPCI' AND e.code = x."epciSiren"
         ON CONFLICT (kind, code) DO UPDATE SET
           siren = EXCLUDED.siren, "epciType" = EXCLUDED."epciType", name = EXCLUDED.name,
           "officialName" = EXCLUDED."officialName", "searchName" = EXCLUDED."searchName",
           population = EXCLUDED.population, "populationTotale" = EXCLUDED."populationTotale",
           "departementCode" = EXCLUDED."departementCode", "regionCode" = EXCLUDED."regionCode",
           "epciId" = EXCLUDED."epciId", source = EXCLUDED.source, "updatedAt" = now()
         WHERE ("Organization".siren, "Organization"."epciType", "Organization".name, "Organization"."officialName",
                "Organization"."searchName", "Organization".population, "Organization"."populationTotale",
                "Organization"."departementCode", "Organization"."regionCode", "Organization"."epciId",
                "Organization".source)
           IS DISTINCT FROM
               (EXCLUDED.siren, EXCLUDED."epciType", EXCLUDED.name, EXCLUDED."officialName", EXCLUDED."searchName",
                EXCLUDED.population, EXCLUDED."populationTotale", EXCLUDED."departementCode", EXCLUDED."regionCode",
                EXCLUDED."epciId", EXCLUDED.source)
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(batch), REGISTRY_SOURCE],
      );
      const inserted = result.filter((r) => r.inserted).length;
      report.inserted += inserted;
      report.updated += result.length - inserted;
      report.byKind[kind] = batch.length;
      log(
        `  [${index + 1}/${steps.length}] ${labels[kind]} : ${batch.length.toLocaleString('fr-FR')} ` +
          `(${inserted} ajoutés, ${result.length - inserted} mis à jour)`,
      );
    }
    // A commune merged into a commune nouvelle leaves the registry: it can be referenced (users, deployments…), so
    // it is kept, but it no longer belongs to any EPCI.
    const detached = await tx.query<{ id: number }>(
      `UPDATE "Organization" SET "epciId" = NULL, "updatedAt" = now()
        WHERE kind = 'COMMUNE' AND "epciId" IS NOT NULL AND source LIKE $2
          AND code NOT IN (SELECT json_array_elements_text($1::json))
        RETURNING id`,
      [JSON.stringify(rows.filter((r) => r.kind === 'COMMUNE').map((r) => r.code)), `${PACKAGE} %`],
    );
    report.detached = detached.length;
    if (detached.length) log(`  ${detached.length} commune(s) absente(s) du référentiel détachée(s) de leur EPCI`);
  });
  log(`Référentiel importé en ${((Date.now() - started) / 1000).toFixed(1)} s (${REGISTRY_SOURCE}).`);
  return report;
}
