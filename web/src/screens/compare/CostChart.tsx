import { useId } from 'react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCount, formatEurosHT } from '../../lib/format';
import { formatEuroTick, niceScale, toPlot } from './chartScale';
import { Marker, seriesAt, SeriesKey, unknownText } from './compareFormat';

export const CostChart_comparison = graphql(`
  fragment CostChart_comparison on Comparison {
    profile {
      years
    }
    tools {
      tool {
        id
        slug
        name
      }
      tco {
        known
        reason
        setup
        total
        cumulative
      }
    }
  }
`);

const WIDTH = 720;
const HEIGHT = 320;
const MARGIN = { top: 20, right: 28, bottom: 52, left: 96 };

/**
 * « Coût cumulé sur N ans »: one line per tool, from the setup fee at the start to the cumulative cost at
 * the end of each year (tco.cumulative). Tools whose cost is unknown have no line; the legend says why.
 */
export function CostChart(props: { comparison: FragmentType<typeof CostChart_comparison> }) {
  const { profile, tools } = getFragmentData(CostChart_comparison, props.comparison);
  const titleId = useId();
  const years = profile.years;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

  const series = tools.map((compared, index) => {
    const points = compared.tco.known ? [compared.tco.setup, ...compared.tco.cumulative].map(toPlot) : [];
    return { compared, style: seriesAt(index), points: points.every((p) => p !== null) ? (points as number[]) : [] };
  });
  const { max, step, ticks } = niceScale(Math.max(0, ...series.flatMap((s) => s.points)));
  const x = (year: number) => MARGIN.left + (years > 0 ? (year / years) * plotWidth : 0);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const summary = series
    .map(({ compared }) =>
      compared.tco.known && compared.tco.total != null
        ? `${compared.tool.name} : ${formatEurosHT(compared.tco.total)}`
        : `${compared.tool.name} : ${unknownText(compared.tco.reason)}`,
    )
    .join(' ; ');
  const caption = `Coût cumulé sur ${formatCount(years, 'an', 'ans')}`;

  return (
    <figure className="compare-figure" aria-label="Graphique du coût cumulé">
      <figcaption>{caption}</figcaption>
      <svg
        className="compare-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{`${caption}, en euros HT. ${summary}.`}</title>
        {/* Horizontal grid and euro axis */}
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="chart-tick">
              {formatEuroTick(tick, step)}
            </text>
          </g>
        ))}
        <text x={MARGIN.left} y={MARGIN.top - 6} className="chart-axis-title">
          € HT cumulés
        </text>
        {/* Year axis: the start (setup fee), then the end of each year */}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="chart-axis" />
        {Array.from({ length: years + 1 }, (_, year) => (
          <g key={year}>
            <line x1={x(year)} x2={x(year)} y1={y(0)} y2={y(0) + 5} className="chart-axis" />
            <text x={x(year)} y={y(0) + 20} textAnchor="middle" className="chart-tick">
              {year === 0 ? 'Début' : `Année ${year}`}
            </text>
          </g>
        ))}
        <text x={MARGIN.left + plotWidth / 2} y={HEIGHT - 6} textAnchor="middle" className="chart-axis-title">
          Durée du contrat (fin de chaque année)
        </text>
        {/* One line per tool whose cost is known */}
        {series.map(({ compared, style, points }) =>
          points.length > 0 ? (
            <g key={compared.tool.id}>
              <polyline
                points={points.map((value, year) => `${x(year)},${y(value)}`).join(' ')}
                fill="none"
                stroke={style.color}
                strokeWidth="2.5"
                strokeDasharray={style.dash || undefined}
                strokeLinejoin="round"
              />
              {points.map((value, year) => (
                <g key={year}>
                  <Marker series={style} x={x(year)} y={y(value)} />
                  <title>{`${compared.tool.name}, ${year === 0 ? 'mise en service' : `fin de l’année ${year}`} : ${formatEurosHT(
                    year === 0 ? compared.tco.setup : (compared.tco.cumulative[year - 1] ?? null),
                  )}`}</title>
                </g>
              ))}
            </g>
          ) : null,
        )}
      </svg>
      <ul className="chart-legend">
        {series.map(({ compared, style }) => (
          <li key={compared.tool.id}>
            <SeriesKey series={style} />
            <span className="chart-legend__name">{compared.tool.name}</span>
            {compared.tco.known && compared.tco.total != null ? (
              <span> : {formatEurosHT(compared.tco.total)} sur {formatCount(years, 'an', 'ans')}</span>
            ) : (
              <span className="unknown"> : coût {unknownText(compared.tco.reason)} (pas de courbe)</span>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
