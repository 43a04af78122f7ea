import { Link } from 'react-router-dom';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate, formatInhabitants } from '../../lib/format';
import { EPCI_TYPE_LABELS, ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { OrganizationLink } from '../../components/OrganizationLink';
import { Fact } from '../../components/Fact';

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
        <Fact term="Nature">{organization.kind === 'EPCI' ? 'EPCI à fiscalité propre' : ORGANIZATION_KIND_LABELS[organization.kind]}</Fact>
        {organization.epciType ? (
          <Fact term="Type d'EPCI">{EPCI_TYPE_LABELS[organization.epciType]}</Fact>
        ) : null}
        {organization.officialName !== organization.name ? (
          <Fact term="Nom officiel">{organization.officialName}</Fact>
        ) : null}
        <div>
          <dt>SIREN</dt>
          <dd className="siren">{organization.siren ?? 'non renseigné'}</dd>
        </div>
        {organization.kind !== 'EPCI' ? (
          <Fact term="Code INSEE">{organization.code}</Fact>
        ) : null}
        <Fact term="Population municipale">{formatInhabitants(organization.population)}</Fact>
        <Fact term="Population totale">{formatInhabitants(organization.populationTotale)}</Fact>
        {organization.departementCode ? (
          <Fact term="Département">
            <Link to={`/territoires?dep=${encodeURIComponent(organization.departementCode)}`}>
              {organization.departementCode}
            </Link>
          </Fact>
        ) : null}
        {organization.regionCode ? (
          <Fact term="Région (code INSEE)">{organization.regionCode}</Fact>
        ) : null}
        {organization.kind === 'COMMUNE' ? (
          <Fact term="Intercommunalité">
            {epci ? (
              <OrganizationLink organization={epci} />
            ) : (
              'Aucun EPCI à fiscalité propre connu'
            )}
          </Fact>
        ) : null}
      </dl>
      <p className="source-line">
        Source : {organization.source}, mise à jour le{' '}
        <time dateTime={organization.updatedAt}>{formatDate(organization.updatedAt)}</time>.
      </p>
    </section>
  );
}
