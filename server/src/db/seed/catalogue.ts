import { categories, gridIntensities, impactFigures, pricingPlans, providers, tools } from '../../../../prisma/seed/catalogue.ts';
import { normalizeSearch } from '../../shared/text.ts';
import type { Sql } from '../sql.ts';

export interface CatalogueReport {
  categories: number;
  providers: number;
  tools: number;
  plans: number;
  tiers: number;
  impactFigures: number;
  gridIntensities: number;
}

/** JSON in, one set-based statement per table: fast on PGlite and on a server alike. */
async function insert(tx: Sql, statement: string, rows: unknown[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.query(statement, [JSON.stringify(rows)]);
  return result.length;
}

/**
 * Creates the sourced seed catalogue. Items that already exist (same slug, same plan name…) are left as they
 * are, so that a later edit by an administrator is never overwritten, and a second run changes nothing.
 */
export async function seedCatalogue(sql: Sql, log: (line: string) => void = () => undefined): Promise<CatalogueReport> {
  const categoryName = new Map(categories.map((c) => [c.slug, c.name]));
  const providerName = new Map(providers.map((p) => [p.slug, p.name]));
  const toolRows = tools.map((tool) => ({
    ...tool,
    searchText: normalizeSearch(
      [tool.name, tool.description, providerName.get(tool.providerSlug), categoryName.get(tool.categorySlug)].join(' '),
    ),
  }));
  const tierRows = pricingPlans.flatMap((plan) =>
    (plan.tiers ?? []).map((tier) => ({ toolSlug: plan.toolSlug, planName: plan.name, ...tier })),
  );
  const report = await sql.transaction(async (tx) => ({
    categories: await insert(
      tx,
      `INSERT INTO "Category" (slug, name, description, position)
       SELECT slug, name, description, position FROM json_to_recordset($1::json)
         AS x(slug text, name text, description text, position int)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      categories,
    ),
    providers: await insert(
      tx,
      `INSERT INTO "Provider" (slug, name, kind, siren, "foreignId", country, certifications, verified, website,
          description, "sourceUrl", "sourceDate", "isDemo", "updatedAt")
       SELECT slug, name, kind::"ProviderKind", siren, "foreignId", country,
              ARRAY(SELECT json_array_elements_text(certifications))::"Certification"[], coalesce(verified, false),
              website, description, "sourceUrl", "sourceDate"::date, coalesce("isDemo", false), now()
         FROM json_to_recordset($1::json) AS x(slug text, name text, kind text, siren text, "foreignId" text,
              country text, certifications json, verified boolean, website text, description text, "sourceUrl" text,
              "sourceDate" text, "isDemo" boolean)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      providers,
    ),
    tools: await insert(
      tx,
      `INSERT INTO "Tool" (slug, name, "searchText", "providerId", "categoryId", description, models,
          "openSourceLicense", "deploymentMode", "hostingCountry", "hostingRegion", "dataResidency", "trainingOptOut",
          "aiActRiskTier", "aiActRationale", "gdprDpaAvailable", "secNumCloud", "rgaaStatus", languages, website,
          "sourceUrl", "sourceDate", "isDemo", "updatedAt")
       SELECT x.slug, x.name, x."searchText", p.id, c.id, x.description,
              ARRAY(SELECT json_array_elements_text(coalesce(x.models, '[]'::json))), x."openSourceLicense",
              x."deploymentMode"::"DeploymentMode", x."hostingCountry", x."hostingRegion", x."dataResidency",
              x."trainingOptOut", x."aiActRiskTier"::"AiActRiskTier", x."aiActRationale", x."gdprDpaAvailable",
              coalesce(x."secNumCloud", false), coalesce(x."rgaaStatus", 'UNKNOWN')::"RgaaStatus",
              ARRAY(SELECT json_array_elements_text(coalesce(x.languages, '[]'::json))), x.website, x."sourceUrl",
              x."sourceDate"::date, coalesce(x."isDemo", false), now()
         FROM json_to_recordset($1::json) AS x(slug text, name text, "searchText" text, "providerSlug" text,
              "categorySlug" text, description text, models json, "openSourceLicense" text, "deploymentMode" text,
              "hostingCountry" text, "hostingRegion" text, "dataResidency" text, "trainingOptOut" boolean,
              "aiActRiskTier" text, "aiActRationale" text, "gdprDpaAvailable" boolean, "secNumCloud" boolean,
              "rgaaStatus" text, languages json, website text, "sourceUrl" text, "sourceDate" text, "isDemo" boolean)
         JOIN "Provider" p ON p.slug = x."providerSlug"
         JOIN "Category" c ON c.slug = x."categorySlug"
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      toolRows,
    ),
    plans: await insert(
      tx,
      `INSERT INTO "PricingPlan" ("toolId", name, "pricingModel", "unitPrice", "setupFee", "minimumQuantity",
          "minimumAnnualAmount", source, "sourceUrl", "sourceDate", notes, "isDemo", "updatedAt")
       SELECT t.id, x.name, x."pricingModel"::"PricingModel", x."unitPrice"::numeric, coalesce(x."setupFee", '0')::numeric,
              x."minimumQuantity"::numeric, x."minimumAnnualAmount"::numeric, x.source::"PriceSource", x."sourceUrl",
              x."sourceDate"::date, x.notes, coalesce(x."isDemo", false), now()
         FROM json_to_recordset($1::json) AS x("toolSlug" text, name text, "pricingModel" text, "unitPrice" text,
              "setupFee" text, "minimumQuantity" text, "minimumAnnualAmount" text, source text, "sourceUrl" text,
              "sourceDate" text, notes text, "isDemo" boolean)
         JOIN "Tool" t ON t.slug = x."toolSlug"
       ON CONFLICT ("toolId", name) DO NOTHING RETURNING id`,
      pricingPlans.map(({ tiers: _tiers, ...plan }) => plan),
    ),
    tiers: await insert(
      tx,
      `INSERT INTO "PriceTier" ("planId", "minVolume", "unitPrice")
       SELECT pp.id, x."minVolume"::numeric, x."unitPrice"::numeric
         FROM json_to_recordset($1::json) AS x("toolSlug" text, "planName" text, "minVolume" text, "unitPrice" text)
         JOIN "Tool" t ON t.slug = x."toolSlug"
         JOIN "PricingPlan" pp ON pp."toolId" = t.id AND pp.name = x."planName"
       ON CONFLICT ("planId", "minVolume") DO NOTHING RETURNING id`,
      tierRows,
    ),
    impactFigures: await insert(
      tx,
      `INSERT INTO "ImpactFigure" ("toolId", "energyWhPerRequest", "gco2ePerRequest", "waterMlPerRequest",
          "hostingCountry", pue, method, "methodVersion", scope, "sourceUrl", "sourceDate", "declaredByProvider",
          "isDemo", "updatedAt")
       SELECT t.id, x."energyWhPerRequest"::numeric, x."gco2ePerRequest"::numeric, x."waterMlPerRequest"::numeric,
              x."hostingCountry", x.pue::numeric, x.method::"ImpactMethod", x."methodVersion", x.scope, x."sourceUrl",
              x."sourceDate"::date, coalesce(x."declaredByProvider", false), coalesce(x."isDemo", false), now()
         FROM json_to_recordset($1::json) AS x("toolSlug" text, "energyWhPerRequest" text, "gco2ePerRequest" text,
              "waterMlPerRequest" text, "hostingCountry" text, pue text, method text, "methodVersion" text, scope text,
              "sourceUrl" text, "sourceDate" text, "declaredByProvider" boolean, "isDemo" boolean)
         JOIN "Tool" t ON t.slug = x."toolSlug"
        WHERE NOT EXISTS (SELECT 1 FROM "ImpactFigure" f
                           WHERE f."toolId" = t.id AND f.method = x.method::"ImpactMethod"
                             AND f."sourceUrl" = x."sourceUrl" AND f.scope IS NOT DISTINCT FROM x.scope)
       RETURNING id`,
      impactFigures,
    ),
    gridIntensities: await insert(
      tx,
      `INSERT INTO "GridIntensity" (zone, "gco2ePerKwh", "waterLPerKwh", year, basis, "sourceUrl", "sourceDate")
       SELECT zone, "gco2ePerKwh"::numeric, "waterLPerKwh"::numeric, year, basis, "sourceUrl", "sourceDate"::date
         FROM json_to_recordset($1::json) AS x(zone text, "gco2ePerKwh" text, "waterLPerKwh" text, year int,
              basis text, "sourceUrl" text, "sourceDate" text)
       ON CONFLICT (zone, basis) DO NOTHING RETURNING id`,
      gridIntensities,
    ),
  }));
  log(
    `Catalogue : ${report.tools} outils, ${report.providers} fournisseurs, ${report.categories} catégories, ` +
      `${report.plans} offres, ${report.impactFigures} chiffres d’impact ajoutés.`,
  );
  return report;
}
