import { useId } from 'react';
import { BarValue } from '../../components/BarValue';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { compareDecimal, formatDecimal, formatEuros, formatEurosHT } from '../../lib/format';
import { formatUnitPrice, formatVolume } from './groupLabels';
import { toDrawingNumber } from './groupMath';
import { Fact } from '../../components/Fact';

export const DemandChart_group = graphql(`
  fragment DemandChart_group on PurchasingGroup {
    id
    volumeUnit
    listUnitPrice
    tiers {
      minVolume
      unitPrice
    }
    economics {
      committedVolume
      projectedVolume
      pooledVolume
      basis
      tierIndex
      unitPrice
      projectedUnitPrice
      total
      totalSavingsVsAlone
      nextTier {
        minVolume
        unitPrice
        missingVolume
      }
    }
  }
`);

// Drawing area (SVG user units); the figure scales to the width of the page.
const WIDTH = 720;
const HEIGHT = 176;
const LEFT = 84;
const RIGHT = 28;
const PLOT = WIDTH - LEFT - RIGHT;
const TOP = 40;
const BAR = 28;
const COMMITTED_Y = TOP + 8;
const PROJECTED_Y = COMMITTED_Y + BAR + 12;
const AXIS_Y = PROJECTED_Y + BAR + 10;
/** Room kept after a bar for its value; otherwise the value goes inside the bar. */
const VALUE_ROOM = 110;

/**
 * The group's demand against its price tiers: the committed and projected volumes as horizontal bars,
 * each tier threshold as a vertical line labelled with its unit price, and in the caption the same
 * figures in words with the volume missing for the next tier.
 */
export function DemandChart(props: { group: FragmentType<typeof DemandChart_group> }) {
  const group = getFragmentData(DemandChart_group, props.group);
  const titleId = useId();
  // The API sends the tiers by increasing threshold, the order economics.tierIndex counts in.
  const { economics, volumeUnit, tiers } = group;

  const committed = toDrawingNumber(economics.committedVolume);
  const projected = toDrawingNumber(economics.projectedVolume);
  const highestTier = toDrawingNumber(tiers.at(-1)?.minVolume);
  const scaleMax = Math.max(committed, projected, highestTier, 1) * 1.1;
  const x = (value: number) => LEFT + (value / scaleMax) * PLOT;

  const tierText = tiers.map((tier) => `dès ${formatVolume(tier.minVolume, volumeUnit)}, ${formatUnitPrice(tier.unitPrice, volumeUnit)}`);
  const summary =
    `Volume engagé : ${formatVolume(economics.committedVolume, volumeUnit)} ; ` +
    `volume projeté (engagés et intéressés) : ${formatVolume(economics.projectedVolume, volumeUnit)}.`;
  const firstTierX = tiers[0] ? x(toDrawingNumber(tiers[0].minVolume)) : WIDTH;

  const bar = (label: string, value: number, text: string, y: number, className: string) => {
    const end = x(value);
    const inside = end + VALUE_ROOM > WIDTH;
    return (
      <g>
        <text x={LEFT - 8} y={y + BAR / 2} dominantBaseline="middle" textAnchor="end" className="demand-chart__label">
          {label}
        </text>
        <rect x={LEFT} y={y} width={Math.max(end - LEFT, value > 0 ? 2 : 0)} height={BAR} className={className} />
        <BarValue end={end} y={y + BAR / 2} gap={6} inside={inside} className="demand-chart__value" middle>
          {text}
        </BarValue>
      </g>
    );
  };

  const basisText = economics.basis === 'COMMITTED' ? 'volume engagé' : 'volume estimé, aucun engagement encore';

  return (
    <section className="group-demand" aria-labelledby={`${titleId}-section`}>
      <h2 id={`${titleId}-section`}>Demande mutualisée et prix</h2>
      <figure className="demand-chart" aria-label="Demande mutualisée et paliers de prix">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="demand-chart__svg">
          <title id={titleId}>{`${summary} Paliers : ${tierText.length > 0 ? tierText.join(' ; ') : 'aucun'}.`}</title>
          {/* The list price applies below the first threshold. */}
          {firstTierX - LEFT > 70 ? (
            <text x={LEFT + 4} y={TOP - 14} className="demand-chart__price">
              {formatEuros(group.listUnitPrice)}
            </text>
          ) : null}
          {bar('Engagé', committed, formatDecimal(economics.committedVolume), COMMITTED_Y, 'demand-chart__committed')}
          {bar('Projeté', projected, formatDecimal(economics.projectedVolume), PROJECTED_Y, 'demand-chart__projected')}
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={AXIS_Y} y2={AXIS_Y} className="demand-chart__axis" />
          <text x={LEFT} y={AXIS_Y + 16} textAnchor="middle" className="demand-chart__tick">
            0
          </text>
          {tiers.map((tier, index) => {
            const tierX = x(toDrawingNumber(tier.minVolume));
            const reached = index <= economics.tierIndex;
            return (
              <g key={tier.minVolume} className={reached ? 'demand-chart__tier demand-chart__tier--reached' : 'demand-chart__tier'}>
                <line x1={tierX} x2={tierX} y1={TOP - 8} y2={AXIS_Y} />
                <text x={tierX} y={TOP - 14} textAnchor="middle" className="demand-chart__price">
                  {formatEuros(tier.unitPrice)}
                </text>
                <text x={tierX} y={AXIS_Y + 16} textAnchor="middle" className="demand-chart__tick">
                  {formatDecimal(tier.minVolume)}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          <p>
            {summary} Prix unitaire annuel par palier : {formatUnitPrice(group.listUnitPrice, volumeUnit)} au prix catalogue
            {tierText.length > 0 ? ` ; ${tierText.join(' ; ')}` : ''}.
          </p>
          <p className="demand-chart__next">
            {economics.nextTier ? (
              <>
                <strong>
                  Volume manquant pour le palier suivant : {formatVolume(economics.nextTier.missingVolume, volumeUnit)}
                </strong>{' '}
                (à partir de {formatVolume(economics.nextTier.minVolume, volumeUnit)}, {formatUnitPrice(economics.nextTier.unitPrice, volumeUnit)}).
              </>
            ) : tiers.length > 0 ? (
              <strong>Le palier le plus avantageux est atteint.</strong>
            ) : (
              'Aucun palier : le prix catalogue s’applique quel que soit le volume.'
            )}
          </p>
        </figcaption>
      </figure>
      <dl className="facts group-price">
        <div>
          <dt>Prix unitaire ({basisText})</dt>
          <dd>{formatUnitPrice(economics.unitPrice, volumeUnit)}</dd>
        </div>
        <Fact term="Total annuel du groupement">{formatEurosHT(economics.total)}</Fact>
        {compareDecimal(economics.projectedVolume, economics.pooledVolume) !== 0 ? (
          <div>
            <dt>Prix si tous les intéressés s’engagent ({formatVolume(economics.projectedVolume, volumeUnit)})</dt>
            <dd>{formatUnitPrice(economics.projectedUnitPrice, volumeUnit)}</dd>
          </div>
        ) : null}
        <Fact term="Économie des membres par rapport à un achat seul">{formatEurosHT(economics.totalSavingsVsAlone)}</Fact>
      </dl>
    </section>
  );
}
