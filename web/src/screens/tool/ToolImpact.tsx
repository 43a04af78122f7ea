import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { formatCountry, formatDecimal } from '../../lib/format';
import { IMPACT_METHOD_LABELS } from '../../lib/labels';

export const ToolImpact_tool = graphql(`
  fragment ToolImpact_tool on Tool {
    name
    impactFigures {
      id
      energyWhPerRequest
      gco2ePerRequest
      waterMlPerRequest
      hostingCountry
      pue
      method
      methodVersion
      scope
      sourceUrl
      sourceDate
      declaredByProvider
      isDemo
    }
  }
`);

/**
 * Environmental figures per request. The method is written next to each number: figures obtained by
 * different methods are not comparable.
 */
export function ToolImpact(props: { tool: FragmentType<typeof ToolImpact_tool> }) {
  const tool = getFragmentData(ToolImpact_tool, props.tool);
  return (
    <section aria-labelledby="outil-impact" className="tool-section">
      <h2 id="outil-impact">Impact environnemental</h2>
      {tool.impactFigures.length === 0 ? <p>Aucun chiffre d'impact publié pour cet outil.</p> : null}
      <ul className="impact-list">
        {tool.impactFigures.map((figure) => {
          // "estimation EcoLogits 0.8.2", or "analyse de cycle de vie par un tiers, ACV Carbone 4 et ADEME, 2025".
          const version = figure.methodVersion ? (/^v?\d/.test(figure.methodVersion) ? ` ${figure.methodVersion}` : `, ${figure.methodVersion}`) : '';
          const method = `${IMPACT_METHOD_LABELS[figure.method]}${version}`;
          const values = [
            figure.energyWhPerRequest ? `${formatDecimal(figure.energyWhPerRequest)} Wh par requête` : null,
            figure.gco2ePerRequest ? `${formatDecimal(figure.gco2ePerRequest)} g CO₂e par requête` : null,
            figure.waterMlPerRequest ? `${formatDecimal(figure.waterMlPerRequest)} mL d'eau par requête` : null,
          ].filter((value): value is string => value !== null);
          return (
            <li key={figure.id} className="impact">
              {values.map((value) => (
                <p key={value} className="impact__value">
                  <strong>{value}</strong> <span className="impact__method">(méthode : {method})</span>
                </p>
              ))}
              {values.length === 0 ? <p className="impact__value">Aucune valeur chiffrée (méthode : {method})</p> : null}
              <p className="impact__meta">
                {figure.hostingCountry ? `Hébergement : ${formatCountry(figure.hostingCountry)}. ` : ''}
                {figure.pue ? `PUE : ${formatDecimal(figure.pue)}. ` : ''}
                {figure.declaredByProvider ? 'Déclaré par l’éditeur. ' : ''}
                <SourceNote url={figure.sourceUrl} date={figure.sourceDate} context={`impact de ${tool.name}`} />
                <DemoBadge show={figure.isDemo} />
              </p>
              {figure.scope ? <p className="impact__scope">{figure.scope}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
