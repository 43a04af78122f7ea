import { Link } from 'react-router-dom';
import { DemoBadge } from '../../components/DemoBadge';
import { SourceNote } from '../../components/SourceNote';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { compareDecimal, formatCount, formatCountry, formatInteger, formatRating } from '../../lib/format';
import { AI_ACT_RISK_LABELS, DEPLOYMENT_MODE_LABELS } from '../../lib/labels';
import { PlanPrice } from './PlanPrice';
import { exactPrice, formatPrice } from './priceFormat';
import { Fact } from '../../components/Fact';

export const ToolCard_tool = graphql(`
  fragment ToolCard_tool on Tool {
    id
    slug
    name
    description
    provider {
      id
      name
      country
    }
    categoryDetails {
      id
      name
    }
    deploymentMode
    hostingCountry
    aiActRiskTier
    declaredByProvider
    sourceUrl
    sourceDate
    isDemo
    ratings {
      count
      average
      demoCount
    }
    adoption {
      adopting
      demoCount
    }
    plans {
      id
      unitPrice
      ...PlanPrice_plan
    }
    referenceCost {
      perYear
      plan {
        id
        name
        ...PlanPrice_plan
      }
    }
  }
`);

/**
 * The demo part of a count, after it: « dont 9 de démonstration », « tous de démonstration » when all of it is, nothing
 * when none is; « , de démonstration » for a single one (the wording of DemoBadge's title: fictitious data, provided for the demonstration).
 */
function DemoPart({ total, demo, all }: { total: number; demo: number; all: string }) {
  if (total <= 0 || demo <= 0) return null;
  return (
    <span className="demo-share" title="Données fictives, fournies pour la démonstration">
      {demo >= total ? `,${all ? ` ${all}` : ''} de démonstration` : ` dont ${formatInteger(demo)} de démonstration`}
    </span>
  );
}

/**
 * Without a reference cost (no plan applies to the reference profile), the lowest unit price among the tool's plans,
 * compared exactly on the decimal strings: the card then only gives an entry price, its unit next to it.
 */
function cheapest<T extends { unitPrice: string }>(plans: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const plan of plans) {
    try {
      if (!best || compareDecimal(plan.unitPrice, best.unitPrice) < 0) best = plan;
    } catch {
      // A malformed price cannot be ranked; leave it out of the "à partir de" figure.
    }
  }
  return best;
}

/** The « Comparer » checkbox of a card: ticked when the tool is in the comparison selection. */
export interface CompareChoice {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One tool of the catalogue, with a checkbox to add it to the comparison when `compare` is given. */
export function ToolCard(props: { tool: FragmentType<typeof ToolCard_tool>; compare?: CompareChoice }) {
  const tool = getFragmentData(ToolCard_tool, props.tool);
  // the plan the PRICE order ranks the tool by, else the lowest unit price
  const entryPlan = tool.referenceCost?.plan ?? cheapest(tool.plans);
  const { compare } = props;
  return (
    <article className={compare?.checked ? 'tool-card tool-card--selected' : 'tool-card'}>
      <header className="tool-card__header">
        <h2 className="tool-card__title">
          <Link to={`/catalogue/${tool.slug}`}>{tool.name}</Link>
        </h2>
        <DemoBadge show={tool.isDemo} />
      </header>
      <p className="tool-card__provider">
        {tool.provider.name} <span className="muted">({formatCountry(tool.provider.country)})</span>
      </p>
      <p className="tool-card__description">{tool.description}</p>
      <dl className="tool-card__facts">
        <Fact term="Catégorie">{tool.categoryDetails.name}</Fact>
        <Fact term="Hébergement">{tool.hostingCountry ? formatCountry(tool.hostingCountry) : 'non renseigné'}</Fact>
        <Fact term="Déploiement">{DEPLOYMENT_MODE_LABELS[tool.deploymentMode]}</Fact>
        <Fact term="AI Act">{tool.aiActRiskTier ? AI_ACT_RISK_LABELS[tool.aiActRiskTier] : 'Niveau de risque non évalué'}</Fact>
        <Fact term="Note">
          {tool.ratings.count > 0 ? (
            <>
              {`${formatRating(tool.ratings.average)}/5 · ${formatInteger(tool.ratings.count)} avis`}
              <DemoPart total={tool.ratings.count} demo={tool.ratings.demoCount} all={tool.ratings.count > 1 ? 'tous' : ''} />
            </>
          ) : (
            'Aucun avis'
          )}
        </Fact>
        <Fact term="Utilisé par">
          {formatCount(tool.adoption.adopting, 'collectivité', 'collectivités')}
          <DemoPart total={tool.adoption.adopting} demo={tool.adoption.demoCount} all={tool.adoption.adopting > 1 ? 'toutes' : ''} />
        </Fact>
      </dl>
      <p className="price price--reference">
        Coût annuel estimé pour le profil de référence :{' '}
        {tool.referenceCost ? (
          <strong title={`${exactPrice(tool.referenceCost.perYear)} par an, offre « ${tool.referenceCost.plan.name} »`}>
            {formatPrice(tool.referenceCost.perYear)} HT / an
          </strong>
        ) : (
          <span className="muted">non calculable (aucune offre applicable)</span>
        )}
      </p>
      {entryPlan ? (
        <PlanPrice plan={entryPlan} toolName={tool.name} />
      ) : (
        <p className="price price--none">Aucun tarif renseigné</p>
      )}
      <footer className="tool-card__footer">
        {tool.declaredByProvider ? 'Informations déclarées par l’éditeur · ' : 'Fiche '}
        <SourceNote url={tool.sourceUrl} date={tool.sourceDate} context={`fiche ${tool.name}`} />
      </footer>
      {compare ? (
        <label className="tool-card__compare">
          <input type="checkbox" checked={compare.checked} onChange={(event) => compare.onChange(event.target.checked)} />
          Comparer<span className="visually-hidden"> {tool.name}</span>
        </label>
      ) : null}
    </article>
  );
}
