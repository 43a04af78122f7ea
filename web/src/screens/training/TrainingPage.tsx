import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { labelledOptions, SearchField, SelectField } from '../../components/Form';
import { LoadMore } from '../../components/LoadMoreButton';
import { QueryState } from '../../components/QueryState';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { TrainingAudience, TrainingFormat } from '../../gql/graphql';
import { formatDate, formatInteger, formatLanguage } from '../../lib/format';
import { DeclareTraining } from './DeclareTraining';
import { AUDIENCE_LABELS, formatDuration, formatTrainingCost, FORMAT_LABELS } from './trainingLabels';
import './training.css';

export const TrainingCard_training = graphql(`
  fragment TrainingCard_training on Training {
    id
    title
    provider
    description
    audiences
    format
    durationHours
    cost
    costNote
    isFree
    language
    sourceUrl
    sourceDate
    isDemo
  }
`);

export const TrainingPageQuery = graphql(`
  query TrainingPageQuery($filter: TrainingFilter, $first: Int!, $after: String) {
    viewerCan {
      actForOrganization
    }
    trainings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...TrainingCard_training
        }
      }
    }
  }
`);

export const TRAINING_PAGE_SIZE = 20;

/** One entry: its title, badges, then each fact with its label, and its source with the date it was read. */
export function TrainingCard(props: { training: FragmentType<typeof TrainingCard_training> }) {
  const training = getFragmentData(TrainingCard_training, props.training);
  return (
    <li className="training-card">
      <h2>
        {training.title} <DemoBadge show={training.isDemo} />
      </h2>
      <p className="training-card__provider">{training.provider}</p>
      <p>{training.description}</p>
      <dl className="training-card__facts">
        <div>
          <dt>Public</dt>
          <dd>{training.audiences.map((audience) => AUDIENCE_LABELS[audience]).join(', ')}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{FORMAT_LABELS[training.format]}</dd>
        </div>
        <div>
          <dt>Durée</dt>
          <dd>{formatDuration(training.durationHours)}</dd>
        </div>
        <div>
          <dt>Coût</dt>
          <dd>{formatTrainingCost(training)}</dd>
        </div>
        <div>
          <dt>Langue</dt>
          <dd>{formatLanguage(training.language)}</dd>
        </div>
      </dl>
      <p className="source-note">
        Source :{' '}
        <a href={training.sourceUrl} rel="noopener noreferrer external">
          {training.sourceUrl}
        </a>
        , consultée le <time dateTime={training.sourceDate}>{formatDate(training.sourceDate)}</time>
      </p>
    </li>
  );
}

const countLabel = (count: number) => (count === 0 ? 'Aucune formation' : `${formatInteger(count)} formation${count > 1 ? 's' : ''}`);

/** /formations — the sourced catalogue of AI training for agents, DSIs and elected officials; members declare who was trained. */
export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const audience = (params.get('public') ?? '') as TrainingAudience | '';
  const format = (params.get('format') ?? '') as TrainingFormat | '';
  const search = params.get('q') ?? '';
  const setParam = (name: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  const words = search.trim().slice(0, 100);
  const filter = audience || format || words ? { ...(audience ? { audience } : {}), ...(format ? { format } : {}), ...(words ? { search: words } : {}) } : null;
  const { data, previousData, error, refetch, fetchMore } = useQuery(TrainingPageQuery, {
    variables: { filter, first: TRAINING_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? (error ? undefined : previousData);

  return (
    <>
      <title>Formations — Mutualis</title>
      <h1>Formations à l’IA</h1>
      <p className="lead">
        Des formations à l’intelligence artificielle pour les agents, les DSI et les élus, chacune avec son organisme, son format, sa
        durée, son coût et la source où elle est décrite. Le rapport du Sénat n° 447 du 13 mars 2025 recommande de former les élus et
        les agents (source : Sénat, rapport n° 447, 13 mars 2025).
      </p>

      {shown?.viewerCan.actForOrganization ? <DeclareTraining /> : null}

      <form className="filters" aria-label="Filtrer les formations" onSubmit={(event) => event.preventDefault()}>
        <SearchField label="Rechercher une formation" placeholder="Titre, organisme, description…" maxLength={100} value={search} onChange={(value) => setParam('q', value)} />
        <SelectField label="Public" placeholder="Tous les publics" options={labelledOptions(AUDIENCE_LABELS)} value={audience} onChange={(value) => setParam('public', value)} />
        <SelectField label="Format" placeholder="Tous les formats" options={labelledOptions(FORMAT_LABELS)} value={format} onChange={(value) => setParam('format', value)} />
      </form>

      <QueryState data={shown} error={error} refetch={refetch} loadingLabel="Chargement des formations…">
        {(result) => {
          const trainings = result.trainings.edges.map((edge) => getFragmentData(TrainingCard_training, edge.node));
          return (
            <section aria-labelledby="catalogue-formations" aria-busy={!data}>
              <h2 id="catalogue-formations" className="visually-hidden">
                Catalogue des formations
              </h2>
              <p role="status">{countLabel(result.trainings.totalCount)}, les entrées sourcées d’abord</p>
              {trainings.some((training) => training.isDemo) ? (
                <p className="notice notice--warning" role="note">
                  Les entrées marquées « démonstration » sont fictives : rédigées pour montrer le catalogue, elles ne décrivent pas une offre
                  réelle.
                </p>
              ) : null}
              <ul className="training-list">
                {result.trainings.edges.map((edge) => (
                  <TrainingCard key={edge.node.id} training={edge.node} />
                ))}
              </ul>
              <LoadMore
                pageInfo={result.trainings.pageInfo}
                onLoadMore={(after) =>
                  fetchMore({
                    variables: { after },
                    updateQuery: (previous, { fetchMoreResult }) => ({
                      ...fetchMoreResult,
                      trainings: { ...fetchMoreResult.trainings, edges: [...previous.trainings.edges, ...fetchMoreResult.trainings.edges] },
                    }),
                  })
                }
              />
            </section>
          );
        }}
      </QueryState>
    </>
  );
}
