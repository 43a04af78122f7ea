import { graphql } from '../../gql';
import { mutationHook } from '../../lib/mutationHook';

export const BecomeReferentMutation = graphql(`
  mutation BecomeReferentMutation($toolId: ID!, $helpWith: String!, $consentToContact: Boolean!) {
    becomeReferent(toolId: $toolId, helpWith: $helpWith, consentToContact: $consentToContact) {
      __typename
      ... on MutationBecomeReferentSuccess {
        data {
          id
          helpWith
          consentToContact
          withdrawnAt
        }
      }
      ...MutationError
    }
  }
`);

export const WithdrawReferentMutation = graphql(`
  mutation WithdrawReferentMutation($id: ID!) {
    withdrawReferent(id: $id) {
      __typename
      ... on MutationWithdrawReferentSuccess {
        data {
          id
          withdrawnAt
        }
      }
      ...MutationError
    }
  }
`);

export const ContactReferentMutation = graphql(`
  mutation ContactReferentMutation($referentId: ID!, $message: String!) {
    contactReferent(referentId: $referentId, message: $message) {
      __typename
      ... on MutationContactReferentSuccess {
        data {
          id
          status
        }
      }
      ...MutationError
    }
  }
`);

export const AnswerReferentContactMutation = graphql(`
  mutation AnswerReferentContactMutation($contactId: ID!, $answer: String!) {
    answerReferentContact(contactId: $contactId, answer: $answer) {
      __typename
      ... on MutationAnswerReferentContactSuccess {
        data {
          id
          status
          answer
          answeredAt
        }
      }
      ...MutationError
    }
  }
`);

export const DeclineReferentContactMutation = graphql(`
  mutation DeclineReferentContactMutation($contactId: ID!) {
    declineReferentContact(contactId: $contactId) {
      __typename
      ... on MutationDeclineReferentContactSuccess {
        data {
          id
          status
        }
      }
      ...MutationError
    }
  }
`);

export const ReportReferentContactMutation = graphql(`
  mutation ReportReferentContactMutation($contactId: ID!, $reason: String!) {
    reportReferentContact(contactId: $contactId, reason: $reason) {
      __typename
      ... on MutationReportReferentContactSuccess {
        data {
          id
          status
          reportReason
        }
      }
      ...MutationError
    }
  }
`);

const onSuccess = (queries: string[]) => ({
  refetchQueries: (result: { __typename?: string } | undefined) => (result?.__typename?.startsWith('Mutation') ? queries : []),
  awaitRefetchQueries: true,
});

/** Declaring (or editing, or declaring again): the tool's referents are read again. */
export const useBecomeReferent = mutationHook(BecomeReferentMutation, 'becomeReferent', {
  variables: (toolId: string, helpWith: string, consentToContact: boolean) => ({ toolId, helpWith, consentToContact }),
  ...onSuccess(['ToolReferentsQuery']),
});

export const useWithdrawReferent = mutationHook(WithdrawReferentMutation, 'withdrawReferent', {
  variables: (id: string) => ({ id }),
  ...onSuccess(['ToolReferentsQuery']),
});

export const useContactReferent = mutationHook(ContactReferentMutation, 'contactReferent', {
  variables: (referentId: string, message: string) => ({ referentId, message }),
});

export const useAnswerReferentContact = mutationHook(AnswerReferentContactMutation, 'answerReferentContact', {
  variables: (contactId: string, answer: string) => ({ contactId, answer }),
  ...onSuccess(['ReferentContactsPageQuery']),
});

export const useDeclineReferentContact = mutationHook(DeclineReferentContactMutation, 'declineReferentContact', {
  variables: (contactId: string) => ({ contactId }),
  ...onSuccess(['ReferentContactsPageQuery']),
});

export const useReportReferentContact = mutationHook(ReportReferentContactMutation, 'reportReferentContact', {
  variables: (contactId: string, reason: string) => ({ contactId, reason }),
  ...onSuccess(['ReferentContactsPageQuery']),
});
