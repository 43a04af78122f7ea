import { DemoShare } from '../../components/DemoBadge';
import { NumericCell, Table } from '../../components/Table';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatInteger } from '../../lib/format';
import { formatRate } from '../statistics/statisticsFormat';

// The training figures of the statistics page: the agents and elected officials trained that the collectivités of the
// scope declared (each counts once, with its latest declared year), per year, and by région or département.


export const TrainingStatistics_stats = graphql(`
  fragment TrainingStatistics_stats on AdoptionStats {
    training {
      organizations
      firstYear
      lastYear
      declaring {
        count
        demo
        rate
      }
      agentsTrained {
        count
        demo
      }
      electedTrained {
        count
        demo
      }
      byYear {
        year
        declaring {
          count
          demo
        }
        agentsTrained {
          count
          demo
        }
        electedTrained {
          count
          demo
        }
      }
      regions: breakdown(by: REGION) {
        key
        label
        declaring {
          count
          demo
        }
        agentsTrained {
          count
          demo
        }
        electedTrained {
          count
          demo
        }
      }
      departements: breakdown(by: DEPARTEMENT) {
        key
        label
        declaring {
          count
          demo
        }
        agentsTrained {
          count
          demo
        }
        electedTrained {
          count
          demo
        }
      }
    }
  }
`);

interface Count {
  count: number;
  demo: number;
}

function Trained({ count, feminine = false }: { count: Count; feminine?: boolean }) {
  return (
    <>
      {formatInteger(count.count)}
      <DemoShare total={count.count} demo={count.demo} feminine={feminine} />
    </>
  );
}

/**
 * « Formation des agents et des élus » on the statistics page; `level` says which children the scope has: the
 * régions of France, the départements of a région, none below.
 */
export function TrainingStatistics(props: { stats: FragmentType<typeof TrainingStatistics_stats>; level: 'france' | 'region' | 'below' }) {
  const { training } = getFragmentData(TrainingStatistics_stats, props.stats);
  const children = props.level === 'france' ? training.regions : props.level === 'region' ? training.departements : [];
  const declared = children.filter((row) => row.declaring.count > 0 && row.key !== 'NONE');
  return (
    <section aria-labelledby="formation" className="stat-section">
      <h2 id="formation">Formation des agents et des élus</h2>
      <p className="stat-note">
        Déclarations des collectivités : chacune compte une fois, avec sa dernière année déclarée
        {training.firstYear != null && training.lastYear != null
          ? training.firstYear === training.lastYear
            ? ` (${training.lastYear})`
            : ` (de ${training.firstYear} à ${training.lastYear})`
          : ''}
        .
      </p>
      <dl className="stat-figures">
        <div className="stat-figure">
          <dt>Collectivités qui déclarent des formations</dt>
          <dd>
            <span className="stat-figure__value">
              <Trained count={training.declaring} feminine />
            </span>
            <span className="stat-figure__detail">
              {' '}
              sur {formatInteger(training.organizations)} ({formatRate(training.declaring.rate)})
            </span>
          </dd>
        </div>
        <div className="stat-figure">
          <dt>Agents formés</dt>
          <dd>
            <span className="stat-figure__value">
              <Trained count={training.agentsTrained} />
            </span>
          </dd>
        </div>
        <div className="stat-figure">
          <dt>Élus formés</dt>
          <dd>
            <span className="stat-figure__value">
              <Trained count={training.electedTrained} />
            </span>
          </dd>
        </div>
      </dl>
      {training.byYear.length > 0 ? (
        <Table caption="Formations déclarées par année" showCaption columns={['Année', { label: 'Collectivités', numeric: true }, { label: 'Agents formés', numeric: true }, { label: 'Élus formés', numeric: true }]}>
          {training.byYear.map((row) => (
            <TrainedRow key={row.year} label={String(row.year)} row={row} />
          ))}
        </Table>
      ) : (
        <p>Aucune collectivité de ce périmètre n’a encore déclaré de formation.</p>
      )}
      {declared.length > 0 ? (
        <Table
          caption={props.level === 'france' ? 'Formations déclarées par région' : 'Formations déclarées par département'}
          showCaption
          columns={[props.level === 'france' ? 'Région' : 'Département', { label: 'Collectivités', numeric: true }, { label: 'Agents formés', numeric: true }, { label: 'Élus formés', numeric: true }]}
        >
          {declared.map((row) => (
            <TrainedRow key={row.key} label={row.label} row={row} />
          ))}
        </Table>
      ) : null}
    </section>
  );
}

/** One line of a training table: the territory or year, then organizations declaring, agents and elected officials trained. */
function TrainedRow({ label, row }: { label: string; row: TrainedFigures }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <TrainedCells row={row} />
    </tr>
  );
}

interface TrainedFigures {
  declaring: Count;
  agentsTrained: Count;
  electedTrained: Count;
}

function TrainedCells({ row }: { row: TrainedFigures }) {
  return (
    <>
      <NumericCell label="Collectivités">
        <Trained count={row.declaring} feminine />
      </NumericCell>
      <NumericCell label="Agents formés">
        <Trained count={row.agentsTrained} />
      </NumericCell>
      <NumericCell label="Élus formés">
        <Trained count={row.electedTrained} />
      </NumericCell>
    </>
  );
}
