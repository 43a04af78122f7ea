import type { ReactNode } from 'react';
import { LoadMore } from '../../components/LoadMoreButton';
import { formatCount } from '../../lib/format';
import { ContractTable, type ContractNode } from './ContractTable';

/** A connection of public contracts, as the tool, provider and organization pages select it. */
export interface ContractConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null | undefined };
  edges: readonly { node: ContractNode }[];
}

/**
 * « Marchés publics attribués »: the confirmed contracts of the DECP (national open data of public procurement),
 * paged with « Afficher plus », or a sentence saying there is none.
 */
export function ContractsSection(props: {
  headingId: string;
  heading: string;
  caption: string;
  contracts: ContractConnection;
  empty: string;
  onLoadMore: (after: string) => Promise<unknown>;
  showTool?: boolean;
  level?: 'h2' | 'h3';
  children?: ReactNode;
}) {
  const { contracts } = props;
  const Heading = props.level ?? 'h2';
  const rows = contracts.edges.map((edge) => edge.node);
  return (
    <section aria-labelledby={props.headingId} className="tool-section contracts">
      <Heading id={props.headingId}>{props.heading}</Heading>
      {props.children}
      {rows.length > 0 ? (
        <>
          <p className="results__count">{formatCount(contracts.totalCount, 'marché confirmé', 'marchés confirmés')}</p>
          <ContractTable caption={props.caption} contracts={rows} showTool={props.showTool ?? false} />
          <LoadMore pageInfo={contracts.pageInfo} onLoadMore={props.onLoadMore} />
        </>
      ) : (
        <p>{props.empty}</p>
      )}
      <p className="source-line muted">
        Source : données essentielles de la commande publique (DECP), publiées par les acheteurs pour chaque marché de
        40 000 € HT ou plus ; rattachement à l’outil vérifié par l’équipe Mutualis. Montants hors taxes, modifications comprises.
      </p>
    </section>
  );
}
