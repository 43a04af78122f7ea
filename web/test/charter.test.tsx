import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CharterBuilderPageQuery } from '../src/screens/charter/CharterBuilderPage';
import { CharterPrintPageQuery } from '../src/screens/charter/CharterPrintPage';
import { PublishCharterMutation, SaveCharterDraftMutation } from '../src/screens/charter/useCharterMutations';
import { answer, CAN, failOnConsoleErrors, renderApp, viewerFixture, type Fixture } from './helpers';

failOnConsoleErrors();

type Builder = Fixture<typeof CharterBuilderPageQuery>;
type Org = NonNullable<Builder['viewer']>['organization'];

const PRINCIPLES: Builder['charterModel']['principles'] = [
  { __typename: 'CharterPrinciple', key: 'HUMAN_OVERSIGHT', title: 'Contrôle humain', text: 'Un système d’IA aide les agents ; il ne décide pas à leur place.' },
  { __typename: 'CharterPrinciple', key: 'TRANSPARENCY', title: 'Transparence envers les habitants', text: 'Les habitants sont informés (article 50).' },
  { __typename: 'CharterPrinciple', key: 'DATA_PROTECTION', title: 'Protection des données', text: 'Une AIPD est conduite.' },
  { __typename: 'CharterPrinciple', key: 'ENVIRONMENTAL_SOBRIETY', title: 'Sobriété environnementale', text: 'Le modèle le plus léger.' },
  { __typename: 'CharterPrinciple', key: 'VENDOR_INDEPENDENCE', title: 'Indépendance vis-à-vis des fournisseurs', text: 'Réversibilité.' },
  { __typename: 'CharterPrinciple', key: 'AGENT_TRAINING', title: 'Formation des agents', text: 'Maîtrise de l’IA (article 4).' },
];

const MODEL: Builder['charterModel'] = {
  __typename: 'CharterModel',
  version: '1.0',
  date: '2026-12-07',
  preamble: 'Préambule du modèle.',
  principles: PRINCIPLES,
  references: [{ __typename: 'CharterReference', label: 'Sénat, rapport d’information n° 447 (2024-2025) du 13 mars 2025', url: null }],
  limits: { __typename: 'CharterLimits', customPrinciples: 10, customTitle: 120, customText: 2000, preamble: 4000 },
};

/** Besançon as the builder's fragment reads it. */
function fields(overrides: Partial<Omit<Org, 'viewerCanAdminister'>> = {}): Omit<Org, 'viewerCanAdminister'> {
  return {
    __typename: 'Organization',
    id: 'Organization:212500565',
    siren: '212500565',
    name: 'Besançon',
    charter: { __typename: 'Charter', status: 'NONE', adoptedAt: null },
    charterDraft: null,
    ...overrides,
  };
}

const organization = (overrides: Partial<Org> = {}): Org => ({ ...fields(overrides), viewerCanAdminister: overrides.viewerCanAdminister ?? true });

const builder = (org: Org | null): Builder => ({ charterModel: MODEL, viewer: org ? { __typename: 'User', id: 'User:7', organization: org } : null });

const ADMIN = viewerFixture({ roles: ['MEMBER', 'ORG_ADMIN'], can: CAN.orgAdmin });

describe('the charter builder', () => {
  it('lets an ORG_ADMIN tick two principles, add an own one, preview it, then publish after a confirmation saying the status becomes « adoptée »', async () => {
    const saved: unknown[] = [];
    const draft = {
      __typename: 'CharterDraft' as const,
      principles: ['HUMAN_OVERSIGHT', 'TRANSPARENCY'] as ('HUMAN_OVERSIGHT' | 'TRANSPARENCY')[],
      customPrinciples: [{ __typename: 'CustomCharterPrinciple' as const, title: 'Associer les habitants', text: 'Un comité est consulté.' }],
      preamble: null,
      updatedAt: '2026-12-07T10:00:00.000Z',
      publishedAt: null,
    };
    renderApp(
      '/mon-organisation/charte',
      [
        answer(CharterBuilderPageQuery, {}, builder(organization())),
        answer(SaveCharterDraftMutation, (variables) => (saved.push(variables), true), {
          saveCharterDraft: {
            __typename: 'MutationSaveCharterDraftSuccess',
            data: { __typename: 'CharterDraft', organization: fields({ charterDraft: draft }) },
          },
        }),
        answer(PublishCharterMutation, { organizationSiren: '212500565' }, {
          publishCharter: {
            __typename: 'MutationPublishCharterSuccess',
            data: {
              ...fields({ charterDraft: { ...draft, publishedAt: '2026-12-07T10:01:00.000Z' } }),
              charter: { __typename: 'Charter', status: 'ADOPTED', adoptedAt: '2026-12-07', url: '/territoires/212500565/charte', isDemo: false },
            },
          },
        }),
      ],
      { viewer: ADMIN },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Charte éthique de l’IA' })).toBeTruthy();
    expect(screen.getByText("Aucune charte éthique de l'IA connue")).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Composer la charte' });
    // the six principles, each with its text
    expect(within(form).getAllByRole('checkbox')).toHaveLength(6);
    expect(within(form).getByText('Les habitants sont informés (article 50).')).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Transparence envers les habitants' }));
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Contrôle humain' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter un principe' }));
    fireEvent.change(within(form).getByLabelText('Titre du principe ajouté n° 1'), { target: { value: 'Associer les habitants' } });
    fireEvent.change(within(form).getByLabelText('Texte du principe ajouté n° 1'), { target: { value: 'Un comité est consulté.' } });

    // the live preview follows: the model's order, then the own principle; an unticked one is absent
    const preview = screen.getByRole('region', { name: 'Aperçu' });
    expect(within(preview).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Préambule',
      '1. Contrôle humain',
      '2. Transparence envers les habitants',
      '3. Associer les habitants',
      'Références',
    ]);
    expect(within(preview).queryByText(/Sobriété/)).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Publier la charte' }));
    const dialog = within(form).getByRole('alertdialog');
    expect(dialog.textContent).toContain('Le statut de la charte deviendra « adoptée » à la date d’aujourd’hui');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer la publication' }));
    expect(await screen.findByText(/La charte est publiée : son statut est désormais « adoptée »/)).toBeTruthy();
    expect(saved).toEqual([
      {
        organizationSiren: '212500565',
        principles: ['HUMAN_OVERSIGHT', 'TRANSPARENCY'],
        customPrinciples: [{ title: 'Associer les habitants', text: 'Un comité est consulté.' }],
        preamble: null,
      },
    ]);
    expect(screen.getByRole('link', { name: 'Ouvrir la charte imprimable' }).getAttribute('href')).toBe('/territoires/212500565/charte');
    // the status shown comes from the organization the mutation returned
    await waitFor(() => expect(screen.getByText("Charte éthique de l'IA adoptée")).toBeTruthy());
    expect(screen.queryByText("Aucune charte éthique de l'IA connue")).toBeNull();
  });

  it('shows the API’s refusal next to the own principle it names, and publishes nothing', async () => {
    renderApp(
      '/mon-organisation/charte',
      [
        answer(CharterBuilderPageQuery, {}, builder(organization())),
        answer(SaveCharterDraftMutation, () => true, {
          saveCharterDraft: {
            __typename: 'ValidationError',
            code: 'VALIDATION',
            message: 'Le titre du principe ajouté n° 1 doit compter au moins 3 caractères.',
            fields: [{ __typename: 'FieldError', field: 'customPrinciples.0.title', message: 'Le titre du principe ajouté n° 1 doit compter au moins 3 caractères.' }],
          },
        }),
      ],
      { viewer: ADMIN },
    );
    const form = await screen.findByRole('form', { name: 'Composer la charte' });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter un principe' }));
    fireEvent.change(within(form).getByLabelText('Titre du principe ajouté n° 1'), { target: { value: 'Ok' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer le brouillon' }));
    const title = within(form).getByLabelText('Titre du principe ajouté n° 1');
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Le titre du principe ajouté n° 1 doit compter au moins 3 caractères.')).toBeTruthy();
    expect(screen.queryByText(/La charte est publiée/)).toBeNull();
  });

  it('tells a member who does not administer the collectivité that only its administrators build the charter', async () => {
    renderApp('/mon-organisation/charte', [answer(CharterBuilderPageQuery, {}, builder(organization({ viewerCanAdminister: false })))], { viewer: viewerFixture() });
    expect(await screen.findByText(/Seuls les administrateurs de Besançon peuvent bâtir et publier sa charte éthique/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});

type Print = Fixture<typeof CharterPrintPageQuery>;
const printed = (publishedCharter: NonNullable<Print['organization']>['publishedCharter']): Print => ({
  organization: {
    __typename: 'Organization',
    id: 'Organization:212500565',
    siren: '212500565',
    name: 'Besançon',
    charter: { __typename: 'Charter', status: publishedCharter ? 'ADOPTED' : 'NONE', adoptedAt: publishedCharter ? '2026-12-07' : null },
    publishedCharter,
  },
});

describe('the printable charter', () => {
  it('shows the published text as a document, with its source and date, and prints it', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const block = (kind: 'TITLE' | 'HEADING' | 'PARAGRAPH', text: string) => ({ __typename: 'CharterBlock' as const, kind, text });
    renderApp('/territoires/212500565/charte', [
      answer(CharterPrintPageQuery, { siren: '212500565' }, printed({
        __typename: 'PublishedCharter',
        publishedAt: '2026-12-07T10:00:00.000Z',
        documentUrl: '/bibliotheque/charte-ethique-de-l-ia-besancon',
        blocks: [
          block('TITLE', 'Charte éthique de l’intelligence artificielle — Besançon'),
          block('PARAGRAPH', 'Adoptée par Besançon le 7 décembre 2026.'),
          block('HEADING', '1. Contrôle humain'),
          block('PARAGRAPH', '<b>pas du HTML</b>'),
        ],
      })),
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Charte éthique de l’intelligence artificielle — Besançon' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '1. Contrôle humain' })).toBeTruthy();
    expect(screen.getByText('<b>pas du HTML</b>')).toBeTruthy();
    expect(screen.getByText(/Source : texte publié par Besançon sur Mutualis le/).textContent).toContain('7 décembre 2026');
    expect(screen.getByRole('link', { name: 'Le document dans la bibliothèque' }).getAttribute('href')).toBe('/bibliotheque/charte-ethique-de-l-ia-besancon');
    fireEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('says so when the collectivité has published no charter from the model', async () => {
    renderApp('/territoires/212500565/charte', [answer(CharterPrintPageQuery, { siren: '212500565' }, printed(null))]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Charte introuvable' })).toBeTruthy();
    expect(screen.getByText('Besançon n’a pas publié de charte éthique bâtie sur le modèle de Mutualis.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retour à la fiche de Besançon' }).getAttribute('href')).toBe('/territoires/212500565');
  });
});
