import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCountry, formatLanguage } from '../../lib/format';
import { AI_ACT_RISK_LABELS, CERTIFICATION_LABELS, DEPLOYMENT_MODE_LABELS, RGAA_STATUS_LABELS } from '../../lib/labels';
import { Fact } from '../../components/Fact';

export const ToolDetails_tool = graphql(`
  fragment ToolDetails_tool on Tool {
    id
    name
    description
    provider {
      id
      name
      country
      certifications
      website
    }
    categoryDetails {
      id
      slug
      name
    }
    models
    openSourceLicense
    deploymentMode
    hostingCountry
    hostingRegion
    dataResidency
    trainingOptOut
    aiActRiskTier
    aiActRationale
    gdprDpaAvailable
    secNumCloud
    rgaaStatus
    languages
    website
    declaredByProvider
    sourceUrl
    sourceDate
    isDemo
  }
`);

const yesNo = (value: boolean | null | undefined, yes: string, no: string, unknown = 'Non renseigné') =>
  value == null ? unknown : value ? yes : no;

/** What the tool is, where it runs, and how it stands on the rules (AI Act, RGPD, SecNumCloud, RGAA). */
export function ToolDetails(props: { tool: FragmentType<typeof ToolDetails_tool> }) {
  const tool = getFragmentData(ToolDetails_tool, props.tool);
  return (
    <>
      <p className="lead">{tool.description}</p>
      <div className="organization__panels">
        <section className="panel" aria-labelledby="outil-fiche">
          <h2 id="outil-fiche">Fiche</h2>
          <dl className="facts">
            <Fact term="Fournisseur">
              {tool.provider.website ? (
                <a href={tool.provider.website} rel="noopener noreferrer external">
                  {tool.provider.name}
                </a>
              ) : (
                tool.provider.name
              )}{' '}
              <span className="muted">({formatCountry(tool.provider.country)})</span>
            </Fact>
            <Fact term="Catégorie">{tool.categoryDetails.name}</Fact>
            <Fact term="Mode de déploiement">{DEPLOYMENT_MODE_LABELS[tool.deploymentMode]}</Fact>
            {tool.models.length > 0 ? (
              <Fact term="Modèles">{tool.models.join(', ')}</Fact>
            ) : null}
            <Fact term="Licence libre">{tool.openSourceLicense ?? 'Non (logiciel propriétaire ou non précisé)'}</Fact>
            <Fact term="Langues">{tool.languages.length > 0 ? tool.languages.map(formatLanguage).join(', ') : 'Non renseignées'}</Fact>
            {tool.website ? (
              <Fact term="Site">
                <a href={tool.website} rel="noopener noreferrer external">
                  {tool.website.replace(/^https?:\/\//, '')}
                </a>
              </Fact>
            ) : null}
          </dl>
          <p className="source-line">
            {tool.declaredByProvider ? 'Informations déclarées par l’éditeur · ' : 'Fiche '}
            <SourceNote url={tool.sourceUrl} date={tool.sourceDate} context={`fiche ${tool.name}`} />
            <DemoBadge show={tool.isDemo} />
          </p>
        </section>

        <section className="panel" aria-labelledby="outil-hebergement">
          <h2 id="outil-hebergement">Hébergement et conformité</h2>
          <dl className="facts">
            <Fact term="Hébergement">
              {/* from the tool's record and its source (Fiche, above); never guessed from the provider's country */}
              {tool.hostingCountry ? formatCountry(tool.hostingCountry) : 'Non renseigné'}
              {tool.hostingRegion ? <span className="muted"> — {tool.hostingRegion}</span> : null}
              {tool.hostingCountry ? (
                <span className="muted">
                  {' '}
                  (<SourceNote url={tool.sourceUrl} date={tool.sourceDate} context={`hébergement de ${tool.name}`} />)
                </span>
              ) : null}
            </Fact>
            {tool.dataResidency ? (
              <Fact term="Résidence des données" className="facts__wide">{tool.dataResidency}</Fact>
            ) : null}
            <Fact term="AI Act">{tool.aiActRiskTier ? AI_ACT_RISK_LABELS[tool.aiActRiskTier] : 'Niveau de risque non évalué'}</Fact>
            {tool.aiActRationale ? (
              <Fact term="Justification du niveau de risque" className="facts__wide">{tool.aiActRationale}</Fact>
            ) : null}
            <Fact term="RGPD : accord de sous-traitance (DPA)">{yesNo(tool.gdprDpaAvailable, 'Disponible', 'Non proposé')}</Fact>
            <Fact term="Réutilisation des données pour l'entraînement">{yesNo(tool.trainingOptOut, 'Désactivable (opt-out)', 'Non désactivable')}</Fact>
            <Fact term="SecNumCloud">{tool.secNumCloud ? 'Qualifié SecNumCloud' : 'Non qualifié'}</Fact>
            {tool.provider.certifications.length > 0 ? (
              <Fact term="Certifications du fournisseur">{tool.provider.certifications.map((c) => CERTIFICATION_LABELS[c]).join(', ')}</Fact>
            ) : null}
            <Fact term="Accessibilité (RGAA)">{RGAA_STATUS_LABELS[tool.rgaaStatus]}</Fact>
          </dl>
        </section>
      </div>
    </>
  );
}
