import { graphql } from '../../gql';
import type { CharterPrincipleKey } from '../../gql/graphql';
import { mutationHook } from '../../lib/mutationHook';

export const SaveCharterDraftMutation = graphql(`
  mutation SaveCharterDraftMutation(
    $organizationSiren: String
    $principles: [CharterPrincipleKey!]!
    $customPrinciples: [CustomCharterPrincipleInput!]!
    $preamble: String
  ) {
    saveCharterDraft(organizationSiren: $organizationSiren, principles: $principles, customPrinciples: $customPrinciples, preamble: $preamble) {
      __typename
      ... on MutationSaveCharterDraftSuccess {
        data {
          organization {
            id
            ...CharterBuilder_organization
          }
        }
      }
      ...MutationError
    }
  }
`);

export const PublishCharterMutation = graphql(`
  mutation PublishCharterMutation($organizationSiren: String) {
    publishCharter(organizationSiren: $organizationSiren) {
      __typename
      ... on MutationPublishCharterSuccess {
        data {
          id
          ...CharterBuilder_organization
          ...CharterStatus_organization
        }
      }
      ...MutationError
    }
  }
`);

export interface DraftValues {
  organizationSiren: string | null;
  principles: CharterPrincipleKey[];
  customPrinciples: { title: string; text: string }[];
  preamble: string | null;
}

/** Saves the draft; the organization comes back with its draft, which the cache merges by id. */
export const useSaveCharterDraft = mutationHook(SaveCharterDraftMutation, 'saveCharterDraft', {
  variables: (values: DraftValues) => values,
});

/** Publishes the saved draft; the organization comes back ADOPTED, with its published charter. */
export const usePublishCharter = mutationHook(PublishCharterMutation, 'publishCharter', {
  variables: (organizationSiren: string | null) => ({ organizationSiren }),
});
