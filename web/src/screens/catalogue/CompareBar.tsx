import { useId } from 'react';
import { Link } from 'react-router-dom';
import { COMPARE_MAX, COMPARE_MIN, comparePath } from './catalogueParams';

/**
 * The bar that follows the catalogue while tools are ticked for comparison: the selection, and
 * « Comparer (N) », a link only when 2 to 4 tools are ticked (otherwise a disabled button saying why).
 */
export function CompareBar({
  selection,
  onRemove,
  onClear,
}: {
  /** Slug and name of each ticked tool; the name is the slug when the tool is not among the loaded results. */
  selection: readonly { slug: string; name: string }[];
  onRemove: (slug: string) => void;
  onClear: () => void;
}) {
  const explanationId = useId();
  const count = selection.length;
  if (count === 0) return null;
  const ready = count >= COMPARE_MIN && count <= COMPARE_MAX;
  const explanation =
    count < COMPARE_MIN
      ? `Cochez au moins ${COMPARE_MIN} outils pour les comparer.`
      : count > COMPARE_MAX
        ? `On compare ${COMPARE_MAX} outils au plus : décochez-en ${count - COMPARE_MAX}.`
        : `Coût sur plusieurs années, empreinte, notes et conformité, côte à côte.`;
  return (
    <section className="compare-bar" aria-label="Outils à comparer">
      <div className="compare-bar__selection">
        <p className="compare-bar__title">
          {count} {count > 1 ? 'outils sélectionnés' : 'outil sélectionné'}
        </p>
        <ul className="compare-bar__list">
          {selection.map((tool) => (
            <li key={tool.slug}>
              {tool.name}{' '}
              <button type="button" className="link-button" onClick={() => onRemove(tool.slug)}>
                Retirer<span className="visually-hidden"> {tool.name} de la sélection</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="compare-bar__actions">
        <p id={explanationId} className={ready ? 'compare-bar__hint' : 'compare-bar__hint compare-bar__hint--blocking'}>
          {explanation}
        </p>
        {ready ? (
          <Link to={comparePath(selection.map((tool) => tool.slug))} className="button" aria-describedby={explanationId}>
            Comparer ({count})
          </Link>
        ) : (
          <button type="button" className="button" disabled aria-describedby={explanationId}>
            Comparer ({count})
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onClear}>
          Vider la sélection
        </button>
      </div>
    </section>
  );
}
