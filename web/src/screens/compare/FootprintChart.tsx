import { useId } from 'react';
import { BarValue } from '../../components/BarValue';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatQuantityTick, niceScale, toPlot, truncate } from './chartScale';
import { formatMeasure, gridLabel, methodLabel, seriesAt, unknownText } from './compareFormat';

export const FootprintChart_comparison = graphql(`
  fragment FootprintChart_comparison on Comparison {
    tools {
      tool {
        id
        slug
        name
      }
      footprint {
        known
        reason
        method
        methodVersion
        gridZone
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
      }
    }
  }
`);

type Measure = { value?: string | null; basis: string; reason?: string | null } | null | undefined;

const WIDTH = 720;
const LABEL_WIDTH = 230;
const PANEL_GAP = 44;
const PANEL_WIDTH = (WIDTH - LABEL_WIDTH - PANEL_GAP - 24) / 2;
const ROW_HEIGHT = 38;
const BAR_HEIGHT = 18;
const TOP = 44;
const BOTTOM = 30;

interface Panel {
  key: 'kgco2e' | 'kwh';
  title: string;
  unit: string;
  what: string;
}

const PANELS: Panel[] = [
  { key: 'kgco2e', title: 'Émissions (kg CO₂e par an)', unit: 'kg CO₂e', what: 'émissions' },
  { key: 'kwh', title: 'Énergie (kWh par an)', unit: 'kWh', what: 'énergie' },
];

/** Why a measure is unknown: the footprint's reason when nothing is known, else the measure's. */
function unknownReason(footprint: { known: boolean; reason?: string | null }, measure: Measure): string | null {
  if (!footprint.known) return footprint.reason ?? null;
  return measure?.reason ?? null;
}

/**
 * « Empreinte annuelle »: horizontal bars per tool, kg CO₂e on the left and kWh on the right, each panel on
 * its own scale. A hatched bar was derived from the hosting country's electricity mix; an unknown value has
 * no bar, and its reason is listed under the chart.
 */
export function FootprintChart(props: { comparison: FragmentType<typeof FootprintChart_comparison> }) {
  const { tools } = getFragmentData(FootprintChart_comparison, props.comparison);
  const titleId = useId();
  const patternId = `motif${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const height = TOP + tools.length * ROW_HEIGHT + BOTTOM;

  const measure = (index: number, key: Panel['key']): Measure => {
    const footprint = tools[index]?.footprint;
    return footprint?.known ? footprint[key] : null;
  };
  const scales = PANELS.map((panel) =>
    niceScale(Math.max(0, ...tools.map((_, index) => toPlot(measure(index, panel.key)?.value) ?? 0)), 3),
  );

  const unknowns = tools.flatMap((compared, index) =>
    PANELS.filter((panel) => measure(index, panel.key)?.value == null).map((panel) => ({
      key: `${compared.tool.id}-${panel.key}`,
      text: `${compared.tool.name} — ${panel.what} : ${unknownText(unknownReason(compared.footprint, measure(index, panel.key)))}`,
    })),
  );
  const anyGrid = tools.some((_, index) => PANELS.some((panel) => measure(index, panel.key)?.basis === 'GRID'));
  const methods = tools.map((compared) => ({
    id: compared.tool.id,
    text: `${compared.tool.name} : ${compared.footprint.known ? methodLabel(compared.footprint.method, compared.footprint.methodVersion) : 'aucune méthode (empreinte inconnue)'}`,
  }));
  const summary = tools
    .map((compared, index) =>
      PANELS.map((panel) => {
        const value = measure(index, panel.key)?.value;
        return `${compared.tool.name}, ${panel.what} : ${value != null ? `${formatMeasure(value)} ${panel.unit}` : 'inconnu'}`;
      }).join(', '),
    )
    .join(' ; ');

  return (
    <figure className="compare-figure" aria-label="Graphique de l’empreinte annuelle">
      <figcaption>Empreinte annuelle</figcaption>
      <svg className="compare-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{`Empreinte annuelle par outil. ${summary}.`}</title>
        <defs>
          {tools.map((compared, index) => (
            <pattern
              key={compared.tool.id}
              id={`${patternId}-${index}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <rect width="3.5" height="6" fill={seriesAt(index).color} />
            </pattern>
          ))}
        </defs>
        {PANELS.map((panel, panelIndex) => {
          const left = LABEL_WIDTH + panelIndex * (PANEL_WIDTH + PANEL_GAP);
          const scale = scales[panelIndex] ?? niceScale(0);
          const x = (value: number) => left + (value / scale.max) * PANEL_WIDTH;
          return (
            <g key={panel.key}>
              <text x={left} y={16} className="chart-axis-title">
                {panel.title}
              </text>
              {scale.ticks.map((tick) => (
                <g key={tick}>
                  <line x1={x(tick)} x2={x(tick)} y1={TOP - 8} y2={height - BOTTOM} className="chart-grid" />
                  <text x={x(tick)} y={height - BOTTOM + 16} textAnchor="middle" className="chart-tick">
                    {formatQuantityTick(tick)}
                  </text>
                </g>
              ))}
              <line x1={left} x2={left} y1={TOP - 8} y2={height - BOTTOM} className="chart-axis" />
              {tools.map((compared, index) => {
                const value = measure(index, panel.key);
                const plotted = toPlot(value?.value);
                const top = TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2 - 6;
                if (plotted === null || value?.value == null) {
                  return (
                    <text key={compared.tool.id} x={left + 6} y={top + BAR_HEIGHT / 2} dy="0.32em" className="chart-unknown">
                      inconnu
                    </text>
                  );
                }
                const width = Math.max(plotted > 0 ? 2 : 0, x(plotted) - left);
                const grid = value.basis === 'GRID';
                const label = `${formatMeasure(value.value)}${grid ? ' *' : ''}`;
                const inside = width > PANEL_WIDTH * 0.7;
                return (
                  <g key={compared.tool.id}>
                    <rect
                      x={left}
                      y={top}
                      width={width}
                      height={BAR_HEIGHT}
                      fill={grid ? `url(#${patternId}-${index})` : seriesAt(index).color}
                      stroke={seriesAt(index).color}
                      strokeWidth="1"
                    >
                      <title>{`${compared.tool.name} : ${formatMeasure(value.value)} ${panel.unit} par an${grid ? `, ${gridLabel(compared.footprint.known ? compared.footprint.gridZone : null)}` : ''}`}</title>
                    </rect>
                    <BarValue end={left + width} y={top + BAR_HEIGHT / 2} gap={4} inside={inside} className="chart-value">
                      {label}
                    </BarValue>
                  </g>
                );
              })}
            </g>
          );
        })}
        {tools.map((compared, index) => (
          <text
            key={compared.tool.id}
            x={LABEL_WIDTH - 10}
            y={TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2 - 6}
            dy="0.32em"
            textAnchor="end"
            className="chart-label"
            fill={seriesAt(index).color}
          >
            {truncate(compared.tool.name, 26)}
            <title>{compared.tool.name}</title>
          </text>
        ))}
      </svg>
      <div className="chart-notes">
        {anyGrid ? <p>* Barre hachurée : valeur déduite du mix électrique du pays d’hébergement.</p> : null}
        {unknowns.length > 0 ? (
          <>
            <p>Valeurs inconnues (pas de barre, jamais comptées comme zéro) :</p>
            <ul>
              {unknowns.map((unknown) => (
                <li key={unknown.key}>{unknown.text}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p>Méthodes :</p>
        <ul>
          {methods.map((method) => (
            <li key={method.id}>{method.text}</li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
