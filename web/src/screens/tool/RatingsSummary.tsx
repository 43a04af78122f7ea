import { DemoShare } from '../../components/DemoBadge';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatInteger, formatRating } from '../../lib/format';
import { CRITERIA } from './criteria';

export const RatingsSummary_tool = graphql(`
  fragment RatingsSummary_tool on Tool {
    ratings {
      count
      verifiedCount
      demoCount
      average
      easeOfUse
      outputQuality
      support
      dataProtection
      valueForMoney
      accessibility
    }
  }
`);

/** "12 avis dont 9 vérifiés". */
export function reviewCountLabel(count: number, verified: number): string {
  const reviews = `${formatInteger(count)} avis`;
  if (verified === 0) return `${reviews}, aucun vérifié`;
  return `${reviews} dont ${formatInteger(verified)} ${verified > 1 ? 'vérifiés' : 'vérifié'}`;
}

/** "4,2 / 5 — 12 avis dont 9 vérifiés (dont 3 issus des données de démonstration)", and the mean of each criterion. */
export function RatingsSummary(props: { tool: FragmentType<typeof RatingsSummary_tool> }) {
  const { ratings } = getFragmentData(RatingsSummary_tool, props.tool);
  return (
    <section aria-labelledby="outil-notes" className="tool-section ratings">
      <h2 id="outil-notes">Notes des collectivités</h2>
      {ratings.count === 0 ? (
        <p>Aucun avis pour l'instant.</p>
      ) : (
        <>
          <p className="ratings__overall">
            <strong>{formatRating(ratings.average)} / 5</strong> — {reviewCountLabel(ratings.count, ratings.verifiedCount)}
            <DemoShare total={ratings.count} demo={ratings.demoCount} />
          </p>
          <dl className="ratings__criteria">
            {CRITERIA.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{ratings[key] ? `${formatRating(ratings[key])} / 5` : 'non noté'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
