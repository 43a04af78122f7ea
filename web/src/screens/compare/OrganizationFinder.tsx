import { OrganizationSearch, SirenLookup } from '../../components/OrganizationSearch';
import { graphql } from '../../gql';
import { formatInhabitants } from '../../lib/format';
import { natureLabel } from '../../lib/labels';

export const ComparePageOrganizationQuery = graphql(`
  query ComparePageOrganizationQuery($siren: String!) {
    organization(siren: $siren) {
      id
      siren
      name
      kind
      epciType
      population
    }
  }
`);

export const ComparePageOrganizationSearchQuery = graphql(`
  query ComparePageOrganizationSearchQuery($search: String!) {
    organizations(filter: { search: $search }, first: 6) {
      edges {
        node {
          id
          siren
          name
          kind
          epciType
          departementCode
          population
        }
      }
    }
  }
`);

/** The collectivité behind a typed SIREN and its population, looked up once the nine digits are there. */
export function CompareSirenLookup({ siren }: { siren: string }) {
  return (
    <SirenLookup query={ComparePageOrganizationQuery} siren={siren}>
      {(organization) => (
        <>
          <strong>{organization.name}</strong> ({natureLabel(organization.kind, organization.epciType)}) —{' '}
          {formatInhabitants(organization.population)}
        </>
      )}
    </SirenLookup>
  );
}

/** Finds a collectivité by name and gives its SIREN to the form. */
export function OrganizationFinder({ onChoose }: { onChoose: (siren: string) => void }) {
  return (
    <details className="finder compare-finder">
      <summary>Vous ne connaissez pas le SIREN ? Cherchez la collectivité par son nom</summary>
      <OrganizationSearch
        query={ComparePageOrganizationSearchQuery}
        label="Nom de la collectivité"
        onChoose={onChoose}
        clearOnChoose
        details={(organization) => formatInhabitants(organization.population)}
      />
    </details>
  );
}
