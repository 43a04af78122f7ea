import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DocumentPageQuery } from '../src/screens/library/DocumentPage';
import { UpdateDocumentMutation } from '../src/screens/library/EditDocumentForm';
import { LibraryPageQuery } from '../src/screens/library/LibraryPage';
import { MarkDocumentReusedMutation } from '../src/screens/library/useMarkDocumentReused';
import { UploadChoicesQuery } from '../src/screens/library/UploadDocumentForm';
import { answer, CAN, failOnConsoleErrors, renderApp, viewerCan, viewerFixture, type Fixture } from './helpers';

failOnConsoleErrors();

type Page = Fixture<typeof LibraryPageQuery>;
type Edge = Page['documents']['edges'][number];

const LIST_VARIABLES = { query: null, type: null, licence: null, categorySlug: null, toolSlug: null, first: 20 };

function edge(slug: string, title: string, options: Partial<{ isDemo: boolean; excerpt: Edge['node']['excerpt']; type: Edge['node']['document']['type'] }> = {}): Edge {
  return {
    __typename: 'QueryDocumentsConnectionEdge',
    cursor: slug,
    node: {
      __typename: 'DocumentSearchHit',
      excerpt: options.excerpt ?? null,
      document: {
        __typename: 'Document',
        id: `Document:${slug}`,
        slug,
        title,
        summary: `Résumé de ${title}.`,
        type: options.type ?? 'TENDER_CLAUSE',
        isDemo: options.isDemo ?? false,
        documentDate: '2025-02-10',
        licence: { __typename: 'DocumentLicenceInfo', code: 'CC_BY_4' },
        organization: { __typename: 'Organization', id: 'Organization:1', name: 'Grand Besançon Métropole' },
        reuseCount: 2,
      },
    },
  };
}

const CATEGORIES: Page['categories'] = [{ __typename: 'Category', id: 'Category:1', slug: 'transcription-reunions', name: 'Transcription de réunions' }];

function page(edges: Edge[], viewer: ReturnType<typeof viewerFixture> | null = null): Page {
  return {
    viewerCan: viewerCan(viewer, 'actForOrganization'),
    categories: CATEGORIES,
    documents: {
      __typename: 'QueryDocumentsConnection',
      totalCount: edges.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges,
    },
  };
}

const piece = (text: string, highlighted = false) => ({ __typename: 'DocumentExcerptPiece' as const, text, highlighted });

describe('the library page', () => {
  it('lists documents with type, licence and demo badges, then searches from the URL and marks the words found', async () => {
    renderApp('/bibliotheque', [
      answer(LibraryPageQuery, LIST_VARIABLES, page([edge('demo-clause', '[Démonstration] Clause environnementale', { isDemo: true }), edge('charte', 'Charte', { type: 'ETHICS_CHARTER' })])),
      answer(
        LibraryPageQuery,
        { ...LIST_VARIABLES, query: 'serveur' },
        page([
          edge('demo-clause', '[Démonstration] Clause environnementale', {
            isDemo: true,
            // an excerpt holding markup: shown as text, never as HTML
            excerpt: [piece('la consommation des '), piece('serveurs', true), piece(' <img src=x onerror=alert(1)> d’inférence')],
          }),
        ]),
      ),
    ]);
    const demo = (await screen.findByRole('link', { name: '[Démonstration] Clause environnementale' })).closest('li')!;
    expect(within(demo).getByText('Clause de marché')).toBeTruthy();
    expect(within(demo).getByText('CC BY 4.0')).toBeTruthy();
    expect(within(demo).getByText('démonstration')).toBeTruthy();
    expect(within(demo).getByText(/Grand Besançon Métropole, 10\/02\/2025|Grand Besançon Métropole, 10 février 2025/)).toBeTruthy();
    expect(within(demo).getByText('Résumé de [Démonstration] Clause environnementale.')).toBeTruthy();
    const charter = screen.getByRole('link', { name: 'Charte' }).closest('li')!;
    expect(within(charter).getByText('Charte éthique')).toBeTruthy();
    expect(within(charter).queryByText('démonstration')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Déposer un document' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Rechercher dans les documents'), { target: { value: ' serveur ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await screen.findByText('1 document pour « serveur », les plus pertinents d’abord');
    expect(screen.getByTestId('location').textContent).toBe('/bibliotheque?q=serveur');
    const hit = screen.getByRole('link', { name: '[Démonstration] Clause environnementale' }).closest('li')!;
    expect([...hit.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['serveurs']);
    expect(hit.querySelector('img')).toBeNull();
    expect(hit.textContent).toContain('<img src=x onerror=alert(1)> d’inférence');
  });

  it('offers the upload form to a member of a collectivité, states the 10 Mo limit and refuses a larger file before sending it', async () => {
    const viewer = viewerFixture({ can: CAN.member });
    renderApp(
      '/bibliotheque',
      [
        answer(LibraryPageQuery, LIST_VARIABLES, page([], viewer)),
        answer(UploadChoicesQuery, {}, { categories: CATEGORIES, tools: { __typename: 'CatalogueConnection', edges: [] } }),
      ],
      { viewer },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Déposer un document' }));
    const form = await screen.findByRole('form', { name: 'Déposer un document' });
    const file = within(form).getByLabelText('Fichier') as HTMLInputElement;
    expect(file.accept).toBe('.pdf,.odt,.docx,.md');
    expect(within(form).getByText(/10 Mo au plus/)).toBeTruthy();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'gros.pdf', { type: 'application/pdf' });
    fireEvent.change(file, { target: { files: [big] } });
    fireEvent.change(within(form).getByLabelText('Titre'), { target: { value: 'Clause' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Déposer le document' }));
    expect(await within(form).findByText('Le fichier dépasse 10 Mo.')).toBeTruthy();
    expect(within(form).getByText('Le type de document est obligatoire.')).toBeTruthy();
  });
});

type DocumentData = NonNullable<Fixture<typeof DocumentPageQuery>['document']>;

function documentFixture(overrides: Partial<DocumentData> = {}): DocumentData {
  return {
    __typename: 'Document',
    id: 'Document:3',
    slug: 'charte',
    title: 'Charte éthique de l’IA',
    summary: 'Principes adoptés.',
    type: 'ETHICS_CHARTER',
    isDemo: false,
    documentDate: '2024-11-18',
    sourceUrl: null,
    sourceDate: null,
    downloadCount: 4,
    reuseCount: 0,
    viewerHasReused: false,
    viewerCanMarkReused: true,
    viewerCanAddVersion: false,
    viewerCanEdit: false,
    licence: { __typename: 'DocumentLicenceInfo', code: 'LICENCE_OUVERTE_2', name: 'Licence Ouverte / Open Licence version 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
    organization: { __typename: 'Organization', id: 'Organization:5', name: 'Besançon', siren: '212500565' },
    tools: [],
    categories: [],
    versions: [
      { __typename: 'DocumentVersion', number: 2, fileName: 'charte-v2.odt', mimeType: 'application/vnd.oasis.opendocument.text', byteSize: 2048, createdAt: '2025-01-02T10:00:00Z', downloadUrl: '/bibliotheque/charte/telecharger?version=2' },
      { __typename: 'DocumentVersion', number: 1, fileName: 'charte.pdf', mimeType: 'application/pdf', byteSize: 674, createdAt: '2024-11-18T10:00:00Z', downloadUrl: '/bibliotheque/charte/telecharger?version=1' },
    ],
    usedBy: { __typename: 'DocumentUsedByConnection', totalCount: 0, edges: [] },
    ...overrides,
  };
}

describe('the document page', () => {
  it('states the licence in full, lists the versions to download, and marks the document reused', async () => {
    const viewer = viewerFixture({ organization: { id: 'Organization:9', siren: '242100410', name: 'Dijon Métropole' } });
    const reused = documentFixture({
      reuseCount: 1,
      viewerHasReused: true,
      usedBy: {
        __typename: 'DocumentUsedByConnection',
        totalCount: 1,
        edges: [{ __typename: 'DocumentUsedByConnectionEdge', node: { __typename: 'DocumentReuse', createdAt: '2025-06-01T08:00:00Z', organization: { __typename: 'Organization', id: 'Organization:9', name: 'Dijon Métropole', siren: '242100410' } } }],
      },
    });
    renderApp(
      '/bibliotheque/charte',
      [
        answer(DocumentPageQuery, { slug: 'charte' }, { document: documentFixture() }),
        answer(MarkDocumentReusedMutation, { documentId: 'Document:3' }, { markDocumentReused: { __typename: 'MutationMarkDocumentReusedSuccess', data: { __typename: 'DocumentReuse', createdAt: '2025-06-01T08:00:00Z' } } }),
        answer(DocumentPageQuery, { slug: 'charte' }, { document: reused }),
      ],
      { viewer },
    );
    expect(await screen.findByRole('heading', { level: 1, name: /Charte éthique de l’IA/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Licence Ouverte / Open Licence version 2.0 (Etalab)' }).getAttribute('href')).toBe('https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    const versions = screen.getByRole('table', { name: 'Versions du document, la plus récente d’abord' });
    expect(within(versions).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Télécharger charte-v2.odt', '/bibliotheque/charte/telecharger?version=2'],
      ['Télécharger charte.pdf', '/bibliotheque/charte/telecharger?version=1'],
    ]);
    expect(within(versions).getByText('ODT')).toBeTruthy();
    expect(screen.getByText('Aucune collectivité n’a encore indiqué avoir réutilisé ce document.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Déposer une nouvelle version' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Nous l’avons réutilisé' }));
    await screen.findByText('Votre collectivité a indiqué avoir réutilisé ce document.');
    const usedBy = screen.getByRole('region', { name: 'Utilisé par' });
    expect(within(usedBy).getByRole('link', { name: 'Dijon Métropole' }).getAttribute('href')).toBe('/territoires/242100410');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Nous l’avons réutilisé' })).toBeNull());
  });
});

describe('editing a document', () => {
  it('lets the author organization’s ORG_ADMIN change the title and links, and shows the API’s refusal by field', async () => {
    const viewer = viewerFixture({ can: CAN.orgAdmin, roles: ['MEMBER', 'ORG_ADMIN'] });
    const own = documentFixture({ viewerCanEdit: true, viewerCanMarkReused: false, viewerCanAddVersion: true });
    const input = { title: 'Charte révisée', summary: 'Principes adoptés.', type: 'ETHICS_CHARTER' as const, licence: 'LICENCE_OUVERTE_2' as const, documentDate: '2024-11-18', toolSlugs: [], categorySlugs: [] };
    renderApp(
      '/bibliotheque/charte',
      [
        answer(DocumentPageQuery, { slug: 'charte' }, { document: own }),
        answer(UploadChoicesQuery, {}, { categories: CATEGORIES, tools: { __typename: 'CatalogueConnection', edges: [] } }),
        answer(UpdateDocumentMutation, { id: 'Document:3', input: { ...input, title: 'C' } }, {
          updateDocument: { __typename: 'ValidationError', code: 'VALIDATION', message: 'Le titre doit compter au moins 3 caractères.', fields: [{ __typename: 'FieldError', field: 'title', message: 'Le titre doit compter au moins 3 caractères.' }] },
        }),
        answer(UpdateDocumentMutation, { id: 'Document:3', input }, { updateDocument: { __typename: 'MutationUpdateDocumentSuccess', data: { __typename: 'Document', id: 'Document:3', title: 'Charte révisée' } } }),
        answer(DocumentPageQuery, { slug: 'charte' }, { document: { ...own, title: 'Charte révisée' } }),
      ],
      { viewer },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier la description' }));
    const form = screen.getByRole('form', { name: 'Modifier la description' });
    expect(screen.getByRole('form', { name: 'Déposer une nouvelle version' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Titre'), { target: { value: 'C' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(form).findByText('Le titre doit compter au moins 3 caractères.', { selector: '.field__error' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Titre'), { target: { value: 'Charte révisée' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Charte révisée/ })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Modifier la description' })).toBeNull());
  });
});
