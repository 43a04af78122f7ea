import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';
import { forgetGroupLists } from './groupCache';

export const AnswerGroupInvitationMutation = graphql(`
  mutation AnswerGroupInvitationMutation($invitationId: ID!, $accept: Boolean!, $estimatedVolume: Decimal) {
    answerGroupInvitation(invitationId: $invitationId, accept: $accept, estimatedVolume: $estimatedVolume) {
      __typename
      ... on MutationAnswerGroupInvitationSuccess {
        data {
          id
          status
          answeredAt
          viewerCanAnswer
        }
      }
      ...MutationError
    }
  }
`);

/**
 * The invited collectivité's ORG_ADMIN accepts (it joins, with an optional estimated volume) or declines. The
 * invitation comes back with its new status; the queries on screen (the group page and its membership, or the list
 * of invitations received) are fetched again.
 */
export const useAnswerGroupInvitation = mutationHook(AnswerGroupInvitationMutation, 'answerGroupInvitation', {
  variables: (invitationId: string, accept: boolean, estimatedVolume: string | null = null) => ({ invitationId, accept, estimatedVolume }),
  onSuccess: forgetGroupLists,
  refetchQueries: (result) => (result?.__typename === 'MutationAnswerGroupInvitationSuccess' || result?.__typename === 'ConflictError' ? 'active' : []),
  awaitRefetchQueries: true,
});
