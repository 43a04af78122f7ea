// Public contracts (DECP) as the tool, organization and comparison pages read them, close to what the API returns.
import type { ToolPageQuery } from '../src/screens/tool/ToolPage';
import type { Fixture } from './helpers';

type ToolContracts = NonNullable<Fixture<typeof ToolPageQuery>['tool']>['publicContracts'];
export type ContractFixture = ToolContracts['edges'][number]['node'];
export type PricesPaidFixture = NonNullable<Fixture<typeof ToolPageQuery>['tool']>['pricesPaid'];

/** No confirmed contract: what every tool, provider and comparison row answers without DECP data. */
export function noPricesPaid(): PricesPaidFixture {
  return {
    __typename: 'PricesPaid',
    contractCount: 0,
    withPopulationCount: 0,
    medianPerInhabitant: null,
    minPerInhabitant: null,
    maxPerInhabitant: null,
    totalAmount: null,
  };
}

/** A connection of contracts, with its typename (ToolPublicContractsConnection, OrganizationPublicContractsConnection…). */
export function contractConnection<T extends string>(typename: T, nodes: ContractFixture[], next: string | null = null) {
  return {
    __typename: typename,
    totalCount: nodes.length + (next ? 1 : 0),
    pageInfo: { __typename: 'PageInfo' as const, hasNextPage: next !== null, endCursor: next },
    edges: nodes.map((node) => ({ __typename: `${typename}Edge` as `${T}Edge`, cursor: `c-${node.id}`, node })),
  };
}

/** A confirmed contract of Ville de Besançon: a framework agreement whose amount is a maximum. */
export function frameworkContract(overrides: Partial<ContractFixture> = {}): ContractFixture {
  return {
    __typename: 'PublicContract',
    id: 2,
    decpId: '2024AC017',
    kind: 'MARCHE',
    buyerSiret: '21250056500016',
    buyer: { __typename: 'Organization', id: 'Organization:212500565', siren: '212500565', name: 'Besançon' },
    object: 'Accord-cadre de services d’intelligence artificielle générative pour les services municipaux',
    amount: '260000',
    amountIsMaximum: true,
    isFramework: true,
    notificationDate: '2024-03-12',
    publicationDate: '2024-03-20',
    durationMonths: 48,
    procedure: 'Appel d’offres ouvert',
    offersReceived: 4,
    environmentalConsiderations: ['Clause environnementale'],
    hasEnvironmentalConsideration: true,
    innovative: true,
    source: '/srv/decp/decp-v2.json',
    formatVersion: '2.0',
    tool: { __typename: 'Tool', id: 'Tool:2', slug: 'albert', name: 'Albert' },
    holders: [{ __typename: 'PublicContractHolder', identifier: '95241832500017', name: null, provider: { __typename: 'Provider', id: 'Provider:1', name: 'DINUM' } }],
    ...overrides,
  };
}

/** A contract of a buyer absent from the registry, published at an address, not a framework agreement. */
export function syndicateContract(overrides: Partial<ContractFixture> = {}): ContractFixture {
  return {
    ...frameworkContract(),
    id: 4,
    decpId: '24-EAU-09',
    buyerSiret: '25390077300016',
    buyer: null,
    object: 'Détection de fuites sur le réseau d’eau potable par apprentissage automatique',
    amount: '96000',
    amountIsMaximum: false,
    isFramework: false,
    durationMonths: 7,
    procedure: null,
    offersReceived: null,
    environmentalConsiderations: ['Pas de considération environnementale'],
    hasEnvironmentalConsideration: false,
    innovative: null,
    source: 'https://www.data.gouv.fr/fr/datasets/r/decp-2024.json',
    publicationDate: null,
    notificationDate: '2024-06-03',
    holders: [{ __typename: 'PublicContractHolder', identifier: '12345678200010', name: 'Hydro Écoute', provider: null }],
    ...overrides,
  };
}
