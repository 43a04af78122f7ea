import { Link } from 'react-router-dom';

/** A collectivité's name, linked to its page when it has a SIREN. */
export function OrganizationLink({ organization }: { organization: { siren?: string | null; name: string } }) {
  return organization.siren ? <Link to={`/territoires/${organization.siren}`}>{organization.name}</Link> : organization.name;
}
