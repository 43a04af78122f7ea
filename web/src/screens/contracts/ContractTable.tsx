import { Link } from 'react-router-dom';
import { OrganizationLink } from '../../components/OrganizationLink';
import { SourceNote } from '../../components/SourceNote';
import { NumericCell, Table, type Column } from '../../components/Table';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ContractRow_ContractFragment } from '../../gql/graphql';
import { formatDate, formatInteger } from '../../lib/format';
import { contractAmount, contractSource, formatDuration } from './contractFormat';
import './contracts.css';

export const ContractRow_contract = graphql(`
  fragment ContractRow_contract on PublicContract {
    id
    decpId
    kind
    buyerSiret
    buyer {
      id
      siren
      name
    }
    object
    amount
    amountIsMaximum
    isFramework
    notificationDate
    publicationDate
    durationMonths
    procedure
    offersReceived
    environmentalConsiderations
    hasEnvironmentalConsideration
    innovative
    source
    formatVersion
    tool {
      id
      slug
      name
    }
    holders {
      identifier
      name
      provider {
        id
        name
      }
    }
  }
`);

type Contract = ContractRow_ContractFragment;

/** The buyer: its page when the registry knows it, else the SIRET published (kept, not dropped). */
export function BuyerName({ contract }: { contract: Pick<Contract, 'buyer' | 'buyerSiret'> }) {
  if (contract.buyer) return <OrganizationLink organization={contract.buyer} />;
  return (
    <>
      SIRET {contract.buyerSiret} <span className="muted">(absent du référentiel)</span>
    </>
  );
}

/** The holders, by the catalogue provider's name when recognised, else as published. */
export function holderNames(holders: Contract['holders']): string {
  return holders.map((holder) => holder.provider?.name ?? holder.name ?? `${holder.identifier}`).join(', ');
}

/** « DECP · fichier decp-v2.json · 12 mars 2024 » (a link when the file came from an address). */
export function ContractSource({ contract }: { contract: Pick<Contract, 'source' | 'decpId' | 'publicationDate' | 'notificationDate'> }) {
  const { url, label } = contractSource(contract.source);
  const date = contract.publicationDate ?? contract.notificationDate;
  return (
    <span className="contract-source">
      DECP ·{' '}
      {url ? (
        <SourceNote url={url} date={date} context={`marché ${contract.decpId}`} />
      ) : (
        <>
          {label} · publié le <time dateTime={date}>{formatDate(date)}</time>
        </>
      )}
    </span>
  );
}

function yesNo(value: boolean | null | undefined): string {
  return value == null ? 'non renseigné' : value ? 'Oui' : 'Non';
}

function ContractRow(props: { contract: FragmentType<typeof ContractRow_contract>; showTool: boolean }) {
  const contract = getFragmentData(ContractRow_contract, props.contract);
  const amount = contractAmount(contract.amount, contract.amountIsMaximum);
  const environment = contract.environmentalConsiderations.filter((c) => !/^pas de/i.test(c));
  return (
    <tr>
      <th scope="row" data-label="Acheteur">
        <BuyerName contract={contract} />
      </th>
      <td data-label="Objet">
        {contract.object}
        {props.showTool && contract.tool ? (
          <span className="compare-meta">
            Outil : <Link to={`/catalogue/${contract.tool.slug}`}>{contract.tool.name}</Link>
          </span>
        ) : null}
        {contract.holders.length > 0 ? <span className="compare-meta">Titulaire : {holderNames(contract.holders)}</span> : null}
      </td>
      <NumericCell label="Montant HT">
        {amount.value}
        {amount.note ? <span className="compare-meta">{amount.note}</span> : null}
      </NumericCell>
      <td data-label="Notification">
        <time dateTime={contract.notificationDate}>{formatDate(contract.notificationDate)}</time>
      </td>
      <td data-label="Durée">{formatDuration(contract.durationMonths)}</td>
      <td data-label="Procédure">{contract.procedure ?? 'non renseignée'}</td>
      <NumericCell label="Offres reçues">{contract.offersReceived == null ? 'non renseigné' : formatInteger(contract.offersReceived)}</NumericCell>
      <td data-label="Considérations environnementales">
        {contract.hasEnvironmentalConsideration ? (environment.length > 0 ? environment.join(', ') : 'Oui') : 'Aucune'}
      </td>
      <td data-label="Innovant">{yesNo(contract.innovative)}</td>
      <td data-label="Identifiant DECP et source">
        <span className="contract-id">{contract.decpId}</span>
        <span className="compare-meta">
          <ContractSource contract={contract} />
        </span>
      </td>
    </tr>
  );
}

/** A contract as a connection's node selects it: its id, and the row's fragment. */
export type ContractNode = { id: number } & FragmentType<typeof ContractRow_contract>;

const COLUMNS: readonly Column[] = [
  { label: 'Acheteur' },
  { label: 'Objet' },
  { label: 'Montant HT', numeric: true },
  { label: 'Notification' },
  { label: 'Durée' },
  { label: 'Procédure' },
  { label: 'Offres reçues', numeric: true },
  { label: 'Considérations environnementales' },
  { label: 'Innovant' },
  { label: 'Identifiant DECP et source' },
];

/** Public contracts (DECP), one row each; `showTool` adds the catalogue tool bought (on an organization's page). */
export function ContractTable(props: { caption: string; contracts: readonly ContractNode[]; showTool?: boolean }) {
  return (
    <Table caption={props.caption} scroll columns={COLUMNS} className="contract-table">
      {props.contracts.map((contract) => (
        <ContractRow key={contract.id} contract={contract} showTool={props.showTool ?? false} />
      ))}
    </Table>
  );
}
