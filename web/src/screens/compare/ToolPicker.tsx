import { useId, useState } from 'react';
import { COMPARE_MAX } from './compareParams';

export interface PickableTool {
  slug: string;
  name: string;
  provider: { name: string };
  categoryDetails: { name: string };
}

/** Lower case, without accents: « Équipe » and « equipe » match. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

const SHOWN = 8;

/**
 * The tools to compare: the selection (from the URL or chosen here), and a search over the catalogue
 * by name, provider or category, accents ignored.
 */
export function ToolPicker({
  tools,
  selected,
  onChange,
  error,
}: {
  tools: readonly PickableTool[];
  selected: readonly string[];
  onChange: (slugs: string[]) => void;
  error?: string | undefined;
}) {
  const [text, setText] = useState('');
  const ids = { search: useId(), hint: useId(), error: useId() };
  const bySlug = new Map(tools.map((tool) => [tool.slug, tool]));
  const full = selected.length >= COMPARE_MAX;
  const words = fold(text).split(/\s+/).filter(Boolean);
  const matches = words.length
    ? tools
        .filter((tool) => !selected.includes(tool.slug))
        .filter((tool) => {
          const haystack = fold(`${tool.name} ${tool.provider.name} ${tool.categoryDetails.name}`);
          return words.every((word) => haystack.includes(word));
        })
    : [];

  return (
    <fieldset className={error ? 'form__group compare-picker field--error' : 'form__group compare-picker'}>
      <legend>Outils à comparer (2 à 4)</legend>
      {selected.length > 0 ? (
        <ol className="compare-picker__selection">
          {selected.map((slug) => {
            const tool = bySlug.get(slug);
            return (
              <li key={slug}>
                <span className="compare-picker__name">{tool?.name ?? slug}</span>
                {tool ? <span className="muted"> — {tool.provider.name}</span> : <span className="unknown"> — absent du catalogue</span>}{' '}
                <button type="button" className="link-button" onClick={() => onChange(selected.filter((item) => item !== slug))}>
                  Retirer<span className="visually-hidden"> {tool?.name ?? slug}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">Aucun outil choisi pour l’instant.</p>
      )}
      {error ? (
        <p id={ids.error} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={ids.search}>Ajouter un outil</label>
        <p id={ids.hint} className="field__hint">
          {full ? `${COMPARE_MAX} outils au plus : retirez-en un pour en ajouter un autre.` : 'Nom, éditeur ou catégorie.'}
        </p>
        <input
          id={ids.search}
          type="search"
          autoComplete="off"
          aria-describedby={[ids.hint, error ? ids.error : null].filter(Boolean).join(' ')}
          disabled={full}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the first match instead of submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              const first = matches[0];
              if (first && !full) {
                onChange([...selected, first.slug]);
                setText('');
              }
            }
          }}
        />
      </div>
      {words.length > 0 && !full ? (
        matches.length > 0 ? (
          <ul className="compare-picker__matches" aria-label="Outils trouvés">
            {matches.slice(0, SHOWN).map((tool) => (
              <li key={tool.slug}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onChange([...selected, tool.slug]);
                    setText('');
                  }}
                >
                  Ajouter {tool.name}
                </button>{' '}
                <span className="muted">
                  {tool.provider.name} · {tool.categoryDetails.name}
                </span>
              </li>
            ))}
            {matches.length > SHOWN ? <li className="muted">… et {matches.length - SHOWN} autres : précisez la recherche.</li> : null}
          </ul>
        ) : (
          <p className="muted">Aucun autre outil du catalogue ne correspond à « {text.trim()} ».</p>
        )
      ) : null}
    </fieldset>
  );
}
