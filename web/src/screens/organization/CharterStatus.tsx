import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';
import { CHARTER_STATUS_LABELS } from '../../lib/labels';

export const CharterStatus_organization = graphql(`
  fragment CharterStatus_organization on Organization {
    charter {
      status
      adoptedAt
      url
      isDemo
    }
  }
`);

/** The collectivité's AI ethics charter, if one is known. */
export function CharterStatus(props: { organization: FragmentType<typeof CharterStatus_organization> }) {
  const { charter } = getFragmentData(CharterStatus_organization, props.organization);
  return (
    <section className="panel" aria-labelledby="charte-titre">
      <h2 id="charte-titre">Charte éthique de l'IA</h2>
      <p>
        <span className={`status status--${charter.status.toLowerCase()}`}>{CHARTER_STATUS_LABELS[charter.status]}</span>
        {charter.status === 'ADOPTED' && charter.adoptedAt ? (
          <>
            {' le '}
            <time dateTime={charter.adoptedAt}>{formatDate(charter.adoptedAt)}</time>
          </>
        ) : null}
        {charter.status !== 'NONE' ? <DemoBadge show={charter.isDemo} /> : null}
      </p>
      {charter.url?.startsWith('/') ? (
        <p>
          <Link to={charter.url}>Consulter la charte imprimable</Link>
        </p>
      ) : charter.url ? (
        <p>
          <a href={charter.url} rel="noopener noreferrer external">
            Consulter la charte
          </a>
        </p>
      ) : null}
    </section>
  );
}
