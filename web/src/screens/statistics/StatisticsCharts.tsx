import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { DemoShare } from '../../components/DemoBadge';
import { NumericCell, Table } from '../../components/Table';
import { formatInteger } from '../../lib/format';
import { IMPACT_METHOD_LABELS } from '../../lib/labels';
import { amountDemoShare, DemoPart, formatAmount, formatQuantity, formatRate } from './statisticsFormat';
import type { Breakdown, Stats } from './types';

// The charts of the page, drawn by recharts at a fixed size (they scroll sideways on narrow screens). Each chart is
// an image named by its summary, followed by its data table in a disclosure (RGAA 1.x: the same information as text).
// Colours keep a contrast of at least 3:1 with the white background: the State's blue, terre battue, green, grey.

const BLUE = '#000091';
const ORANGE = '#b34000';
const GREEN = '#18753c';
const GREY = '#666666';
const WIDTH = 720;

const percent = (value: number | null | undefined) => (value == null ? 0 : Math.round(value * 1000) / 10);
const percentTick = (value: number) => `${value} %`;
const euroTick = (value: number) =>
  value >= 1_000_000 ? `${formatInteger(Math.round(value / 100_000) / 10)} M€` : value >= 1000 ? `${formatInteger(Math.round(value / 1000))} k€` : `${value} €`;

/** A chart: its title, the chart as an image named by `summary`, and its data table under « Voir les données ». */
function ChartFigure(props: { id: string; title: string; summary: string; note?: ReactNode; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="stat-chart" aria-labelledby={`${props.id}-titre`}>
      <figcaption id={`${props.id}-titre`} className="stat-chart__title">
        {props.title}
      </figcaption>
      {props.note ? <p className="stat-note">{props.note}</p> : null}
      <div className="stat-chart__canvas" role="img" aria-label={`${props.title}. ${props.summary}`}>
        {props.chart}
      </div>
      <details className="stat-data">
        <summary>Voir les données du graphique « {props.title} »</summary>
        {props.table}
      </details>
    </figure>
  );
}

const chartProps = { accessibilityLayer: false } as const;
const barProps = { isAnimationActive: false } as const;

function heightFor(rows: number) {
  return Math.max(160, 40 + rows * 36);
}

/** Top providers' shares of the deployments in use and of the declared spend. */
export function VendorChart({ stats }: { stats: Stats }) {
  const top = stats.concentration.top;
  const data = top.map((provider) => ({ name: provider.name, deployments: percent(provider.rate), spend: provider.spendShare == null ? null : percent(provider.spendShare) }));
  const summary = top.map((p) => `${p.name} : ${formatRate(p.rate)} des déploiements, ${p.spendShare == null ? 'dépense non publiée' : `${formatRate(p.spendShare)} de la dépense`}`).join(' ; ');
  return (
    <ChartFigure
      id="graphique-fournisseurs"
      title="Concentration des fournisseurs : parts des premiers fournisseurs"
      summary={summary || 'Aucun fournisseur.'}
      chart={
        <BarChart {...chartProps} layout="vertical" width={WIDTH} height={heightFor(data.length * 1.5)} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={percentTick} unit="" />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Legend />
          <Bar {...barProps} dataKey="deployments" name="Part des déploiements en usage" fill={BLUE} />
          <Bar {...barProps} dataKey="spend" name="Part de la dépense déclarée" fill={ORANGE} />
        </BarChart>
      }
      table={
        <Table
          caption="Parts des premiers fournisseurs"
          columns={['Fournisseur', { label: 'Déploiements en usage', numeric: true }, { label: 'Part des déploiements', numeric: true }, { label: 'Dépense annuelle', numeric: true }, { label: 'Part de la dépense', numeric: true }]}
        >
          {top.map((provider) => (
            <tr key={provider.slug}>
              <th scope="row">{provider.name}</th>
              <NumericCell label="Déploiements en usage">
                {formatInteger(provider.count)}
                <DemoShare total={provider.count} demo={provider.demo} />
              </NumericCell>
              <NumericCell label="Part des déploiements">{formatRate(provider.rate)}</NumericCell>
              <NumericCell label="Dépense annuelle">{formatAmount(provider.spend)}</NumericCell>
              <NumericCell label="Part de la dépense">{provider.spendShare == null ? 'secret statistique' : formatRate(provider.spendShare)}</NumericCell>
            </tr>
          ))}
        </Table>
      }
    />
  );
}

/** Charters adopted and planned, by type of EPCI of the territory. */
export function ChartersByEpciTypeChart({ rows }: { rows: readonly Breakdown[] }) {
  const data = rows.map((row) => ({ name: row.label, adopted: percent(row.chartersAdopted.rate), planned: percent(row.chartersPlanned.rate) }));
  const summary = rows.map((row) => `${row.label} : ${formatRate(row.chartersAdopted.rate)} adoptées, ${formatRate(row.chartersPlanned.rate)} en projet`).join(' ; ');
  return (
    <ChartFigure
      id="graphique-chartes"
      title="Chartes éthiques de l’IA par type d’EPCI"
      summary={summary || 'Aucune donnée.'}
      note="Part des collectivités du territoire de chaque type d’EPCI (l’EPCI et ses communes) ayant adopté ou en projet une charte."
      chart={
        <BarChart {...chartProps} layout="vertical" width={WIDTH} height={heightFor(data.length)} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={percentTick} />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Legend />
          <Bar {...barProps} dataKey="adopted" name="Charte adoptée" stackId="chartes" fill={GREEN} />
          <Bar {...barProps} dataKey="planned" name="Charte en projet" stackId="chartes" fill={BLUE} />
        </BarChart>
      }
      table={
        <Table caption="Chartes par type d’EPCI" columns={['Type d’EPCI', { label: 'Collectivités', numeric: true }, { label: 'Chartes adoptées', numeric: true }, { label: 'Chartes en projet', numeric: true }]}>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <NumericCell label="Collectivités">{formatInteger(row.organizations)}</NumericCell>
              <NumericCell label="Chartes adoptées">
                {formatInteger(row.chartersAdopted.count)} ({formatRate(row.chartersAdopted.rate)})
                <DemoShare total={row.chartersAdopted.count} demo={row.chartersAdopted.demo} feminine />
              </NumericCell>
              <NumericCell label="Chartes en projet">
                {formatInteger(row.chartersPlanned.count)} ({formatRate(row.chartersPlanned.rate)})
                <DemoShare total={row.chartersPlanned.count} demo={row.chartersPlanned.demo} feminine />
              </NumericCell>
            </tr>
          ))}
        </Table>
      }
    />
  );
}

/** The declared annual spend of the deployments in use, by category (categories under statistical confidentiality left out of the bars). */
export function SpendByCategoryChart({ stats }: { stats: Stats }) {
  const categories = stats.categories;
  const shown = categories.filter((category) => !category.spend.withheld && category.spend.amount != null);
  const data = shown.map((category) => ({ name: category.name, spend: Number(category.spend.amount) }));
  const summary = categories.map((category) => `${category.name} : ${formatAmount(category.spend)}`).join(' ; ');
  return (
    <ChartFigure
      id="graphique-depense"
      title="Dépense annuelle déclarée par catégorie"
      summary={summary || 'Aucune dépense déclarée.'}
      note={shown.length < categories.length ? 'Les catégories couvertes par le secret statistique n’ont pas de barre.' : undefined}
      chart={
        <BarChart {...chartProps} layout="vertical" width={WIDTH} height={heightFor(data.length)} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={euroTick} />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip formatter={(value) => formatAmount({ amount: String(value), withheld: false })} />
          <Bar {...barProps} dataKey="spend" name="Dépense annuelle déclarée (€ HT)" fill={BLUE} />
        </BarChart>
      }
      table={
        <Table caption="Dépense annuelle déclarée par catégorie" columns={['Catégorie', { label: 'Déploiements en usage', numeric: true }, { label: 'Dépense annuelle', numeric: true }]}>
          {categories.map((category) => (
            <tr key={category.slug}>
              <th scope="row">{category.name}</th>
              <NumericCell label="Déploiements en usage">{formatInteger(category.count)}</NumericCell>
              <NumericCell label="Dépense annuelle">
                {formatAmount(category.spend)}
                {category.spend.withheld ? null : <DemoPart share={amountDemoShare(category.spend)} />}
              </NumericCell>
            </tr>
          ))}
        </Table>
      }
    />
  );
}

/** The deployments in use by how their footprint is known (each method), and those without a known footprint. */
export function FootprintChart({ stats }: { stats: Stats }) {
  const { footprint, inUse } = stats;
  const uncovered = Math.max(0, inUse.count - footprint.covered.count);
  const data = [
    ...footprint.methods.map((method) => ({ name: IMPACT_METHOD_LABELS[method.key], count: method.count, known: true })),
    { name: 'empreinte inconnue', count: uncovered, known: false },
  ];
  const title = `Empreinte : couverture de ${formatRate(footprint.covered.rate)} des déploiements en usage, par méthode`;
  return (
    <ChartFigure
      id="graphique-empreinte"
      title={title}
      summary={data.map((row) => `${row.name} : ${formatInteger(row.count)} déploiements`).join(' ; ')}
      note="Les chiffres de méthodes différentes ne sont pas comparables ; les déploiements sans volume déclaré ou dont l’outil ne publie pas d’impact n’ont pas d’empreinte."
      chart={
        <BarChart {...chartProps} layout="vertical" width={WIDTH} height={heightFor(data.length)} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={260} />
          <Tooltip />
          <Bar {...barProps} dataKey="count" name="Déploiements en usage">
            {data.map((row) => (
              <Cell key={row.name} fill={row.known ? GREEN : GREY} />
            ))}
          </Bar>
        </BarChart>
      }
      table={
        <Table caption="Empreinte par méthode" columns={['Méthode', { label: 'Déploiements en usage', numeric: true }, { label: 'kg CO2e par an', numeric: true }]}>
          {footprint.methods.map((method) => (
            <tr key={method.key}>
              <th scope="row">{IMPACT_METHOD_LABELS[method.key]}</th>
              <NumericCell label="Déploiements en usage">
                {formatInteger(method.count)}
                <DemoShare total={method.count} demo={method.demo} />
              </NumericCell>
              <NumericCell label="kg CO2e par an">{formatQuantity(method.kgco2e)}</NumericCell>
            </tr>
          ))}
          <tr>
            <th scope="row">Empreinte inconnue</th>
            <NumericCell label="Déploiements en usage">{formatInteger(uncovered)}</NumericCell>
            <NumericCell label="kg CO2e par an">—</NumericCell>
          </tr>
        </Table>
      }
    />
  );
}

/** Declaring and adopting collectivités by population band. */
export function AdoptionByPopulationChart({ rows }: { rows: readonly Breakdown[] }) {
  const data = rows.map((row) => ({ name: row.label, declaring: percent(row.declaring.rate), adopting: percent(row.adopting.rate) }));
  const summary = rows.map((row) => `${row.label} : ${formatRate(row.adopting.rate)} d’adoption, ${formatRate(row.declaring.rate)} déclarantes`).join(' ; ');
  return (
    <ChartFigure
      id="graphique-population"
      title="Adoption par tranche de population"
      summary={summary || 'Aucune donnée.'}
      chart={
        <BarChart {...chartProps} layout="vertical" width={WIDTH} height={heightFor(data.length * 1.5)} data={data} margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={percentTick} />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Legend />
          <Bar {...barProps} dataKey="adopting" name="Utilisent l’IA (expérimentation ou production)" fill={BLUE} />
          <Bar {...barProps} dataKey="declaring" name="Déclarent au moins un outil" fill={ORANGE} />
        </BarChart>
      }
      table={
        <Table caption="Adoption par tranche de population" columns={['Tranche', { label: 'Collectivités', numeric: true }, { label: 'Déclarantes', numeric: true }, { label: 'Adoption', numeric: true }]}>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <NumericCell label="Collectivités">{formatInteger(row.organizations)}</NumericCell>
              <NumericCell label="Déclarantes">
                {formatInteger(row.declaring.count)} ({formatRate(row.declaring.rate)})
                <DemoShare total={row.declaring.count} demo={row.declaring.demo} feminine />
              </NumericCell>
              <NumericCell label="Adoption">
                {formatInteger(row.adopting.count)} ({formatRate(row.adopting.rate)})
                <DemoShare total={row.adopting.count} demo={row.adopting.demo} feminine />
              </NumericCell>
            </tr>
          ))}
        </Table>
      }
    />
  );
}
