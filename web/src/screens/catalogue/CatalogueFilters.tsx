import { useId } from 'react';
import { Options } from '../../components/Form';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { AiActRiskTier } from '../../gql/graphql';
import { formatCountry, formatInteger } from '../../lib/format';
import { AI_ACT_RISK_LABELS } from '../../lib/labels';
import { MIN_RATING_OPTIONS, toggle, type CatalogueParams } from './catalogueParams';

export const CatalogueFilters_connection = graphql(`
  fragment CatalogueFilters_connection on CatalogueConnection {
    facets {
      categories {
        value
        count
      }
      hostingCountries {
        value
        count
      }
      aiActRiskTiers {
        value
        count
      }
    }
  }
`);

/** The API's facet value for "not provided". */
const UNKNOWN = 'UNKNOWN';

interface Option {
  value: string;
  label: string;
  count: number;
}

/**
 * The facet's values with their counts (each count applies every other criterion), plus the chosen values
 * the facet no longer lists (zero tools with the other criteria), so that they can still be unticked.
 */
function options(facet: readonly { value: string; count: number }[], chosen: readonly string[], label: (value: string) => string): Option[] {
  const listed = facet.filter((item) => item.value !== UNKNOWN).map((item) => ({ value: item.value, label: label(item.value), count: item.count }));
  const missing = chosen.filter((value) => !facet.some((item) => item.value === value)).map((value) => ({ value, label: label(value), count: 0 }));
  return [...listed, ...missing];
}

function CheckboxList({
  legend,
  items,
  chosen,
  onChange,
  unknownCount,
  unknownLabel,
}: {
  legend: string;
  items: Option[];
  chosen: readonly string[];
  onChange: (values: string[]) => void;
  unknownCount?: number | undefined;
  unknownLabel?: string;
}) {
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {items.length === 0 ? <p className="facet__empty">Aucune valeur pour ces critères.</p> : null}
      <ul className="facet__list">
        {items.map((item) => (
          <li key={item.value}>
            <label className="facet__option">
              <input
                type="checkbox"
                checked={chosen.includes(item.value)}
                onChange={(event) => onChange(toggle(chosen, item.value, event.target.checked))}
              />
              <span className="facet__label">{item.label}</span> <span className="facet__count">({formatInteger(item.count)})</span>
            </label>
          </li>
        ))}
      </ul>
      {unknownCount ? (
        // The API counts tools whose value is not provided, but cannot filter on them: shown, not offered.
        <p className="facet__unknown">
          {unknownLabel} : {formatInteger(unknownCount)} {unknownCount > 1 ? 'outils' : 'outil'}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The facet filters of the catalogue; every change goes to the URL through `onChange`. */
export function CatalogueFilters(props: {
  connection: FragmentType<typeof CatalogueFilters_connection>;
  categoryNames: ReadonlyMap<string, string>;
  params: CatalogueParams;
  onChange: (change: Partial<CatalogueParams>) => void;
}) {
  const { facets } = getFragmentData(CatalogueFilters_connection, props.connection);
  const { params, onChange, categoryNames } = props;
  const ratingId = useId();
  const unknownCount = (facet: readonly { value: string; count: number }[]) => facet.find((item) => item.value === UNKNOWN)?.count;
  const active =
    params.categories.length + params.countries.length + params.tiers.length > 0 ||
    params.euOnly ||
    params.secNumCloud ||
    params.openSource ||
    params.minRating !== '';

  return (
    <div className="facets" role="group" aria-label="Filtres du catalogue">
      <CheckboxList
        legend="Catégorie"
        items={options(facets.categories, params.categories, (slug) => categoryNames.get(slug) ?? slug)}
        chosen={params.categories}
        onChange={(categories) => onChange({ categories })}
      />

      <fieldset className="facet">
        <legend>Hébergement</legend>
        <label className="facet__option facet__option--strong">
          <input
            type="checkbox"
            checked={params.euOnly}
            onChange={(event) => onChange(event.target.checked ? { euOnly: true } : { euOnly: false, includeUnknownHosting: false })}
          />
          Hébergé dans l’UE uniquement
        </label>
        {params.euOnly ? (
          <label className="facet__option facet__option--nested">
            <input
              type="checkbox"
              checked={params.includeUnknownHosting}
              onChange={(event) => onChange({ includeUnknownHosting: event.target.checked })}
            />
            Inclure les outils dont l’hébergement n’est pas renseigné
          </label>
        ) : null}
        <ul className="facet__list">
          {options(facets.hostingCountries, params.countries, formatCountry).map((item) => (
            <li key={item.value}>
              <label className="facet__option">
                <input
                  type="checkbox"
                  checked={params.countries.includes(item.value)}
                  onChange={(event) => onChange({ countries: toggle(params.countries, item.value, event.target.checked) })}
                />
                <span className="facet__label">{item.label}</span>{' '}
                <span className="facet__count">({formatInteger(item.count)})</span>
              </label>
            </li>
          ))}
        </ul>
        {unknownCount(facets.hostingCountries) ? (
          <p className="facet__unknown">
            Pays non renseigné : {formatInteger(unknownCount(facets.hostingCountries) ?? 0)}{' '}
            {(unknownCount(facets.hostingCountries) ?? 0) > 1 ? 'outils' : 'outil'}
            {params.euOnly ? (params.includeUnknownHosting ? ', inclus à votre demande' : ', exclus par « UE uniquement »') : null}
          </p>
        ) : null}
      </fieldset>

      <CheckboxList
        legend="Niveau de risque (AI Act)"
        items={options(facets.aiActRiskTiers, params.tiers, (tier) => AI_ACT_RISK_LABELS[tier as AiActRiskTier] ?? tier)}
        chosen={params.tiers}
        onChange={(tiers) => onChange({ tiers: tiers as AiActRiskTier[] })}
        unknownCount={unknownCount(facets.aiActRiskTiers)}
        unknownLabel="Niveau non évalué"
      />

      <fieldset className="facet">
        <legend>Exigences</legend>
        <label className="facet__option">
          <input type="checkbox" checked={params.secNumCloud} onChange={(event) => onChange({ secNumCloud: event.target.checked })} />
          Qualifié SecNumCloud
        </label>
        <label className="facet__option">
          <input type="checkbox" checked={params.openSource} onChange={(event) => onChange({ openSource: event.target.checked })} />
          Logiciel libre
        </label>
        <div className="facet__field">
          <label htmlFor={ratingId}>Note minimale</label>
          <select id={ratingId} value={params.minRating} onChange={(event) => onChange({ minRating: event.target.value })}>
            <Options options={MIN_RATING_OPTIONS} />
          </select>
        </div>
      </fieldset>

      {active ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            onChange({ categories: [], countries: [], euOnly: false, includeUnknownHosting: false, tiers: [], secNumCloud: false, openSource: false, minRating: '' })
          }
        >
          Effacer les filtres
        </button>
      ) : null}
    </div>
  );
}
