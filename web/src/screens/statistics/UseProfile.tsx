import { DemoShare } from '../../components/DemoBadge';
import { NumericCell, Table } from '../../components/Table';
import { formatInteger } from '../../lib/format';
import { AI_ACT_RISK_LABELS, DEPLOYMENT_STATUS_LABELS, DEPLOYMENT_STATUS_ORDER } from '../../lib/labels';
import { formatRate } from './statisticsFormat';
import type { Stats } from './types';

const HOSTING_LABELS: Record<string, string> = { FRANCE: 'France', EU: 'Autre pays de l’UE', OUTSIDE_EU: 'Hors de l’UE', UNKNOWN: 'Non renseigné' };
const HOSTING_ORDER = ['FRANCE', 'EU', 'OUTSIDE_EU', 'UNKNOWN'];
const TIER_ORDER = ['MINIMAL', 'LIMITED', 'HIGH', 'PROHIBITED', null];

interface Row {
  key: string | null;
  label: string;
  count: number;
  demo: number;
  rate: number | null;
}

function CountTable({ title, caption, base, rows }: { title: string; caption: string; base: string; rows: Row[] }) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length > 0 ? (
        <Table caption={caption} showCaption columns={['', { label: 'Déploiements', numeric: true }, { label: base, numeric: true }]}>
          {rows.map((row) => (
            <tr key={row.key ?? 'none'}>
              <th scope="row">{row.label}</th>
              <NumericCell label="Déploiements">
                {formatInteger(row.count)}
                <DemoShare total={row.count} demo={row.demo} />
              </NumericCell>
              <NumericCell label={base}>{formatRate(row.rate)}</NumericCell>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Aucun déploiement déclaré.</p>
      )}
    </div>
  );
}

const ordered = <T extends { key: string | null }>(rows: readonly T[], order: readonly (string | null)[]) =>
  [...rows].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));

/** Where the deployments stand: their stage, where the tools in use are hosted, and their AI Act tier. */
export function UseProfile({ stats }: { stats: Stats }) {
  return (
    <div className="stat-columns">
      <CountTable
        title="Étapes des déploiements"
        caption="Déploiements déclarés par étape"
        base="Part des déploiements"
        rows={ordered(stats.byStatus, DEPLOYMENT_STATUS_ORDER).map((r) => ({ ...r, label: r.key ? DEPLOYMENT_STATUS_LABELS[r.key] : 'Non renseignée' }))}
      />
      <CountTable
        title="Hébergement des outils en usage"
        caption="Déploiements en usage par lieu d’hébergement de l’outil"
        base="Part en usage"
        rows={ordered(stats.hosting, HOSTING_ORDER).map((r) => ({ ...r, label: HOSTING_LABELS[r.key ?? 'UNKNOWN'] ?? r.key ?? '' }))}
      />
      <CountTable
        title="Niveau de risque AI Act"
        caption="Déploiements en usage par niveau de risque de l’outil (règlement européen sur l’IA)"
        base="Part en usage"
        rows={ordered(stats.aiActTiers, TIER_ORDER).map((r) => ({ ...r, label: r.key ? AI_ACT_RISK_LABELS[r.key] : 'Non évalué' }))}
      />
    </div>
  );
}
