import { graphql } from '../../gql';

// The viewer's roles, the auditors' detail per collectivité, and the lists of the drill-down (a département's EPCIs,
// an EPCI's communes).

export const StatisticsViewerQuery = graphql(`
  query StatisticsViewerQuery {
    viewer {
      id
      roles
    }
  }
`);

export const OrganizationDetailsQuery = graphql(`
  query OrganizationDetailsQuery($scope: StatsScopeInput, $first: Int!, $after: String) {
    adoptionStats(scope: $scope) {
      __typename
      ... on Error {
        message
        code
      }
      ... on QueryAdoptionStatsSuccess {
        data {
          organizationDetails(first: $first, after: $after) {
            totalCount
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              cursor
              node {
                siren
                name
                kind
                departementCode
                population
                deployments
                inUse
                abandoned
                demo
                spend
              }
            }
          }
        }
      }
    }
  }
`);

export const DepartementEpcisQuery = graphql(`
  query DepartementEpcisQuery($filter: OrganizationFilter, $first: Int!, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          siren
          name
          epciType
          population
        }
      }
    }
  }
`);

export const EpciMembersQuery = graphql(`
  query EpciMembersQuery($siren: String!, $after: String) {
    organization(siren: $siren) {
      id
      siren
      name
      kind
      epciType
      population
      departementCode
      members(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            siren
            name
            population
          }
        }
      }
    }
  }
`);
