import { graphql } from '../../gql';

// The queries of the public-procurement administration (/administration/marches, platform ADMIN).

export const DecpImportFields = graphql(`
  fragment DecpImportFields on DecpImport {
    id
    source
    status
    formatVersion
    readCount
    keptCount
    linkedCount
    rejectedCount
    invalidCount
    position
    ratePerSecond
    failure
    startedAt
    finishedAt
    errors {
      position
      path
      reason
    }
  }
`);

export const DecpImportsQuery = graphql(`
  query DecpImportsQuery($after: String) {
    decpImports(first: 10, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...DecpImportFields
        }
      }
    }
  }
`);

export const DecpImportQuery = graphql(`
  query DecpImportQuery($id: Int!) {
    decpImport(id: $id) {
      id
      ...DecpImportFields
    }
  }
`);

export const CurationQueueQuery = graphql(`
  query CurationQueueQuery($decision: ContractDecision!, $after: String) {
    contractCurationQueue(decision: $decision, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...CurationItem_contract
        }
      }
    }
  }
`);

/** The catalogue, for the tool picker of « Confirmer ». */
export const CurationToolsQuery = graphql(`
  query CurationToolsQuery {
    tools(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          slug
          name
          provider {
            id
            name
          }
        }
      }
    }
  }
`);
