import { LoadMore } from '../../components/LoadMoreButton';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatInteger } from '../../lib/format';
import { ReviewItem } from './ReviewItem';

// $reviewsAfter is a variable of the page query (ToolPageQuery), used for « Afficher plus ».
export const ReviewList_tool = graphql(`
  fragment ReviewList_tool on Tool {
    reviews(first: 20, after: $reviewsAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ReviewItem_review
        }
      }
    }
  }
`);

/** The visible reviews, most recent first. */
export function ReviewList(props: {
  tool: FragmentType<typeof ReviewList_tool>;
  onLoadMore: (after: string) => Promise<unknown>;
}) {
  const { reviews } = getFragmentData(ReviewList_tool, props.tool);
  return (
    <section aria-label="Avis" className="tool-section reviews">
      <h2>Avis des collectivités ({formatInteger(reviews.totalCount)})</h2>
      {reviews.edges.length === 0 ? <p>Aucune collectivité n'a encore donné son avis sur cet outil.</p> : null}
      {reviews.edges.map(({ node }) => (
        <ReviewItem key={node.id} review={node} />
      ))}
      <LoadMore pageInfo={reviews.pageInfo} onLoadMore={props.onLoadMore} />
    </section>
  );
}
