import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ComparisonResults_ComparisonFragment } from '../../gql/graphql';
import { formatCount, formatInhabitants, formatInteger } from '../../lib/format';
import { ComparisonTable } from './ComparisonTable';
import { CostChart } from './CostChart';
import { FootprintChart } from './FootprintChart';
import { buildComparisonCsv, ComparisonCsv_comparison, comparisonCsvFilename, downloadCsv } from './comparisonCsv';
import { Fact } from '../../components/Fact';

export const ComparisonResults_comparison = graphql(`
  fragment ComparisonResults_comparison on Comparison {
    profile {
      organizationName
      organizationSiren
      population
      populationSource
      seats
      requestsPerMonth
      years
      tokensPerRequest
    }
    ...ComparisonTable_comparison
    ...CostChart_comparison
    ...FootprintChart_comparison
    ...ComparisonCsv_comparison
  }
`);

/** The profile the figures were computed for, as the API resolved it (population from the registry…). */
function ProfileSummary({ profile }: { profile: ComparisonResults_ComparisonFragment['profile'] }) {
  return (
    <dl className="compare-profile">
      <Fact term="Collectivité">
        {profile.organizationName ?? 'non précisée'}
        {profile.organizationSiren ? <span className="muted"> (SIREN {profile.organizationSiren})</span> : null}
      </Fact>
      <Fact term="Population">
        {formatInhabitants(profile.population)}
        {profile.populationSource ? <span className="muted"> — {profile.populationSource}</span> : null}
      </Fact>
      <Fact term="Utilisateurs">{profile.seats != null ? formatInteger(profile.seats) : 'non précisé'}</Fact>
      <Fact term="Requêtes par mois">{profile.requestsPerMonth != null ? formatInteger(profile.requestsPerMonth) : 'non précisé'}</Fact>
      <Fact term="Durée">{formatCount(profile.years, 'an', 'ans')}</Fact>
      <Fact term="Jetons par requête">{formatInteger(profile.tokensPerRequest)}</Fact>
    </dl>
  );
}

/** The result of a comparison: the profile, the table, both charts, and the CSV and print buttons. */
export function ComparisonResults(props: { comparison: FragmentType<typeof ComparisonResults_comparison> }) {
  const comparison = getFragmentData(ComparisonResults_comparison, props.comparison);
  const csv = getFragmentData(ComparisonCsv_comparison, comparison);
  return (
    <section className="compare-results" aria-labelledby="comparaison-resultats">
      <div className="compare-results__header">
        <h2 id="comparaison-resultats">Résultat pour {comparison.profile.organizationName ?? 'votre profil d’usage'}</h2>
        <div className="compare-actions">
          <button type="button" className="button button--secondary" onClick={() => downloadCsv(buildComparisonCsv(csv), comparisonCsvFilename())}>
            Télécharger le CSV
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Imprimer
          </button>
        </div>
      </div>
      <ProfileSummary profile={comparison.profile} />
      <ComparisonTable comparison={comparison} />
      <div className="compare-figures">
        <CostChart comparison={comparison} />
        <FootprintChart comparison={comparison} />
      </div>
    </section>
  );
}
