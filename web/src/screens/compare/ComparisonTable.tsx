import { DemoShare } from '../../components/DemoBadge';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ComparisonDimension, ComparisonTable_ComparisonFragment } from '../../gql/graphql';
import { formatCount, formatCountry, formatEuros, formatEurosHT, formatRating } from '../../lib/format';
import { AI_ACT_RISK_LABELS, RGAA_STATUS_LABELS } from '../../lib/labels';
import { reviewCountLabel } from '../tool/RatingsSummary';
import { PricesPaidCell } from './PricesPaidCell';
import {
  DIMENSION_LABELS,
  formatMeasure,
  formatPerInhabitant,
  gridLabel,
  methodLabel,
  PRICING_MODEL_LABELS,
  seriesAt,
  SeriesKey,
  Unknown,
} from './compareFormat';

export const ComparisonTable_comparison = graphql(`
  fragment ComparisonTable_comparison on Comparison {
    profile {
      years
    }
    tools {
      tool {
        id
        slug
        name
        provider {
          id
          name
          country
        }
        hostingCountry
        aiActRiskTier
        secNumCloud
        gdprDpaAvailable
        rgaaStatus
        trainingOptOut
        ratings {
          count
          verifiedCount
          demoCount
          average
        }
        adoption {
          demoCount
        }
      }
      plan {
        id
        name
        pricingModel
        unitPrice
        sourceUrl
        sourceDate
        isDemo
      }
      tco {
        known
        reason
        setup
        perYear
        total
        perInhabitantPerYear
        unit
        unitPrice
        tierIndex
        minimumApplied
      }
      footprint {
        known
        reason
        method
        methodVersion
        kwh {
          value
          basis
          reason
        }
        kgco2e {
          value
          basis
          reason
        }
        waterL {
          value
          basis
          reason
        }
        gridZone
        gridSourceUrl
        figureSourceUrl
        figureSourceDate
      }
      adoptionCount
      pricesPaid {
        contractCount
        withPopulationCount
        medianPerInhabitant
        minPerInhabitant
        maxPerInhabitant
      }
      providerPricesPaid {
        contractCount
        withPopulationCount
        medianPerInhabitant
        minPerInhabitant
        maxPerInhabitant
      }
    }
    best {
      dimension
      toolSlugs
      note
    }
  }
`);

type Compared = ComparisonTable_ComparisonFragment['tools'][number];
type MeasureKey = 'kwh' | 'kgco2e' | 'waterL';

function Best() {
  return <strong className="badge badge--best">Meilleur</strong>;
}

/** A yearly footprint value with its method, its basis (figure or grid) and its source; or why it is unknown. */
function FootprintCell({ compared, measure, unit }: { compared: Compared; measure: MeasureKey; unit: string }) {
  const { footprint } = compared;
  if (!footprint.known) return <Unknown reason={footprint.reason} />;
  const value = footprint[measure];
  if (!value || value.value == null) return <Unknown reason={value?.reason} />;
  return (
    <>
      <span className="compare-value">
        {formatMeasure(value.value)} {unit}
      </span>
      <span className="compare-meta">méthode : {methodLabel(footprint.method, footprint.methodVersion)}</span>
      {value.basis === 'GRID' ? <span className="compare-meta compare-meta--grid">{gridLabel(footprint.gridZone)}</span> : null}
    </>
  );
}

/** The offer the costs are computed on: the cheapest applicable plan. */
function OfferCell({ compared }: { compared: Compared }) {
  const { plan, tco, tool } = compared;
  if (!plan) return <Unknown reason={tco.reason} />;
  const free = plan.pricingModel === 'FREE';
  return (
    <>
      <span className="compare-value">{plan.name}</span>
      <span className="compare-meta">
        {PRICING_MODEL_LABELS[plan.pricingModel]}
        {free ? null : ` · ${formatEuros(tco.known && tco.unitPrice ? tco.unitPrice : plan.unitPrice)} HT`}
        {tco.known && tco.tierIndex != null && tco.tierIndex >= 0 ? ` (palier ${tco.tierIndex + 1} atteint)` : null}
        {tco.known && tco.minimumApplied ? ' · montant minimum annuel appliqué' : null}
      </span>
      <span className="compare-meta">
        <SourceNote url={plan.sourceUrl} date={plan.sourceDate} context={`tarif de ${tool.name}`} />
        <DemoBadge show={plan.isDemo} />
      </span>
    </>
  );
}

function yesNoUnknown(value: boolean | null | undefined, yes: string, no: string, reason: string): ReactNode {
  if (value == null) return <Unknown reason={reason} />;
  return value ? yes : no;
}

/** The comparison, one column per tool, with « Meilleur » on the best tool(s) of each dimension. */
export function ComparisonTable(props: { comparison: FragmentType<typeof ComparisonTable_comparison> }) {
  const comparison = getFragmentData(ComparisonTable_comparison, props.comparison);
  const { tools, profile } = comparison;
  const bestSlugs = new Map(comparison.best.map((best) => [best.dimension, new Set(best.toolSlugs)]));
  const isBest = (dimension: ComparisonDimension, compared: Compared) => bestSlugs.get(dimension)?.has(compared.tool.slug) ?? false;

  const rows: { label: ReactNode; dimension?: ComparisonDimension; cell: (compared: Compared) => ReactNode; numeric?: boolean }[] = [
    { label: 'Offre retenue (la moins chère applicable)', cell: (c) => <OfferCell compared={c} /> },
    {
      label: 'Mise en service',
      numeric: true,
      cell: (c) => (c.tco.known && c.tco.setup != null ? formatEurosHT(c.tco.setup) : <Unknown reason={c.tco.reason} />),
    },
    {
      label: 'Coût par an',
      numeric: true,
      cell: (c) => (c.tco.known && c.tco.perYear != null ? formatEurosHT(c.tco.perYear) : <Unknown reason={c.tco.reason} />),
    },
    {
      label: `Coût total sur ${formatCount(profile.years, 'an', 'ans')}`,
      dimension: 'COST',
      numeric: true,
      cell: (c) =>
        c.tco.known && c.tco.total != null ? <span className="compare-value">{formatEurosHT(c.tco.total)}</span> : <Unknown reason={c.tco.reason} />,
    },
    {
      label: 'Coût par habitant et par an',
      numeric: true,
      cell: (c) =>
        !c.tco.known ? (
          <Unknown reason={c.tco.reason} />
        ) : c.tco.perInhabitantPerYear != null ? (
          formatPerInhabitant(c.tco.perInhabitantPerYear, c.tco.total)
        ) : (
          <Unknown reason="population inconnue" />
        ),
    },
    {
      label: 'Prix payés par d’autres collectivités',
      cell: (c) => <PricesPaidCell paid={c.pricesPaid} providerPaid={c.providerPricesPaid} providerName={c.tool.provider.name} />,
    },
    { label: 'Énergie par an', dimension: 'ENERGY', cell: (c) => <FootprintCell compared={c} measure="kwh" unit="kWh" /> },
    {
      label: 'Émissions par an',
      dimension: 'CARBON',
      cell: (c) => <FootprintCell compared={c} measure="kgco2e" unit="kg CO₂e" />,
    },
    { label: 'Eau par an', dimension: 'WATER', cell: (c) => <FootprintCell compared={c} measure="waterL" unit="litres" /> },
    {
      label: 'Sources de l’empreinte',
      cell: (c) =>
        c.footprint.known ? (
          <>
            <span className="compare-meta">
              Chiffre d’impact :{' '}
              <SourceNote url={c.footprint.figureSourceUrl} date={c.footprint.figureSourceDate} context={`impact de ${c.tool.name}`} />
            </span>
            {c.footprint.gridSourceUrl ? (
              <span className="compare-meta">
                Mix électrique : <SourceNote url={c.footprint.gridSourceUrl} context={`mix électrique pour ${c.tool.name}`} />
              </span>
            ) : null}
          </>
        ) : (
          <Unknown reason={c.footprint.reason} />
        ),
    },
    {
      label: 'Note moyenne',
      dimension: 'RATING',
      cell: (c) =>
        c.tool.ratings.average != null ? (
          <>
            <span className="compare-value">{formatRating(c.tool.ratings.average)} / 5</span>
            <span className="compare-meta">
              {reviewCountLabel(c.tool.ratings.count, c.tool.ratings.verifiedCount)}
              <DemoShare total={c.tool.ratings.count} demo={c.tool.ratings.demoCount} />
            </span>
          </>
        ) : (
          <Unknown reason="aucun avis publié" />
        ),
    },
    {
      label: 'Adoption',
      dimension: 'ADOPTION',
      cell: (c) => (
        <>
          {`${formatCount(c.adoptionCount, 'collectivité', 'collectivités')} (expérimentation ou production)`}
          <DemoShare total={c.adoptionCount} demo={c.tool.adoption.demoCount} feminine />
        </>
      ),
    },
    {
      label: 'Hébergement',
      cell: (c) => (c.tool.hostingCountry ? formatCountry(c.tool.hostingCountry) : <Unknown reason="pays d’hébergement non renseigné" />),
    },
    {
      label: 'AI Act',
      cell: (c) => (c.tool.aiActRiskTier ? AI_ACT_RISK_LABELS[c.tool.aiActRiskTier] : <Unknown reason="niveau de risque non évalué" />),
    },
    { label: 'SecNumCloud', cell: (c) => (c.tool.secNumCloud ? 'Qualifié SecNumCloud' : 'Non qualifié') },
    {
      label: 'RGPD : accord de sous-traitance (DPA)',
      cell: (c) => yesNoUnknown(c.tool.gdprDpaAvailable, 'Disponible', 'Non proposé', 'non renseigné'),
    },
    {
      label: 'Réutilisation des données pour l’entraînement',
      cell: (c) => yesNoUnknown(c.tool.trainingOptOut, 'Désactivable (opt-out)', 'Non désactivable', 'non renseigné'),
    },
    { label: 'Accessibilité (RGAA)', cell: (c) => RGAA_STATUS_LABELS[c.tool.rgaaStatus] },
  ];

  // Notes of the API on the ranking (different methods, unknown values), each said once.
  const notes = new Map<string, ComparisonDimension[]>();
  for (const best of comparison.best) {
    if (best.note) notes.set(best.note, [...(notes.get(best.note) ?? []), best.dimension]);
  }

  return (
    <>
      <div className="table-scroll compare-table-wrapper">
        <table className="compare-table">
          <caption>Comparaison des outils</caption>
          <thead>
            <tr>
              <td className="compare-table__corner" />
              {tools.map((compared, index) => (
                <th key={compared.tool.id} scope="col">
                  <SeriesKey series={seriesAt(index)} />
                  <Link to={`/catalogue/${compared.tool.slug}`}>{compared.tool.name}</Link>
                  <span className="compare-meta">
                    {compared.tool.provider.name} ({formatCountry(compared.tool.provider.country)})
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <th scope="row">{row.label}</th>
                {tools.map((compared) => {
                  const best = row.dimension ? isBest(row.dimension, compared) : false;
                  return (
                    <td key={compared.tool.id} className={best ? 'compare-table__best' : undefined}>
                      {row.cell(compared)}
                      {best ? <Best /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.size > 0 ? (
        <div className="compare-notes">
          <h3>À savoir sur ce classement</h3>
          <ul>
            {[...notes].map(([note, dimensions]) => (
              <li key={note}>
                <strong>{dimensions.map((dimension) => DIMENSION_LABELS[dimension]).join(', ')} :</strong> {note}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="compare-legend-note">
        Montants en euros hors taxes. L’empreinte part du chiffre d’impact publié pour l’outil ; une valeur qu’il ne
        donne pas est, quand c’est possible, déduite du mix électrique du pays d’hébergement. Des chiffres obtenus par
        des méthodes différentes ne sont pas strictement comparables.
      </p>
    </>
  );
}
