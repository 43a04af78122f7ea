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

/**
 * Finds a collectivité by name, SIREN or INSEE code and gives its SIREN to the form. Open by default: a DSI rarely
 * knows the SIREN, and homonyms are told apart by their département and population in each option.
 */
export function OrganizationFinder({ onChoose }: { onChoose: (siren: string) => void }) {
  return (
    <div className="finder compare-finder">
      <OrganizationSearch
        label="Ou cherchez la collectivité"
        hint="Son nom, son SIREN ou son code INSEE ; choisissez-la dans la liste (flèches et Entrée)."
        onChoose={onChoose}
        clearOnChoose
      />
    </div>
  );
}
