import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormSuccess, labelledOptions, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import type { ContractDecision } from '../../gql/graphql';
import { formatInteger } from '../../lib/format';
import { CurationQueueQuery, CurationToolsQuery } from './adminQueries';
import { CurationItem } from './CurationItem';
import { DECISION_LABELS } from './evidence';

/**
 * The curation queue: the contracts of a decision (KEPT first, the most relevant first), each with why the rules
 * kept it, to confirm with the tool it buys or to dismiss.
 */
export function CurationQueue() {
  const [decision, setDecision] = useState<ContractDecision>('KEPT');
  const [notice, setNotice] = useState<string>();
  const { data, error, refetch, fetchMore } = useQuery(CurationQueueQuery, { variables: { decision } });
  const catalogue = useQuery(CurationToolsQuery);
  const tools = catalogue.data?.tools.edges.map((edge) => edge.node) ?? [];
  return (
    <section aria-labelledby="marches-verification" className="tool-section">
      <h2 id="marches-verification">Vérification des marchés</h2>
      <p>
        Seuls les marchés confirmés par une personne et rattachés à un outil du catalogue sont publiés (outil, fournisseur,
        acheteur, comparaison). Chaque décision reste dans le journal d’audit.
      </p>
      <div className="filters">
        <SelectField
          label="Marchés affichés"
          value={decision}
          onChange={(value) => {
            setNotice(undefined);
            setDecision(value);
          }}
          options={labelledOptions(DECISION_LABELS)}
        />
      </div>
      {notice ? <FormSuccess>{notice}</FormSuccess> : null}
      <QueryState data={data} error={error ?? catalogue.error} refetch={refetch}>
        {({ contractCurationQueue: queue }) => (
          <>
            <p className="results__count">
              {queue.totalCount === 0 ? 'Aucun marché dans cette liste' : `${formatInteger(queue.totalCount)} marché${queue.totalCount > 1 ? 's' : ''}`}
            </p>
            {queue.edges.map(({ node }) => (
              <CurationItem key={node.id} contract={node} tools={tools} onDecided={setNotice} />
            ))}
            <LoadMore pageInfo={queue.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
          </>
        )}
      </QueryState>
    </section>
  );
}
