import { graphql } from '../../gql';

// Three queries: the figures of the chosen scope, the map (all of France under the same filters, so the map and
// the list of régions stay whole while the reader drills down) and, for auditors, the detail per collectivité.
// The map and the detail are fetched without the cache: AdoptionStats has no identity, and two queries of the same
// scope selecting different fields would overwrite each other's entry.

export const StatisticsQuery = graphql(`
  query StatisticsQuery($scope: StatsScopeInput) {
    adoptionStats(scope: $scope) {
      __typename
      ... on Error {
        message
        code
      }
      ... on QueryAdoptionStatsSuccess {
        data {
          generatedAt
          organizations
          declaring {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          adopting {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          chartersAdopted {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          chartersPlanned {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          deployments {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          inUse {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          byStatus { key count demo rate }
          attested { contracts amount frameworks hhi holders environmentalShare innovativeShare offersAverage offersKnown }
          ...TrainingStatistics_stats
          hosting { key count demo rate rateWithoutDemo }
          aiActTiers { key count demo rate }
          abandoned {
            count
            demo
            demoShare
            rate
            rateWithoutDemo
          }
          spend {
            amount
            demo
            contributors
            withheld
          }
          spendOutsideEu {
            amount
            demo
            contributors
            withheld
          }
          spendOutsideEuShare
          concentration {
            hhiDeployments
            hhiDeploymentsWithoutDemo
            hhiSpend
            hhiSpendWithoutDemo
            providers
            top {
              slug
              name
              count
              demo
              demoShare
              rate
              spendShare
              spend {
                amount
                demo
                contributors
                withheld
              }
            }
          }
          footprint {
            covered {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            kwh
            kgco2e
            kgco2eDemo
            waterL
            methods {
              key
              count
              demo
              demoShare
              rate
              kgco2e
            }
          }
          abandonReasons {
            key
            count
            demo
            demoShare
            rate
          }
          procurementRoutes {
            key
            count
            demo
            demoShare
            rate
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
          topTools {
            slug
            name
            providerName
            count
            demo
            demoShare
            rate
            organizations
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
          categories {
            slug
            name
            count
            demo
            demoShare
            rate
            organizations
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
          epciTypes: breakdown(by: EPCI_TYPE) {
            key
            label
            organizations
            declaring {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            adopting {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersAdopted {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersPlanned {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            deployments {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
          populationBands: breakdown(by: POPULATION_BAND) {
            key
            label
            organizations
            declaring {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            adopting {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersAdopted {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersPlanned {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            deployments {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
        }
      }
    }
  }
`);

export const StatisticsMapQuery = graphql(`
  query StatisticsMapQuery($scope: StatsScopeInput) {
    adoptionStats(scope: $scope) {
      __typename
      ... on Error {
        message
        code
      }
      ... on QueryAdoptionStatsSuccess {
        data {
          regions: breakdown(by: REGION) {
            key
            label
            organizations
            declaring {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            adopting {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersAdopted {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersPlanned {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            deployments {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
          departements: breakdown(by: DEPARTEMENT) {
            key
            label
            organizations
            declaring {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            adopting {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersAdopted {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            chartersPlanned {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            deployments {
              count
              demo
              demoShare
              rate
              rateWithoutDemo
            }
            spend {
              amount
              demo
              contributors
              withheld
            }
          }
        }
      }
    }
  }
`);
