import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { compactSiren, isSiren, SirenField } from '../../components/OrganizationSearch';
import { DemoBadge, DemoShare } from '../../components/DemoBadge';
import { describeError, QueryState } from '../../components/QueryState';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { DeploymentStatus, Proximity } from '../../gql/graphql';
import { formatCount, formatInteger } from '../../lib/format';
import { DEPLOYMENT_STATUS_LABELS, DEPLOYMENT_STATUS_ORDER } from '../../lib/labels';
import { queryErrorCode } from '../../lib/mutationResult';
import './toolAdoption.css';
import { OrganizationLink } from '../../components/OrganizationLink';

export const ToolAdoption_tool = graphql(`
  fragment ToolAdoption_tool on Tool {
    slug
    name
    adoption {
      total
      adopting
      demoCount
      byStatus {
        status
        count
      }
    }
  }
`);

export const ToolPageAdoptersNearQuery = graphql(`
  query ToolPageAdoptersNearQuery($slug: String!, $siren: String!) {
    tool(slug: $slug) {
      id
      adoptersNear(siren: $siren, first: 20) {
        proximity
        status
        isDemo
        organization {
          id
          siren
          name
        }
      }
    }
  }
`);

const PROXIMITY_LABELS: Record<Proximity, string> = {
  EPCI: 'même EPCI',
  DEPARTEMENT: 'même département',
  REGION: 'même région',
};

const PROXIMITY_ORDER: readonly Proximity[] = ['EPCI', 'DEPARTEMENT', 'REGION'];

/** A deployment status sent as text: its French label, or the text itself if the schema grew a new one. */
function statusLabel(status: string): string {
  return DEPLOYMENT_STATUS_LABELS[status as DeploymentStatus] ?? status;
}

/** « Qui l’utilise près de chez moi ? »: collectivités using the tool in the same EPCI, département, then région. */
function AdoptersNear({ slug, toolName, viewerSiren }: { slug: string; toolName: string; viewerSiren: string | null }) {
  const [siren, setSiren] = useState(viewerSiren ?? '');
  const [typed, setTyped] = useState(viewerSiren ?? '');
  const [fieldError, setFieldError] = useState<string>();
  const { data, error, refetch } = useQuery(ToolPageAdoptersNearQuery, { variables: { slug, siren }, skip: !isSiren(siren) });
  // A SIREN the API does not know is a mistake in the field, not a failure to retry.
  const unknownSiren = queryErrorCode(error) === 'NOT_FOUND' || queryErrorCode(error) === 'VALIDATION';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const compact = compactSiren(typed);
    if (!isSiren(compact)) {
      setFieldError('Le SIREN doit comporter 9 chiffres.');
      return;
    }
    setFieldError(undefined);
    setSiren(compact);
  };

  return (
    <div className="adopters-near">
      <h3 id="outil-pres-de-chez-moi">Qui l’utilise près de chez moi ?</h3>
      <form className="filters" noValidate onSubmit={submit} aria-labelledby="outil-pres-de-chez-moi">
        <SirenField
          label="SIREN de votre collectivité"
          hint={viewerSiren ? 'Celui de votre organisation, ou un autre.' : '9 chiffres, par exemple 242500361 pour Grand Besançon Métropole.'}
          error={fieldError ?? (unknownSiren && error ? describeError(error).summary : undefined)}
          value={typed}
          onChange={setTyped}
        />
        <button type="submit" className="button button--secondary">
          Rechercher
        </button>
      </form>
      {isSiren(siren) && !unknownSiren ? (
        <QueryState data={data} error={error} refetch={refetch} loadingLabel="Recherche des collectivités proches…">
          {({ tool }) => {
            const adopters = tool?.adoptersNear ?? [];
            if (adopters.length === 0) {
              return <p>Aucune collectivité de votre région n’a déclaré utiliser {toolName} (expérimentation ou production).</p>;
            }
            const demo = adopters.filter((adopter) => adopter.isDemo).length;
            return (
              <>
                <ul className="adopters-near__list" aria-label={`Collectivités proches qui utilisent ${toolName}`}>
                  {[...adopters]
                    .sort((a, b) => PROXIMITY_ORDER.indexOf(a.proximity) - PROXIMITY_ORDER.indexOf(b.proximity))
                    .map((adopter) => (
                      <li key={adopter.organization.id}>
                        <OrganizationLink organization={adopter.organization} />{' '}
                        <span className="badge badge--proximity">{PROXIMITY_LABELS[adopter.proximity]}</span>{' '}
                        <span className="muted">{statusLabel(adopter.status)}</span>
                        {adopter.isDemo ? ' ' : null}
                        <DemoBadge show={adopter.isDemo} />
                      </li>
                    ))}
                </ul>
                {demo > 0 ? (
                  <p className="adopters-near__demo">
                    {formatCount(adopters.length, 'collectivité listée', 'collectivités listées')}
                    <DemoShare total={adopters.length} demo={demo} feminine />
                  </p>
                ) : null}
              </>
            );
          }}
        </QueryState>
      ) : null}
    </div>
  );
}

/** Adoption: how many collectivités declared the tool, by stage, and which ones are nearby. */
export function ToolAdoption(props: { tool: FragmentType<typeof ToolAdoption_tool>; viewerSiren: string | null }) {
  const tool = getFragmentData(ToolAdoption_tool, props.tool);
  const counts = new Map(tool.adoption.byStatus.map((item) => [item.status, item.count]));
  // Known stages in their order, then any stage the API adds later.
  const statuses = [
    ...DEPLOYMENT_STATUS_ORDER.filter((status) => counts.has(status)),
    ...tool.adoption.byStatus.map((item) => item.status).filter((status) => !(DEPLOYMENT_STATUS_ORDER as readonly string[]).includes(status)),
  ];
  return (
    <section aria-labelledby="outil-adoption" className="tool-section">
      <h2 id="outil-adoption">Adoption</h2>
      <p>
        {tool.adoption.total > 0
          ? `Déclaré par ${formatCount(tool.adoption.total, 'collectivité', 'collectivités')}, à chaque étape :`
          : `Aucune collectivité n’a encore déclaré utiliser ${tool.name}.`}
      </p>
      {statuses.length > 0 ? (
        <dl className="adoption-counts">
          {statuses.map((status) => (
            <div key={status}>
              <dt>{statusLabel(status)}</dt>
              <dd>{formatInteger(counts.get(status) ?? 0)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {tool.adoption.adopting > 0 ? (
        <p className="adoption-current">
          {`En expérimentation ou en production : ${formatCount(tool.adoption.adopting, 'collectivité', 'collectivités')}`}
          <DemoShare total={tool.adoption.adopting} demo={tool.adoption.demoCount} feminine />
        </p>
      ) : null}
      <AdoptersNear slug={tool.slug} toolName={tool.name} viewerSiren={props.viewerSiren} />
    </section>
  );
}
