import { useQuery } from '@apollo/client/react';
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { getFragmentData, graphql } from '../gql';
import type { OrganizationOption_OrganizationFragment, OrganizationSummary_OrganizationFragment } from '../gql/graphql';
import { formatInteger } from '../lib/format';
import { EPCI_TYPE_LABELS, ORGANIZATION_KIND_LABELS } from '../lib/labels';
import { useDebounced } from '../lib/useDebouncedSearch';
import { Field, IntegerField } from './Form';
import { ErrorMessage } from './QueryState';
import './organization-search.css';

// Finding a collectivité in a form, by its SIREN or by its name, with the two queries below; each screen
// says what it shows of the collectivité found.

/** What the forms, the search results and the directory show of a collectivité. */
export const OrganizationSummary_organization = graphql(`
  fragment OrganizationSummary_organization on Organization {
    id
    siren
    name
    kind
    epciType
    departementCode
    population
  }
`);

/** The collectivité behind a SIREN. */
export const OrganizationBySirenQuery = graphql(`
  query OrganizationBySirenQuery($siren: String!) {
    organization(siren: $siren) {
      ...OrganizationSummary_organization
    }
  }
`);

/** What an option of the search shows: what tells homonyms apart (nature, département, population). */
export const OrganizationOption_organization = graphql(`
  fragment OrganizationOption_organization on Organization {
    id
    siren
    name
    kind
    epciType
    departementCode
    departementName
    population
    populationTotale
  }
`);

/** The first collectivités a search finds (name, SIREN or INSEE code), best ranked first (the server ranks). */
export const OrganizationSearchQuery = graphql(`
  query OrganizationSearchQuery($search: String!) {
    organizations(filter: { search: $search }, first: 8) {
      edges {
        node {
          ...OrganizationOption_organization
        }
      }
    }
  }
`);

const SIREN = /^\d{9}$/;

/** Nine digits, once the spaces are taken out. */
export const isSiren = (value: string) => SIREN.test(value);

/** A SIREN as typed (`212 500 565`), without its spaces. */
export const compactSiren = (value: string) => value.replace(/\s/g, '');

/** A Field for a SIREN: nine digits, spaces allowed. */
export function SirenField(props: Parameters<typeof IntegerField>[0]) {
  return <IntegerField autoComplete="off" maxLength={11} {...props} />;
}

/** What is known of a collectivité found. */
export type OrganizationSummary = OrganizationSummary_OrganizationFragment;

/**
 * The collectivité behind a typed SIREN, looked up once the nine digits are there; `children` says what
 * is shown of it once found.
 */
export function SirenLookup(props: { siren: string; children: (organization: OrganizationSummary) => ReactNode }) {
  const siren = compactSiren(props.siren);
  const valid = isSiren(siren);
  const { data, error, refetch } = useQuery(OrganizationBySirenQuery, { variables: { siren }, skip: !valid });
  if (!valid) return null;
  if (error) return <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <p className="lookup lookup--pending">Recherche de la collectivité…</p>;
  const organization = getFragmentData(OrganizationSummary_organization, data.organization);
  if (!organization) return <p className="lookup lookup--missing">Aucune collectivité ne porte ce SIREN.</p>;
  return (
    <p className="lookup lookup--found" aria-live="polite">
      {props.children(organization)}
    </p>
  );
}

/** A collectivité found by the search. */
export type OrganizationOption = OrganizationOption_OrganizationFragment;

/** « commune », « communauté d'agglomération », « département »… */
function natureWord(organization: Pick<OrganizationOption, 'kind' | 'epciType'>): string {
  const label = organization.kind === 'EPCI' && organization.epciType ? EPCI_TYPE_LABELS[organization.epciType] : ORGANIZATION_KIND_LABELS[organization.kind];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** « Saône — commune, Doubs (25), 3 195 hab. »: an EPCI counts its population totale. */
export function organizationOptionLabel(organization: OrganizationOption): string {
  const departement = organization.departementCode
    ? `, ${organization.departementName && organization.kind !== 'DEPARTEMENT' ? `${organization.departementName} (${organization.departementCode})` : organization.departementCode}`
    : '';
  const population = organization.kind === 'EPCI' ? (organization.populationTotale ?? organization.population) : organization.population;
  return `${organization.name} — ${natureWord(organization)}${departement}${population != null ? `, ${formatInteger(population)} hab.` : ''}`;
}

/**
 * A combobox (ARIA 1.2, list autocomplete) that finds a collectivité by name, SIREN or INSEE code and gives its SIREN
 * to `onChoose` (and the whole option to `onChooseOrganization`). Arrow keys move in the list, Enter chooses, Escape
 * closes. Each option says « Saône — commune, Doubs (25), 3 195 hab. », then what `details` adds.
 */
export function OrganizationSearch(props: {
  label: string;
  onChoose: (siren: string) => void;
  onChooseOrganization?: (organization: OrganizationOption) => void;
  /** The search box is emptied once a collectivité is chosen (otherwise it shows its name). */
  clearOnChoose?: boolean;
  hint?: string;
  error?: string;
  details?: (organization: OrganizationOption) => ReactNode;
}) {
  const { details } = props;
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(text.trim());
  const searching = search.length >= 2;
  // Not cached: an eight-line suggestion list must not stand in for the directory's result of the same search.
  const { data, error, refetch } = useQuery(OrganizationSearchQuery, { variables: { search }, skip: !searching, fetchPolicy: 'no-cache' });
  const results = searching && data ? data.organizations.edges.map((edge) => getFragmentData(OrganizationOption_organization, edge.node)).filter((node) => node.siren) : [];
  const expanded = open && results.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  const choose = (organization: OrganizationOption) => {
    props.onChoose(organization.siren ?? '');
    props.onChooseOrganization?.(organization);
    setText(props.clearOnChoose ? '' : organization.name);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!results.length) return;
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (!open || current < 0 ? (step > 0 ? 0 : results.length - 1) : (current + step + results.length) % results.length));
    } else if (event.key === 'Enter' && expanded && active >= 0 && results[active]) {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="combobox">
      <Field label={props.label} hint={props.hint ?? 'Nom, SIREN ou code INSEE : au moins deux caractères.'} error={props.error}>
        {(control) => (
          <input
            {...control}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => setOpen(true)}
          />
        )}
      </Field>
      <ul id={listId} role="listbox" aria-label={`${props.label} : résultats`} className="combobox__list" hidden={!expanded}>
        {results.map((organization, index) => (
          <li
            key={organization.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'combobox__option combobox__option--active' : 'combobox__option'}
            // keeps the focus in the box: the click chooses before any blur closes the list
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(organization)}
          >
            {organizationOptionLabel(organization)}
            {details ? <span className="muted"> · {details(organization)}</span> : null}
          </li>
        ))}
      </ul>
      <div aria-live="polite" className="combobox__status">
        {searching && error ? <ErrorMessage error={error} onRetry={() => void refetch().catch(() => undefined)} /> : null}
        {searching && !error && !data ? <p className="lookup lookup--pending">Recherche…</p> : null}
        {searching && data && results.length === 0 ? <p className="lookup lookup--missing">Aucune collectivité ne correspond à « {search} ».</p> : null}
        {expanded ? <p className="visually-hidden">{results.length} résultats : flèches haut et bas pour parcourir, Entrée pour choisir.</p> : null}
      </div>
    </div>
  );
}
