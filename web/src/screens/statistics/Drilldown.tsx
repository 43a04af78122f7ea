import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router-dom';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { NumericCell, POPULATION, Table } from '../../components/Table';
import { formatCount, formatInteger } from '../../lib/format';
import { EPCI_TYPE_LABELS } from '../../lib/labels';
import { DepartementEpcisQuery, EpciMembersQuery } from './drilldownQueries';
import { statisticsSearch, type StatisticsParams } from './statisticsParams';
import { formatRate } from './statisticsFormat';
import type { Breakdown } from './types';

const statisticsLink = (params: StatisticsParams, change: Partial<StatisticsParams>) => `/statistiques${statisticsSearch(params, change)}`;

export interface Place {
  label: string;
  to: string;
}

/** The path France › région › département › EPCI, each step a link back up but the last (the current view). */
export function Breadcrumb({ places }: { places: readonly Place[] }) {
  return (
    <nav aria-label="Fil d’Ariane" className="breadcrumb stat-breadcrumb">
      <ol>
        {places.map((place, index) => (
          <li key={place.to}>
            {index === places.length - 1 ? (
              <span aria-current="page">{place.label}</span>
            ) : (
              <Link to={place.to}>{place.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The départements of a région, each leading to its statistics. */
export function RegionDepartements({ params, departements }: { params: StatisticsParams; departements: readonly Breakdown[] }) {
  return (
    <section aria-labelledby="departements-region" className="stat-section">
      <h2 id="departements-region">Départements de la région</h2>
      <Table
        caption="Départements de la région et leur adoption"
        columns={['Département', { label: 'Collectivités', numeric: true }, { label: 'Adoption', numeric: true }, { label: 'Déploiements', numeric: true }]}
      >
        {departements.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Link to={statisticsLink(params, { departement: row.key, epci: '' })}>
                {row.label} ({row.key})
              </Link>
            </th>
            <NumericCell label="Collectivités">{formatInteger(row.organizations)}</NumericCell>
            <NumericCell label="Adoption">{formatRate(row.adopting.rate)}</NumericCell>
            <NumericCell label="Déploiements">{formatInteger(row.deployments.count)}</NumericCell>
          </tr>
        ))}
      </Table>
    </section>
  );
}

export const EPCI_PAGE_SIZE = 100;

/** The EPCIs of a département (those whose seat is there), each leading to its statistics. */
export function DepartementEpcis({ params }: { params: StatisticsParams }) {
  const { data, error, refetch, fetchMore } = useQuery(DepartementEpcisQuery, {
    variables: { filter: { kind: 'EPCI', departement: params.departement }, first: EPCI_PAGE_SIZE },
  });
  return (
    <section aria-labelledby="epci-departement" className="stat-section">
      <h2 id="epci-departement">Intercommunalités du département</h2>
      <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement des intercommunalités…">
        {({ organizations }) => {
          const rows = organizations.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
          return rows.length > 0 ? (
            <>
              <p>{formatCount(organizations.totalCount, 'intercommunalité', 'intercommunalités')} : choisissez-en une pour ses statistiques et ses communes.</p>
              <Table caption="Intercommunalités du département" columns={['Intercommunalité', 'Type', POPULATION, 'Fiche']}>
                {rows.map((epci) => (
                  <tr key={epci.id}>
                    <th scope="row">{epci.siren ? <Link to={statisticsLink(params, { epci: epci.siren })}>{epci.name}</Link> : epci.name}</th>
                    <td data-label="Type">{epci.epciType ? EPCI_TYPE_LABELS[epci.epciType] : '—'}</td>
                    <NumericCell label="Population">{formatInteger(epci.population)}</NumericCell>
                    <td data-label="Fiche">
                      {epci.siren ? (
                        <Link to={`/territoires/${epci.siren}`}>
                          Fiche<span className="visually-hidden"> de {epci.name}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </Table>
              <LoadMore pageInfo={organizations.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
            </>
          ) : (
            <p>Aucune intercommunalité n’a son siège dans ce département.</p>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The member communes of the EPCI being looked at, each linking to its page (its declared tools). */
export function EpciMembers({ siren }: { siren: string }) {
  const { data, error, refetch, fetchMore } = useQuery(EpciMembersQuery, { variables: { siren } });
  return (
    <section aria-labelledby="communes-epci" className="stat-section">
      <QueryState data={data} error={error} refetch={refetch} loadingLabel="Chargement des communes membres…">
        {({ organization }) => {
          if (!organization) {
            return (
              <>
                <h2 id="communes-epci">Communes membres</h2>
                <p>Aucune intercommunalité ne porte le SIREN {siren}.</p>
              </>
            );
          }
          const rows = organization.members.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
          return (
            <>
              <h2 id="communes-epci">Communes membres de {organization.name} ({formatInteger(organization.members.totalCount)})</h2>
              <p>
                Chaque commune a sa fiche, avec les outils qu’elle déclare. <Link to={`/territoires/${siren}`}>Fiche de {organization.name}</Link>
              </p>
              {rows.length > 0 ? (
                <Table caption={`Communes membres de ${organization.name}, par ordre alphabétique`} columns={['Commune', POPULATION, 'SIREN']}>
                  {rows.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">{member.siren ? <Link to={`/territoires/${member.siren}`}>{member.name}</Link> : member.name}</th>
                      <NumericCell label="Population">{formatInteger(member.population)}</NumericCell>
                      <td data-label="SIREN" className="siren">
                        {member.siren ?? '—'}
                      </td>
                    </tr>
                  ))}
                </Table>
              ) : (
                <p>Aucune commune membre n’est enregistrée.</p>
              )}
              <LoadMore pageInfo={organization.members.pageInfo} onLoadMore={(after) => fetchMore({ variables: { after } })} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
