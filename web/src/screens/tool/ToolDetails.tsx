import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCountry, formatLanguage } from '../../lib/format';
import { AI_ACT_RISK_LABELS, CERTIFICATION_LABELS, DEPLOYMENT_MODE_LABELS, RGAA_STATUS_LABELS } from '../../lib/labels';

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
            <div>
              <dt>Fournisseur</dt>
              <dd>
                {tool.provider.website ? (
                  <a href={tool.provider.website} rel="noopener noreferrer external">
                    {tool.provider.name}
                  </a>
                ) : (
                  tool.provider.name
                )}{' '}
                <span className="muted">({formatCountry(tool.provider.country)})</span>
              </dd>
            </div>
            <div>
              <dt>Catégorie</dt>
              <dd>{tool.categoryDetails.name}</dd>
            </div>
            <div>
              <dt>Mode de déploiement</dt>
              <dd>{DEPLOYMENT_MODE_LABELS[tool.deploymentMode]}</dd>
            </div>
            {tool.models.length > 0 ? (
              <div>
                <dt>Modèles</dt>
                <dd>{tool.models.join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>Licence libre</dt>
              <dd>{tool.openSourceLicense ?? 'Non (logiciel propriétaire ou non précisé)'}</dd>
            </div>
            <div>
              <dt>Langues</dt>
              <dd>{tool.languages.length > 0 ? tool.languages.map(formatLanguage).join(', ') : 'Non renseignées'}</dd>
            </div>
            {tool.website ? (
              <div>
                <dt>Site</dt>
                <dd>
                  <a href={tool.website} rel="noopener noreferrer external">
                    {tool.website.replace(/^https?:\/\//, '')}
                  </a>
                </dd>
              </div>
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
            <div>
              <dt>Hébergement</dt>
              <dd>
                {formatCountry(tool.hostingCountry)}
                {tool.hostingRegion ? <span className="muted"> — {tool.hostingRegion}</span> : null}
              </dd>
            </div>
            {tool.dataResidency ? (
              <div className="facts__wide">
                <dt>Résidence des données</dt>
                <dd>{tool.dataResidency}</dd>
              </div>
            ) : null}
            <div>
              <dt>AI Act</dt>
              <dd>{tool.aiActRiskTier ? AI_ACT_RISK_LABELS[tool.aiActRiskTier] : 'Niveau de risque non évalué'}</dd>
            </div>
            {tool.aiActRationale ? (
              <div className="facts__wide">
                <dt>Justification du niveau de risque</dt>
                <dd>{tool.aiActRationale}</dd>
              </div>
            ) : null}
            <div>
              <dt>RGPD : accord de sous-traitance (DPA)</dt>
              <dd>{yesNo(tool.gdprDpaAvailable, 'Disponible', 'Non proposé')}</dd>
            </div>
            <div>
              <dt>Réutilisation des données pour l'entraînement</dt>
              <dd>{yesNo(tool.trainingOptOut, 'Désactivable (opt-out)', 'Non désactivable')}</dd>
            </div>
            <div>
              <dt>SecNumCloud</dt>
              <dd>{tool.secNumCloud ? 'Qualifié SecNumCloud' : 'Non qualifié'}</dd>
            </div>
            {tool.provider.certifications.length > 0 ? (
              <div>
                <dt>Certifications du fournisseur</dt>
                <dd>{tool.provider.certifications.map((c) => CERTIFICATION_LABELS[c]).join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>Accessibilité (RGAA)</dt>
              <dd>{RGAA_STATUS_LABELS[tool.rgaaStatus]}</dd>
            </div>
          </dl>
        </section>
      </div>
    </>
  );
}
