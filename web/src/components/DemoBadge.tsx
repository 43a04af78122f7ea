/** Marks figures that come from the demonstration data set (fictitious). */
export function DemoBadge({ show = true }: { show?: boolean }) {
  if (!show) return null;
  return (
    <span className="badge badge--demo" title="Donnée fictive, fournie pour la démonstration">
      démonstration
    </span>
  );
}
