import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DemoShare } from '../../components/DemoBadge';
import { NumericCell, Table } from '../../components/Table';
import { formatCount, formatEurosHT, formatInteger } from '../../lib/format';
import { IMPACT_METHOD_LABELS, PROCUREMENT_ROUTE_LABELS } from '../../lib/labels';
import { amountDemoShare, DemoPart, formatAmount, formatHhi, formatQuantity, formatRate } from './statisticsFormat';
import type { Amount, Count, Stats } from './types';
import { UseProfile } from './UseProfile';

/** One key figure: its name, its value, what it is out of, and its demo share. */
function Figure(props: { term: string; value: ReactNode; detail?: ReactNode; demo?: ReactNode }) {
  return (
    <div className="stat-figure">
      <dt>{props.term}</dt>
      <dd>
        <span className="stat-figure__value">{props.value}</span>
        {props.detail ? <span className="stat-figure__detail">{props.detail}</span> : null}
        {props.demo ? <span className="stat-figure__demo">{props.demo}</span> : null}
      </dd>
    </div>
  );
}

/** « dont 100 % … » for a count (the shared DemoShare), and the rate without demonstration data when it differs. */
function CountDemo({ count, feminine = false, withRate = false }: { count: Count; feminine?: boolean; withRate?: boolean }) {
  if (count.demo <= 0) return null;
  return (
    <>
      <DemoShare total={count.count} demo={count.demo} feminine={feminine} />
      {withRate && count.rateWithoutDemo != null ? <> ; sans les données de démonstration : {formatRate(count.rateWithoutDemo)}</> : null}
    </>
  );
}

function AmountDemo({ amount }: { amount: Amount }) {
  return amount.withheld ? null : <DemoPart share={amountDemoShare(amount)} />;
}

/** The spend, or the statistical confidentiality sentence. */
function Spend({ amount }: { amount: Amount }) {
  if (amount.withheld || amount.amount == null) {
    return (
      <span className="stat-withheld">
        Secret statistique : moins de 3 collectivités déclarent un coût, le montant n’est pas publié.
      </span>
    );
  }
  return <>{formatAmount(amount)}</>;
}

/** The key figures of a scope: collectivités, adoption, charters, deployments, spend, concentration, footprint. */
export function KeyFigures({ stats }: { stats: Stats }) {
  const { concentration, footprint } = stats;
  const kgDemoShare = amountDemoShare({ amount: footprint.kgco2e, demo: footprint.kgco2eDemo });
  return (
    <section aria-labelledby="chiffres-cles" className="stat-section">
      <h2 id="chiffres-cles">Chiffres clés</h2>
      <dl className="stat-figures">
        <Figure term="Collectivités du périmètre" value={formatInteger(stats.organizations)} />
        <Figure
          term="Collectivités déclarantes"
          value={formatRate(stats.declaring.rate)}
          detail={`${formatCount(stats.declaring.count, 'collectivité déclare', 'collectivités déclarent')} au moins un outil`}
          demo={<CountDemo count={stats.declaring} feminine withRate />}
        />
        <Figure
          term="Collectivités qui utilisent l’IA"
          value={formatRate(stats.adopting.rate)}
          detail={`${formatCount(stats.adopting.count, 'collectivité', 'collectivités')} en expérimentation ou en production`}
          demo={<CountDemo count={stats.adopting} feminine withRate />}
        />
        <Figure
          term="Chartes éthiques de l’IA adoptées"
          value={formatRate(stats.chartersAdopted.rate)}
          detail={`${formatCount(stats.chartersAdopted.count, 'charte adoptée', 'chartes adoptées')}, ${formatCount(stats.chartersPlanned.count, 'en projet', 'en projet')} (${formatRate(stats.chartersPlanned.rate)})`}
          demo={<CountDemo count={stats.chartersAdopted} feminine withRate />}
        />
        <Figure
          term="Déploiements déclarés"
          value={formatInteger(stats.deployments.count)}
          detail={`dont ${formatInteger(stats.inUse.count)} en usage (expérimentation ou production)`}
          demo={<CountDemo count={stats.deployments} />}
        />
        <Figure
          term="Dépense annuelle déclarée"
          value={<Spend amount={stats.spend} />}
          detail={stats.spend.withheld ? undefined : `${formatCount(stats.spend.contributors, 'collectivité déclare', 'collectivités déclarent')} un coût`}
          demo={<AmountDemo amount={stats.spend} />}
        />
        <Figure
          term="Part de la dépense hors UE"
          value={stats.spendOutsideEu.withheld ? 'secret statistique' : formatRate(stats.spendOutsideEuShare)}
          detail={stats.spendOutsideEu.withheld ? undefined : `${formatAmount(stats.spendOutsideEu)} vers des fournisseurs dont le siège est hors de l’Union européenne`}
          demo={<AmountDemo amount={stats.spendOutsideEu} />}
        />
        <Figure
          term="Dépense attestée par les marchés publics"
          value={formatEurosHT(stats.attested.amount)}
          detail={
            stats.attested.contracts > 0
              ? `${formatCount(stats.attested.contracts, 'marché confirmé', 'marchés confirmés')} (DECP), dont ${formatInteger(stats.attested.frameworks)} accord(s)-cadre(s) comptés à leur maximum ; concentration des titulaires ${formatHhi(stats.attested.hhi)} ; considérations environnementales : ${formatRate(stats.attested.environmentalShare)} ; marchés innovants : ${formatRate(stats.attested.innovativeShare)} ; offres reçues en moyenne : ${stats.attested.offersAverage?.toLocaleString('fr-FR') ?? 'non renseigné'}`
              : 'aucun marché public d’IA confirmé sur ce périmètre (données essentielles de la commande publique)'
          }
          demo="données publiques (DECP) : aucune donnée de démonstration"
        />
        <Figure
          term="Concentration des fournisseurs (déploiements)"
          value={formatHhi(concentration.hhiDeployments)}
          detail={`indice de Herfindahl–Hirschman sur ${formatCount(concentration.providers, 'fournisseur', 'fournisseurs')}${
            concentration.hhiDeploymentsWithoutDemo != null ? ` ; sans démonstration : ${formatHhi(concentration.hhiDeploymentsWithoutDemo)}` : ''
          }`}
          demo={<CountDemo count={stats.inUse} />}
        />
        <Figure
          term="Concentration des fournisseurs (dépense)"
          value={stats.spend.withheld ? 'secret statistique' : formatHhi(concentration.hhiSpend)}
          detail={concentration.hhiSpendWithoutDemo != null ? `sans démonstration : ${formatHhi(concentration.hhiSpendWithoutDemo)}` : undefined}
          demo={<AmountDemo amount={stats.spend} />}
        />
        <Figure
          term="Empreinte annuelle estimée"
          value={`${formatQuantity(footprint.kgco2e)} kg CO2e`}
          detail={`${formatQuantity(footprint.kwh)} kWh, ${formatQuantity(footprint.waterL)} litres d’eau ; couverture : ${formatRate(footprint.covered.rate)} des déploiements en usage (${formatInteger(footprint.covered.count)} sur ${formatInteger(stats.inUse.count)})`}
          demo={<DemoPart share={kgDemoShare} />}
        />
        <Figure
          term="Taux d’abandon"
          value={formatRate(stats.abandoned.rate)}
          detail={`${formatCount(stats.abandoned.count, 'déploiement abandonné', 'déploiements abandonnés')}`}
          demo={<CountDemo count={stats.abandoned} withRate />}
        />
      </dl>
      <p className="stat-note">
        Indice de Herfindahl–Hirschman : somme des carrés des parts de marché en %, de 0 à 10 000. En dessous de 1 500, marché peu
        concentré ; de 1 500 à 2 500, modérément concentré ; au-delà de 2 500, très concentré.
      </p>

      <div className="stat-columns">
        <FootprintMethods stats={stats} />
        <AbandonReasons stats={stats} />
      </div>
      <ProcurementRoutes stats={stats} />
      <UseProfile stats={stats} />
      <TopTools stats={stats} />
    </section>
  );
}

function FootprintMethods({ stats }: { stats: Stats }) {
  const { footprint } = stats;
  return (
    <div>
      <h3>Méthodes de l’empreinte</h3>
      <p className="stat-note">Les chiffres de méthodes différentes ne sont pas comparables entre eux.</p>
      {footprint.methods.length > 0 ? (
        <Table caption="Méthodes des empreintes connues" showCaption columns={['Méthode', { label: 'Déploiements', numeric: true }, { label: 'Part', numeric: true }, { label: 'kg CO2e', numeric: true }]}>
          {footprint.methods.map((method) => (
            <tr key={method.key}>
              <th scope="row">{IMPACT_METHOD_LABELS[method.key]}</th>
              <NumericCell label="Déploiements">
                {formatInteger(method.count)}
                <DemoShare total={method.count} demo={method.demo} />
              </NumericCell>
              <NumericCell label="Part">{formatRate(method.rate)}</NumericCell>
              <NumericCell label="kg CO2e">{formatQuantity(method.kgco2e)}</NumericCell>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Aucun déploiement en usage n’a d’empreinte connue.</p>
      )}
    </div>
  );
}

function AbandonReasons({ stats }: { stats: Stats }) {
  const reasons = stats.abandonReasons.slice(0, 5);
  return (
    <div>
      <h3>Principales raisons d’abandon</h3>
      {reasons.length > 0 ? (
        <Table caption="Principales raisons d’abandon" showCaption columns={['Raison', { label: 'Abandons', numeric: true }, { label: 'Part', numeric: true }]}>
          {reasons.map((reason) => (
            <tr key={reason.key ?? 'none'}>
              <th scope="row">{reason.key ?? 'Raison non renseignée'}</th>
              <NumericCell label="Abandons">
                {formatInteger(reason.count)}
                <DemoShare total={reason.count} demo={reason.demo} />
              </NumericCell>
              <NumericCell label="Part">{formatRate(reason.rate)}</NumericCell>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Aucun abandon déclaré.</p>
      )}
    </div>
  );
}

function ProcurementRoutes({ stats }: { stats: Stats }) {
  return (
    <>
      <h3>Voies d’achat</h3>
      {stats.procurementRoutes.length > 0 ? (
        <Table
          caption="Déploiements par voie d’achat et dépense annuelle déclarée"
          showCaption
          scroll
          columns={['Voie d’achat', { label: 'Déploiements', numeric: true }, { label: 'Part', numeric: true }, { label: 'Dépense annuelle', numeric: true }]}
        >
          {stats.procurementRoutes.map((route) => (
            <tr key={route.key ?? 'none'}>
              <th scope="row">{route.key ? PROCUREMENT_ROUTE_LABELS[route.key] : 'Non renseignée'}</th>
              <NumericCell label="Déploiements">
                {formatInteger(route.count)}
                <DemoShare total={route.count} demo={route.demo} />
              </NumericCell>
              <NumericCell label="Part">{formatRate(route.rate)}</NumericCell>
              <NumericCell label="Dépense annuelle">
                {formatAmount(route.spend)}
                <AmountDemo amount={route.spend} />
              </NumericCell>
            </tr>
          ))}
        </Table>
      ) : (
        <p>Aucun déploiement déclaré.</p>
      )}
    </>
  );
}

function TopTools({ stats }: { stats: Stats }) {
  return (
    <div className="stat-columns">
      <div>
        <h3>Outils les plus déployés</h3>
        {stats.topTools.length > 0 ? (
          <Table
            caption="Les outils les plus déployés (en usage)"
            showCaption
            columns={['Outil', { label: 'En usage', numeric: true }, { label: 'Collectivités', numeric: true }, { label: 'Dépense annuelle', numeric: true }]}
          >
            {stats.topTools.map((tool) => (
              <tr key={tool.slug}>
                <th scope="row">
                  <Link to={`/catalogue/${tool.slug}`}>{tool.name}</Link>
                  <span className="cell-note"> {tool.providerName}</span>
                </th>
                <NumericCell label="En usage">
                  {formatInteger(tool.count)}
                  <DemoShare total={tool.count} demo={tool.demo} />
                </NumericCell>
                <NumericCell label="Collectivités">{formatInteger(tool.organizations)}</NumericCell>
                <NumericCell label="Dépense annuelle">{formatAmount(tool.spend)}</NumericCell>
              </tr>
            ))}
          </Table>
        ) : (
          <p>Aucun outil en usage.</p>
        )}
      </div>
      <div>
        <h3>Catégories</h3>
        {stats.categories.length > 0 ? (
          <Table caption="Déploiements en usage par catégorie" showCaption columns={['Catégorie', { label: 'En usage', numeric: true }, { label: 'Part', numeric: true }]}>
            {stats.categories.map((category) => (
              <tr key={category.slug}>
                <th scope="row">{category.name}</th>
                <NumericCell label="En usage">
                  {formatInteger(category.count)}
                  <DemoShare total={category.count} demo={category.demo} />
                </NumericCell>
                <NumericCell label="Part">{formatRate(category.rate)}</NumericCell>
              </tr>
            ))}
          </Table>
        ) : (
          <p>Aucune catégorie.</p>
        )}
      </div>
    </div>
  );
}
