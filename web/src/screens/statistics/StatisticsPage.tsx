import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { labelledOptions, SelectField } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../lib/format';
import { EPCI_TYPE_LABELS, ORGANIZATION_KIND_LABELS } from '../../lib/labels';
import { inRegion, regionOfDepartement } from './departements';
import { Breadcrumb, DepartementEpcis, EpciMembers, RegionDepartements, type Place } from './Drilldown';
import { ExportLinks } from './ExportLinks';
import { FranceMap } from './FranceMap';
import { KeyFigures } from './KeyFigures';
import { TrainingStatistics } from '../training/TrainingStatistics';
import { OrganizationDetailsForAuditors } from './OrganizationDetails';
import { EpciMembersQuery } from './drilldownQueries';
import { StatisticsMapQuery, StatisticsQuery } from './queries';
import { AdoptionByPopulationChart, ChartersByEpciTypeChart, FootprintChart, SpendByCategoryChart, VendorChart } from './StatisticsCharts';
import { formatRate } from './statisticsFormat';
import {
  filterScope,
  INDICATOR_LABELS,
  POPULATION_BAND_LABELS,
  readStatisticsParams,
  statisticsSearch,
  toStatsScope,
  writeStatisticsParams,
  type Indicator,
  type StatisticsParams,
} from './statisticsParams';
import type { MapStats, Stats } from './types';
import './statistics.css';

const link = (params: StatisticsParams, change: Partial<StatisticsParams>) => `/statistiques${statisticsSearch(params, change)}`;
const NO_PLACE: Partial<StatisticsParams> = { region: '', departement: '', epci: '' };

/** The path of the view, from France to the EPCI, named from the map's figures (and the EPCI's own record). */
function usePlaces(params: StatisticsParams, map: MapStats | undefined): Place[] {
  const { data } = useQuery(EpciMembersQuery, { variables: { siren: params.epci }, skip: !params.epci });
  const places: Place[] = [{ label: 'France', to: link(params, NO_PLACE) }];
  if (params.region) {
    const label = map?.regions.find((row) => row.key === params.region)?.label ?? `Région ${params.region}`;
    places.push({ label, to: link(params, { departement: '', epci: '' }) });
  }
  if (params.departement) {
    const label = map?.departements.find((row) => row.key === params.departement)?.label ?? `Département ${params.departement}`;
    places.push({ label, to: link(params, { epci: '' }) });
  }
  if (params.epci) {
    places.push({ label: data?.organization?.name ?? `EPCI ${params.epci}`, to: link(params, {}) });
  }
  return places;
}

/** « Statistiques » : adoption of AI by the collectivités, from all of France down to an EPCI, with its map and charts. */
export function StatisticsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readStatisticsParams(searchParams);
  const scope = toStatsScope(params);
  const setParams = (change: Partial<StatisticsParams>) => setSearchParams((current) => writeStatisticsParams(current, change));

  const stats = useQuery(StatisticsQuery, { variables: { scope } });
  const mapQuery = useQuery(StatisticsMapQuery, { variables: { scope: filterScope(params) }, fetchPolicy: 'no-cache' });
  const mapResult = mapQuery.data?.adoptionStats;
  const map = mapResult?.__typename === 'QueryAdoptionStatsSuccess' ? mapResult.data : undefined;
  const places = usePlaces(params, map);
  const here = places.at(-1)?.label ?? 'France';

  const regionOptions = (map?.regions ?? [])
    .filter((row) => row.key !== 'NONE' && row.key !== 'UNKNOWN')
    .map((row) => ({ value: row.key, label: row.label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));

  return (
    <div className="statistics">
      <title>{`Statistiques : ${here} — Mutualis`}</title>
      <Breadcrumb places={places} />
      <h1>Statistiques d’adoption de l’IA : {here}</h1>
      <p className="lead">
        Ce que les collectivités déclarent sur Mutualis : outils d’IA utilisés, chartes éthiques, dépenses, fournisseurs et empreinte
        environnementale. Choisissez un territoire sur la carte ou dans la liste pour descendre jusqu’aux communes.
      </p>

      <form className="filters" aria-label="Périmètre des statistiques" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Région"
          placeholder="Toute la France"
          options={regionOptions}
          value={params.region}
          onChange={(region) => setParams({ region, departement: '', epci: '' })}
        />
        <SelectField
          label="Type d’EPCI"
          placeholder="Tous les types"
          options={labelledOptions(EPCI_TYPE_LABELS)}
          value={params.epciType}
          onChange={(epciType) => setParams({ epciType })}
        />
        <SelectField
          label="Nature de collectivité"
          placeholder="Toutes"
          options={labelledOptions(ORGANIZATION_KIND_LABELS)}
          value={params.organizationKind}
          onChange={(organizationKind) => setParams({ organizationKind })}
        />
        <SelectField
          label="Tranche de population"
          placeholder="Toutes"
          options={labelledOptions(POPULATION_BAND_LABELS)}
          value={params.populationBand}
          onChange={(populationBand) => setParams({ populationBand })}
        />
      </form>

      <QueryState data={stats.data} error={stats.error} refetch={stats.refetch} loadingLabel="Calcul des statistiques…">
        {({ adoptionStats }) =>
          adoptionStats.__typename === 'QueryAdoptionStatsSuccess' ? (
            <ScopeStatistics stats={adoptionStats.data} params={params} map={map} mapQuery={mapQuery} setIndicator={(indicator) => setParams({ indicator })} />
          ) : (
            <div role="alert" className="query-error">
              <p className="query-error__title">Statistiques indisponibles pour ce périmètre.</p>
              <p>{'message' in adoptionStats ? adoptionStats.message : 'Le serveur a refusé la demande.'}</p>
            </div>
          )
        }
      </QueryState>
    </div>
  );
}

const BAND_ORDER = Object.keys(POPULATION_BAND_LABELS);

/** The population bands from the smallest to the largest (the API orders them by code), « non renseignée » last. */
function byBandOrder<T extends { key: string }>(rows: readonly T[]): T[] {
  const rank = (key: string) => (BAND_ORDER.includes(key) ? BAND_ORDER.indexOf(key) : BAND_ORDER.length);
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key));
}

function DemoBanner({ stats }: { stats: Stats }) {
  const demoParts = [stats.deployments, stats.declaring, stats.chartersAdopted, stats.chartersPlanned].some((count) => count.demo > 0);
  if (!demoParts) return null;
  return (
    <div className="notice notice--warning stat-demo-banner" role="note" aria-label="Données de démonstration">
      <p>
        <strong>Données de démonstration.</strong> Une partie de ces chiffres vient du jeu de démonstration (fictif) :{' '}
        {formatRate(stats.deployments.demoShare)} des déploiements et {formatRate(stats.declaring.demoShare)} des collectivités déclarantes.
        Chaque chiffre dit sa part de démonstration, et les taux sans elle sont donnés quand ils diffèrent.
      </p>
    </div>
  );
}

function ScopeStatistics(props: {
  stats: Stats;
  params: StatisticsParams;
  map: MapStats | undefined;
  mapQuery: { error?: unknown; refetch: () => Promise<unknown>; data?: unknown };
  setIndicator: (indicator: Indicator) => void;
}) {
  const { stats, params, map } = props;
  const scope = toStatsScope(params);
  const regionDepartements = params.region && map ? map.departements.filter((row) => inRegion(row.key, params.region)) : [];
  const hrefFor = (code: string) => link(params, { region: regionOfDepartement(code) ?? '', departement: code, epci: '' });
  return (
    <>
      <DemoBanner stats={stats} />
      <p className="stat-note">Chiffres calculés le {formatDateTime(stats.generatedAt)}, à partir des déclarations des collectivités.</p>

      <KeyFigures stats={stats} />
      <TrainingStatistics stats={stats} level={params.departement || params.epci ? 'below' : params.region ? 'region' : 'france'} />

      <section aria-labelledby="carte" className="stat-section">
        <h2 id="carte">Carte des départements</h2>
        <SelectField
          className="stat-indicator"
          label="Indicateur de la carte"
          options={(Object.keys(INDICATOR_LABELS) as Indicator[]).map((value) => ({ value, label: INDICATOR_LABELS[value] }))}
          value={params.indicator}
          onChange={props.setIndicator}
        />
        {map ? (
          <FranceMap
            departements={map.departements}
            indicator={params.indicator}
            region={params.region}
            departement={params.departement}
            hrefFor={hrefFor}
            isInRegion={(code) => Boolean(params.region) && inRegion(code, params.region)}
          />
        ) : props.mapQuery.error ? (
          <p role="alert">La carte n’a pas pu être chargée.</p>
        ) : (
          <p role="status" className="query-loading">
            Chargement de la carte…
          </p>
        )}
      </section>

      {params.region && !params.departement && regionDepartements.length > 0 ? <RegionDepartements params={params} departements={regionDepartements} /> : null}
      {params.departement && !params.epci ? <DepartementEpcis params={params} /> : null}
      {params.epci ? <EpciMembers siren={params.epci} /> : null}

      <section aria-labelledby="graphiques" className="stat-section">
        <h2 id="graphiques">Graphiques</h2>
        <VendorChart stats={stats} />
        <ChartersByEpciTypeChart rows={stats.epciTypes} />
        <SpendByCategoryChart stats={stats} />
        <FootprintChart stats={stats} />
        <AdoptionByPopulationChart rows={byBandOrder(stats.populationBands)} />
      </section>

      <ExportLinks scope={scope} />
      <OrganizationDetailsForAuditors scope={scope} />
    </>
  );
}
