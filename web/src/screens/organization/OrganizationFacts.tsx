import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate, formatInhabitants } from '../../lib/format';
import { EPCI_TYPE_LABELS, ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { OrganizationLink } from '../../components/OrganizationLink';

export const OrganizationFacts_organization = graphql(`
  fragment OrganizationFacts_organization on Organization {
    kind
    epciType
    name
    officialName
    siren
    code
    population
    populationTotale
    departementCode
    regionCode
    source
    updatedAt
    epci {
      id
      siren
      name
    }
  }
`);

/** The registry facts about a collectivité, as a description list. */
export function OrganizationFacts(props: { organization: FragmentType<typeof OrganizationFacts_organization> }) {
  const organization = getFragmentData(OrganizationFacts_organization, props.organization);
  const { epci } = organization;
  return (
    <section className="panel" aria-labelledby="fiche-titre">
      <h2 id="fiche-titre">Fiche d'identité</h2>
      <dl className="facts">
        <div>
          <dt>Nature</dt>
          <dd>{organization.kind === 'EPCI' ? 'EPCI à fiscalité propre' : ORGANIZATION_KIND_LABELS[organization.kind]}</dd>
        </div>
        {organization.epciType ? (
          <div>
            <dt>Type d'EPCI</dt>
            <dd>{EPCI_TYPE_LABELS[organization.epciType]}</dd>
          </div>
        ) : null}
        {organization.officialName !== organization.name ? (
          <div>
            <dt>Nom officiel</dt>
            <dd>{organization.officialName}</dd>
          </div>
        ) : null}
        <div>
          <dt>SIREN</dt>
          <dd className="siren">{organization.siren ?? 'non renseigné'}</dd>
        </div>
        {organization.kind !== 'EPCI' ? (
          <div>
            <dt>Code INSEE</dt>
            <dd>{organization.code}</dd>
          </div>
        ) : null}
        <div>
          <dt>Population municipale</dt>
          <dd>{formatInhabitants(organization.population)}</dd>
        </div>
        <div>
          <dt>Population totale</dt>
          <dd>{formatInhabitants(organization.populationTotale)}</dd>
        </div>
        {organization.departementCode ? (
          <div>
            <dt>Département</dt>
            <dd>
              <Link to={`/territoires?dep=${encodeURIComponent(organization.departementCode)}`}>
                {organization.departementCode}
              </Link>
            </dd>
          </div>
        ) : null}
        {organization.regionCode ? (
          <div>
            <dt>Région (code INSEE)</dt>
            <dd>{organization.regionCode}</dd>
          </div>
        ) : null}
        {organization.kind === 'COMMUNE' ? (
          <div>
            <dt>Intercommunalité</dt>
            <dd>
              {epci ? (
                <OrganizationLink organization={epci} />
              ) : (
                'Aucun EPCI à fiscalité propre connu'
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="source-line">
        Source : {organization.source}, mise à jour le{' '}
        <time dateTime={organization.updatedAt}>{formatDate(organization.updatedAt)}</time>.
      </p>
    </section>
  );
}
