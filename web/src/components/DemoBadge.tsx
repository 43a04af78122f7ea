import { formatInteger } from '../lib/format';

/** Marks figures that come from the demonstration data set (fictitious). */
export function DemoBadge({ show = true }: { show?: boolean }) {
  if (!show) return null;
  return (
    <span className="badge badge--demo" title="Donnée fictive, fournie pour la démonstration">
      démonstration
    </span>
  );
}

/**
 * How much of a figure counted over `total` rows (an adoption count, the reviews behind a rating) comes from the
 * demonstration data set, after the figure: « (dont 12 issus des données de démonstration) », or « (100 % démonstration) »
 * when all of it does; nothing when none of it does. `feminine` agrees the participle with the rows counted (« collectivités »).
 */
export function DemoShare({ total, demo, feminine = false }: { total: number; demo: number; feminine?: boolean }) {
  if (total <= 0 || demo <= 0) return null;
  const text =
    demo >= total
      ? '100\u00a0% démonstration'
      : `dont ${formatInteger(demo)} ${feminine ? 'issue' : 'issu'}${demo > 1 ? 's' : ''} des données de démonstration`;
  return (
    <>
      {' '}
      <span className="demo-share" title="Données fictives, fournies pour la démonstration">
        ({text})
      </span>
    </>
  );
}
