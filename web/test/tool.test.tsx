import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ToolPageAdoptersNearQuery } from '../src/screens/tool/ToolAdoption';
import { ToolPageQuery } from '../src/screens/tool/ToolPage';
import { SubmitReviewMutation } from '../src/screens/tool/useSubmitReview';
import { VoteReviewHelpfulMutation } from '../src/screens/tool/useVoteReviewHelpful';
import { contractConnection, noPricesPaid } from './contractFixtures';
import { ToolDocumentsQuery } from '../src/screens/tool/ToolDocuments';
import { ToolReferentsQuery } from '../src/screens/tool/ToolReferents';
import { answer, failOnConsoleErrors, normalizeSpaces, renderApp as renderWholeApp, viewerCan, viewerFixture, type Fixture, type ViewerFixture } from './helpers';

/** The tool page also asks for the library documents linked to the tool (ToolDocuments): none here. */
const noToolDocuments = {
  ...answer(ToolDocumentsQuery, { toolSlug: 'albert' }, { documents: { __typename: 'QueryDocumentsConnection', totalCount: 0, edges: [] } }),
  maxUsageCount: Number.POSITIVE_INFINITY,
};
/** And for its referents (ToolReferents): none, and nobody who may become one. */
const noToolReferents = (viewer: ViewerFixture | null | undefined) => ({
  ...answer(ToolReferentsQuery, { toolSlug: 'albert' }, {
    viewer: viewer ? { __typename: 'User', id: viewer.id } : null,
    tool: {
      __typename: 'Tool',
      id: 'Tool:2',
      name: 'Albert',
      viewerCanBecomeReferent: false,
      viewerReferent: null,
      referents: { __typename: 'ToolReferentsConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] },
    },
  }),
  maxUsageCount: Number.POSITIVE_INFINITY,
});
const renderApp: typeof renderWholeApp = (path, mocks, options) =>
  renderWholeApp(path, [...mocks, noToolDocuments, noToolReferents(options?.viewer)], options);

failOnConsoleErrors();

type ToolPageData = Fixture<typeof ToolPageQuery>;
type ToolFixture = NonNullable<ToolPageData['tool']>;
type ReviewFixture = ToolFixture['reviews']['edges'][number]['node'];

/** A review by another collectivité, as a signed-in member sees it (the API lets them vote and flag). */
function review(id: string, overrides: Partial<ReviewFixture> = {}): ReviewFixture {
  return {
    __typename: 'Review',
    id: `Review:${id}`,
    title: `Avis ${id}`,
    body: `Texte de l'avis ${id}.`,
    pros: null,
    cons: null,
    rating: 4,
    easeOfUse: null,
    outputQuality: null,
    support: null,
    dataProtection: null,
    valueForMoney: null,
    accessibility: null,
    verified: false,
    helpfulCount: 0,
    authorName: null,
    organization: { __typename: 'Organization', id: `Organization:${id}`, name: `Collectivité ${id}`, siren: `2000000${id.padStart(2, '0')}` },
    createdAt: '2025-10-02T09:00:00.000Z',
    updatedAt: '2025-10-02T09:00:00.000Z',
    isDemo: false,
    versionCount: 0,
    viewerCanVote: true,
    viewerCanFlag: true,
    ...overrides,
  };
}

function albert(reviews: ReviewFixture[], ratings: Partial<ToolFixture['ratings']>, viewer: ViewerFixture | null): ToolPageData & { tool: ToolFixture } {
  return {
    viewer: viewer
      ? {
          __typename: 'User',
          id: viewer.id,
          organization: { __typename: 'Organization', id: viewer.organization.id, siren: viewer.organization.siren, name: viewer.organization.name },
        }
      : null,
    viewerCan: viewerCan(viewer, 'pending'),
    tool: {
      __typename: 'Tool',
      id: 'Tool:2',
      slug: 'albert',
      name: 'Albert',
      isDemo: false,
      description: "IA générative souveraine de l'État.",
      provider: {
        __typename: 'Provider',
        id: 'Provider:1',
        name: 'DINUM',
        country: 'FR',
        certifications: [],
        website: null,
        publicContracts: contractConnection('ProviderPublicContractsConnection', []),
        pricesPaid: noPricesPaid(),
      },
      publicContracts: contractConnection('ToolPublicContractsConnection', []),
      pricesPaid: noPricesPaid(),
      categoryDetails: { __typename: 'Category', id: 'Category:1', slug: 'assistants', name: 'Assistant interne' },
      models: ['Llama 3.1 8B'],
      openSourceLicense: 'MIT',
      deploymentMode: 'HYBRID',
      hostingCountry: 'FR',
      hostingRegion: null,
      dataResidency: null,
      trainingOptOut: null,
      aiActRiskTier: 'LIMITED',
      aiActRationale: "Obligations de transparence de l'article 50.",
      gdprDpaAvailable: true,
      secNumCloud: false,
      rgaaStatus: 'UNKNOWN',
      languages: ['fr'],
      website: null,
      declaredByProvider: false,
      viewerCanReview: viewer?.can.actForOrganization ?? false,
      sourceUrl: 'https://example.org/albert',
      sourceDate: '2024-05-28',
      plans: [
        {
          __typename: 'PricingPlan',
          id: 'PricingPlan:1',
          name: 'Équipe',
          pricingModel: 'PER_SEAT_MONTH',
          unitPrice: '14.99',
          setupFee: '0',
          minimumQuantity: null,
          minimumAnnualAmount: null,
          source: 'PUBLISHED',
          sourceUrl: 'https://example.org/tarifs',
          sourceDate: '2025-02-06',
          notes: null,
          isDemo: true,
          tiers: [{ __typename: 'PriceTier', minVolume: '100', unitPrice: '12.5' }],
        },
      ],
      impactFigures: [
        {
          __typename: 'ImpactFigure',
          id: 'ImpactFigure:1',
          energyWhPerRequest: '1.5072',
          gco2ePerRequest: null,
          waterMlPerRequest: null,
          hostingCountry: 'FR',
          pue: null,
          method: 'ECOLOGITS_ESTIMATE',
          methodVersion: '0.8.2',
          scope: null,
          sourceUrl: 'https://example.org/impact',
          sourceDate: '2025-11-12',
          declaredByProvider: false,
          isDemo: false,
        },
      ],
      adoption: {
        __typename: 'AdoptionSummary',
        total: 9,
        adopting: 8,
        demoCount: 3,
        byStatus: [
          { __typename: 'StatusCount', status: 'EXPLORING', count: 1 },
          { __typename: 'StatusCount', status: 'PILOT', count: 3 },
          { __typename: 'StatusCount', status: 'PRODUCTION', count: 5 },
          { __typename: 'StatusCount', status: 'ABANDONED', count: 0 },
        ],
      },
      ratings: {
        __typename: 'RatingSummary',
        count: 12,
        verifiedCount: 9,
        demoCount: 5,
        average: '4.17',
        easeOfUse: '4.00',
        outputQuality: null,
        support: '3.50',
        dataProtection: null,
        valueForMoney: null,
        accessibility: null,
        ...ratings,
      },
      reviews: {
        __typename: 'ToolReviewsConnection',
        totalCount: reviews.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: reviews.length ? `c${reviews.length}` : null },
        edges: reviews.map((node, index) => ({
          __typename: 'ToolReviewsConnectionEdge',
          cursor: `c${index + 1}`,
          // An anonymous visitor may neither vote nor flag.
          node: viewer ? node : { ...node, viewerCanVote: false, viewerCanFlag: false },
        })),
      },
    },
  };
}

const VERIFIED = review('1', { title: 'Gain de temps réel', verified: true, pros: 'Réponses sourcées', cons: 'Accès limité', easeOfUse: 5 });
const UNVERIFIED = review('2', { title: 'Essai rapide', verified: false, helpfulCount: 3 });

const toolQuery = (data: ToolPageData) => answer(ToolPageQuery, { slug: 'albert' }, data);

type NearbyFixture = NonNullable<NonNullable<Fixture<typeof ToolPageAdoptersNearQuery>['tool']>['adoptersNear']>[number];

function nearby(siren: string, name: string, proximity: NearbyFixture['proximity'], status: NearbyFixture['status'], isDemo = false): NearbyFixture {
  return {
    __typename: 'NearbyAdopter',
    proximity,
    status,
    isDemo,
    organization: { __typename: 'Organization', id: `Organization:${siren}`, siren, name },
  };
}

/** « Qui l’utilise près de chez moi ? » for a SIREN: answered once. */
const nearQuery = (siren: string, adopters: NearbyFixture[]) =>
  answer(ToolPageAdoptersNearQuery, { slug: 'albert', siren }, { tool: { __typename: 'Tool', id: 'Tool:2', adoptersNear: adopters } });

describe('Tool page', () => {
  it('shows the hosting country with its source, or « Non renseigné », never blank nor guessed from the provider', async () => {
    const hosting = () => normalizeSpaces(screen.getByText('Hébergement', { selector: 'dt' }).nextElementSibling?.textContent);
    const known = renderApp('/catalogue/albert', [toolQuery(albert([], {}, null))]);
    await screen.findByRole('heading', { level: 1 });
    expect(hosting()).toBe('France (Source : hébergement de Albert · 28 mai 2024)');
    known.unmount();
    const data = albert([], {}, null);
    renderApp('/catalogue/albert', [toolQuery({ ...data, tool: { ...data.tool, hostingCountry: null } })]);
    await screen.findByRole('heading', { level: 1 });
    // the provider is French: its country is not the hosting's
    expect(hosting()).toBe('Non renseigné');
  });

  it('shows the tool, its prices, its impact with the method, the ratings and the « Avis vérifié » badge', async () => {
    renderApp('/catalogue/albert', [toolQuery(albert([VERIFIED, UNVERIFIED], {}, null))]);

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Albert');
    const page = normalizeSpaces(document.body.textContent);
    expect(page).toContain('DINUM (France)');
    expect(page).toContain('Risque limité');
    expect(page).toContain("Obligations de transparence de l'article 50.");
    expect(page).toContain('14,99 € HT / utilisateur / mois');
    expect(page).toContain('12,50 € HT');
    // The method is written next to the number.
    expect(normalizeSpaces(screen.getByText('1,5072 Wh par requête').parentElement?.textContent)).toBe(
      '1,5072 Wh par requête (méthode : estimation EcoLogits 0.8.2)',
    );
    expect(page).toContain('4,2 / 5 — 12 avis dont 9 vérifiés (dont 5 issus des données de démonstration)');
    expect(normalizeSpaces(screen.getByText("Facilité d'utilisation").parentElement?.textContent)).toBe("Facilité d'utilisation4,0 / 5");

    const reviews = screen.getByRole('region', { name: 'Avis' });
    const [verified, unverified] = within(reviews).getAllByRole('article') as [HTMLElement, HTMLElement];
    expect(within(verified).getByRole('heading').textContent).toBe('Gain de temps réel');
    expect(within(verified).getByText('Avis vérifié')).toBeTruthy();
    expect(within(verified).getByRole('img', { name: '4 sur 5' })).toBeTruthy();
    expect(within(verified).getByRole('link', { name: 'Collectivité 1' }).getAttribute('href')).toBe('/territoires/200000001');
    expect(normalizeSpaces(verified.textContent)).toContain('publié le 2 octobre 2025');
    expect(normalizeSpaces(verified.textContent)).toContain('Points fortsRéponses sourcées');
    expect(within(unverified).getByRole('heading').textContent).toBe('Essai rapide');
    expect(within(unverified).queryByText('Avis vérifié')).toBeNull();

    // Anonymous: no voting, no flagging, no review form, a way to sign in.
    expect(within(reviews).queryByRole('button', { name: /^Utile/ })).toBeNull();
    expect(within(reviews).queryByRole('button', { name: 'Signaler' })).toBeNull();
    expect(screen.queryByRole('heading', { name: "Donner l'avis de ma collectivité" })).toBeNull();
    expect(screen.getByRole('link', { name: 'Connectez-vous' }).getAttribute('href')).toBe('/connexion?retour=%2Fcatalogue%2Falbert');
  });

  it('posts submitReview from « Donner l’avis de ma collectivité », then shows the new review and a confirmation', async () => {
    const viewer = viewerFixture();
    const mine = review('7', {
      id: 'Review:99',
      title: 'Un assistant utile',
      body: 'Nous utilisons Albert à l’accueil depuis janvier.',
      rating: 5,
      easeOfUse: 4,
      pros: 'Réponses sourcées',
      verified: true,
      organization: { __typename: 'Organization', id: viewer.organization.id, name: 'Besançon', siren: '212500565' },
      // The API lets nobody vote for their own collectivité's review.
      viewerCanVote: false,
    });
    renderApp(
      '/catalogue/albert',
      [
        toolQuery(albert([UNVERIFIED], {}, viewer)),
        nearQuery('212500565', []),
        answer(
          SubmitReviewMutation,
          {
            input: {
              toolSlug: 'albert',
              rating: 5,
              easeOfUse: 4,
              title: 'Un assistant utile',
              body: 'Nous utilisons Albert à l’accueil depuis janvier.',
              pros: 'Réponses sourcées',
            },
          },
          {
            submitReview: {
              __typename: 'MutationSubmitReviewSuccess',
              data: { __typename: 'Review', id: 'Review:99', versionCount: 0, verified: true },
            },
          },
        ),
        // The tool page fetched again: the new review and the new averages.
        toolQuery(albert([mine, UNVERIFIED], { count: 13, verifiedCount: 10, average: '4.23' }, viewer)),
      ],
      { viewer },
    );

    const heading = await screen.findByRole('heading', { name: "Donner l'avis de ma collectivité" });
    const form = heading.parentElement as HTMLElement;
    const rating = within(form).getByLabelText('Note globale') as HTMLSelectElement;
    expect([...rating.options].map((option) => option.value)).toEqual(['', '1', '2', '3', '4', '5']);
    for (const label of [
      "Facilité d'utilisation",
      'Qualité des résultats',
      'Accompagnement',
      'Protection des données et souveraineté',
      'Rapport qualité-prix',
      'Accessibilité',
    ]) {
      expect(within(form).getByLabelText(label).tagName).toBe('SELECT');
    }
    fireEvent.change(rating, { target: { value: '5' } });
    fireEvent.change(within(form).getByLabelText("Facilité d'utilisation"), { target: { value: '4' } });
    fireEvent.change(within(form).getByLabelText('Titre'), { target: { value: 'Un assistant utile' } });
    fireEvent.change(within(form).getByLabelText('Avis'), { target: { value: 'Nous utilisons Albert à l’accueil depuis janvier.' } });
    fireEvent.change(within(form).getByLabelText('Points forts'), { target: { value: 'Réponses sourcées' } });
    fireEvent.click(within(form).getByRole('button', { name: "Publier l'avis" }));

    expect((await within(form).findByRole('status')).textContent).toBe("L'avis de Besançon est publié.");
    const reviews = screen.getByRole('region', { name: 'Avis' });
    const first = within(reviews).getAllByRole('article')[0] as HTMLElement;
    expect(within(first).getByRole('heading').textContent).toBe('Un assistant utile');
    expect(within(first).getByText('Avis vérifié')).toBeTruthy();
    // The API lets nobody vote for their own collectivité's review: its count is shown, without the button.
    expect(within(first).queryByRole('button', { name: /^Utile/ })).toBeNull();
    expect(within(first).getByText('Utile pour 0 personne(s)')).toBeTruthy();
    expect(normalizeSpaces(document.body.textContent)).toContain('4,2 / 5 — 13 avis dont 10 vérifiés');
    // From now on, publishing updates the collectivité's review.
    expect(within(form).getByText(/publier ce formulaire met à jour cet avis/)).toBeTruthy();
  });

  it('counts a « Utile » vote on the review in place', async () => {
    const viewer = viewerFixture();
    renderApp(
      '/catalogue/albert',
      [
        toolQuery(albert([UNVERIFIED], {}, viewer)),
        nearQuery('212500565', []),
        answer(
          VoteReviewHelpfulMutation,
          { reviewId: 'Review:2' },
          { voteReviewHelpful: { __typename: 'MutationVoteReviewHelpfulSuccess', data: { __typename: 'Review', id: 'Review:2', helpfulCount: 4 } } },
        ),
      ],
      { viewer },
    );
    const reviews = await screen.findByRole('region', { name: 'Avis' });
    fireEvent.click(within(reviews).getByRole('button', { name: 'Utile (3)' }));
    expect(await within(reviews).findByRole('button', { name: 'Utile (4)' })).toBeTruthy();
    expect(await within(reviews).findByText('Merci pour votre vote.')).toBeTruthy();
    expect(within(reviews).getByRole('button', { name: 'Signaler' })).toBeTruthy();
  });
});

describe('Tool page: adoption', () => {
  it('counts the adoption by stage and lists the nearby adopters for the viewer’s SIREN, then for a typed one', async () => {
    const viewer = viewerFixture({ organization: { id: 'Organization:242500361', siren: '242500361', name: 'Grand Besançon Métropole' } });
    const data = albert([], {}, viewer);
    data.tool.declaredByProvider = true;
    renderApp(
      '/catalogue/albert',
      [
        toolQuery(data),
        // In the API's order; the page shows the closest first.
        nearQuery('242500361', [
          nearby('200071116', 'ECLA (Espace Communautaire Lons Agglomération)', 'REGION', 'PRODUCTION', true),
          nearby('212500565', 'Besançon', 'EPCI', 'PILOT'),
          nearby('200041887', 'Pays de Montbéliard Agglomération', 'DEPARTEMENT', 'PRODUCTION', true),
        ]),
        nearQuery('212100608', [nearby('200070308', 'Mâconnais Beaujolais Agglomération', 'REGION', 'EXPLORING')]),
        {
          request: { query: ToolPageAdoptersNearQuery, variables: { slug: 'albert', siren: '999999999' } },
          result: { errors: [new GraphQLError('Aucune collectivité ne porte ce SIREN.', { path: ['tool', 'adoptersNear'], extensions: { code: 'NOT_FOUND' } })] },
        },
      ],
      { viewer },
    );

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(normalizeSpaces(heading.textContent)).toBe('AlbertDéclaré par le fournisseur');

    const adoption = screen.getByRole('region', { name: 'Adoption' });
    expect(normalizeSpaces(within(adoption).getByText(/^Déclaré par/).textContent)).toBe('Déclaré par 9 collectivités, à chaque étape :');
    const stages = within(adoption)
      .getAllByRole('term')
      .map((term) => `${term.textContent} ${term.nextElementSibling?.textContent}`);
    expect(stages).toEqual(['Exploration 1', 'Expérimentation 3', 'Production 5', 'Abandonné 0']);
    // the demo share of the tool's adopters (pilot or production), from the API's count
    expect(normalizeSpaces(within(adoption).getByText(/^En expérimentation ou en production/).textContent)).toBe(
      'En expérimentation ou en production : 8 collectivités (dont 3 issues des données de démonstration)',
    );

    // Pre-filled with the viewer's organization, and asked at once.
    const siren = within(adoption).getByLabelText('SIREN de votre collectivité') as HTMLInputElement;
    expect(siren.value).toBe('242500361');
    const list = await within(adoption).findByRole('list', { name: 'Collectivités proches qui utilisent Albert' });
    expect(within(list).getAllByRole('listitem').map((item) => normalizeSpaces(item.textContent))).toEqual([
      'Besançon même EPCI Expérimentation',
      'Pays de Montbéliard Agglomération même département Production démonstration',
      'ECLA (Espace Communautaire Lons Agglomération) même région Production démonstration',
    ]);
    // how many of the listed adopters are demo data
    expect(normalizeSpaces(within(adoption).getByText(/collectivités listées/).textContent)).toBe(
      '3 collectivités listées (dont 2 issues des données de démonstration)',
    );
    expect(within(list).getByRole('link', { name: 'Besançon' }).getAttribute('href')).toBe('/territoires/212500565');

    // Another collectivité, typed with spaces.
    fireEvent.change(siren, { target: { value: '212 100 608' } });
    fireEvent.click(within(adoption).getByRole('button', { name: 'Rechercher' }));
    expect(await within(adoption).findByText('Mâconnais Beaujolais Agglomération')).toBeTruthy();
    expect(normalizeSpaces(within(adoption).getByRole('listitem').textContent)).toBe(
      'Mâconnais Beaujolais Agglomération même région Exploration',
    );
    // none of them is demo data: no demo line
    expect(within(adoption).queryByText(/listées?/)).toBeNull();

    // Not nine digits: said next to the field, nothing sent.
    fireEvent.change(siren, { target: { value: '1234' } });
    fireEvent.click(within(adoption).getByRole('button', { name: 'Rechercher' }));
    expect(siren.getAttribute('aria-invalid')).toBe('true');
    expect(within(adoption).getByText('Le SIREN doit comporter 9 chiffres.').className).toBe('field__error');

    // A SIREN the API does not know: its message, next to the field.
    fireEvent.change(siren, { target: { value: '999999999' } });
    fireEvent.click(within(adoption).getByRole('button', { name: 'Rechercher' }));
    expect((await within(adoption).findByText('Aucune collectivité ne porte ce SIREN.')).className).toBe('field__error');
    expect(within(adoption).queryByRole('list')).toBeNull();
  });

  it('says so when no collectivité nearby uses the tool', async () => {
    const viewer = viewerFixture();
    renderApp('/catalogue/albert', [toolQuery(albert([], {}, viewer)), nearQuery('212500565', [])], { viewer });
    const adoption = await screen.findByRole('region', { name: 'Adoption' });
    expect(
      await within(adoption).findByText('Aucune collectivité de votre région n’a déclaré utiliser Albert (expérimentation ou production).'),
    ).toBeTruthy();
  });
});
