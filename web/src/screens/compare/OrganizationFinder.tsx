import { OrganizationSearch, SirenLookup } from '../../components/OrganizationSearch';
import { formatInhabitants } from '../../lib/format';
import { natureLabel } from '../../lib/labels';

/** The collectivité behind a typed SIREN and its population, looked up once the nine digits are there. */
export function CompareSirenLookup({ siren }: { siren: string }) {
  return (
    <SirenLookup siren={siren}>
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
       
        label="Nom de la collectivité"
        onChoose={onChoose}
        clearOnChoose
        details={(organization) => formatInhabitants(organization.population)}
      />
    </details>
  );
}
