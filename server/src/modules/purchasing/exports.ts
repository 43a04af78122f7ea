// The purchasing exports, pure: a group's data (loaded by loaders.ts) in, text out. Money stays Decimal text: the
// amounts are formatted from their strings, never through a float.
import { dec, type DecimalLike } from '../../shared/money.ts';
import type { GroupEconomics } from './rules.ts';

interface ExportedOrganization {
  name: string;
  siren: string | null;
}

/** What the exports print of a group: its members with their organizations, coordinator and object. */
export interface GroupExport {
  title: string;
  isDemo: boolean;
  volumeUnit: string;
  allocationRule: string;
  interestDeadline: Date;
  coordinatorId: number;
  coordinator: ExportedOrganization;
  tool: { name: string; provider: { name: string } } | null;
  category: { name: string } | null;
  memberships: {
    organizationId: number;
    status: string;
    estimatedVolume: DecimalLike | null;
    committedVolume: DecimalLike | null;
    organization: ExportedOrganization;
  }[];
}

const RULES: Record<string, string> = {
  BY_POPULATION: 'au prorata de la population municipale de chaque membre (la population d’un EPCI membre diminuée de celle de ses communes membres du groupement)',
  BY_SEATS: 'au prorata du nombre de sièges engagés par chaque membre',
  BY_USAGE: 'au prorata du volume d’usage engagé par chaque membre',
  EQUAL: 'à parts égales entre les membres',
};
const UNITS: Record<string, string> = { SEATS: 'sièges', REQUESTS: 'requêtes', INHABITANTS: 'habitants' };
/** The members' statuses in French, as the spreadsheet shows them. */
export const MEMBER_STATUS_FR: Record<string, string> = { INTERESTED: 'intéressée', COMMITTED: 'engagée', WITHDRAWN: 'retirée' };

const byName = <M extends { organization: ExportedOrganization }>(members: readonly M[]) =>
  [...members].sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'fr'));

// ----------------------------------------------------------------------------- CSV

export type CsvFormat = 'FRENCH' | 'STANDARD';

const DIALECTS = {
  // what French spreadsheets open as is: semicolons, decimal comma, a byte order mark for the accents
  FRENCH: { separator: ';', bom: '\uFEFF', decimal: (value: string) => value.replace('.', ','), status: (s: string) => MEMBER_STATUS_FR[s] ?? s },
  // RFC 4180 for programs: commas, decimal point, status codes
  STANDARD: { separator: ',', bom: '', decimal: (value: string) => value, status: (s: string) => s },
} as const;

/**
 * A text cell: quoted when it holds a separator, a quote or a line break; a text a spreadsheet would run as a formula
 * (starting with =, +, -, @) gets a leading apostrophe, as in the audit CSV. Amounts and volumes are written by this
 * file (digits, an optional sign and separator) and are not text cells: a negative saving stays a number.
 */
export function csvText(value: string | null | undefined, separator: string): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ['SIREN', 'Collectivité', 'Statut', 'Volume estimé', 'Volume engagé', 'Part annuelle (€ HT)', 'Coût seul (€ HT)', 'Économie (€ HT)'];

/** Members with volumes and shares (by name), then a total line; French by default, or the standard dialect. */
export function groupMembersCsv(group: GroupExport, economics: GroupEconomics, format: CsvFormat = 'FRENCH'): string {
  const d = DIALECTS[format];
  const text = (value: string | null | undefined) => csvText(value, d.separator);
  // amounts come as text with their cents ("4800.00"), kept as they are; volumes as Decimals, in plain notation
  const number = (value: DecimalLike | null | undefined) =>
    value == null || value === '' ? '' : d.decimal(typeof value === 'string' ? value : dec(value).toFixed());
  const rows = byName(group.memberships).map((m) => {
    const share = economics.shares.find((s) => s.organizationId === m.organizationId);
    return [
      text(m.organization.siren), text(m.organization.name), text(d.status(m.status)), number(m.estimatedVolume), number(m.committedVolume),
      number(share?.share), number(share?.aloneCost), number(share?.savingsVsAlone),
    ];
  });
  const total = ['', text('Total'), '', '', number(economics.committedVolume), number(economics.total), '', number(economics.totalSavingsVsAlone)];
  return d.bom + [HEADER.map(text), ...rows, total].map((line) => line.join(d.separator)).join('\r\n') + '\r\n';
}

// ----------------------------------------------------------------------------- convention

const html = (text: string | number | null | undefined) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A Decimal in French, from its text: thousands grouped by narrow no-break spaces, decimal comma. */
export function frenchNumber(value: DecimalLike, decimals?: number): string {
  const fixed = decimals == null ? dec(value).toFixed() : dec(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');
  return `${fixed.startsWith('-') ? '−' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

const euros = (value: DecimalLike) => `${frenchNumber(value, 2)} € HT`;
/** A member's part of the total, in percent to two decimals (0 when the total is nil). */
const percent = (share: string, total: string) => (dec(total).isZero() ? '0,00' : frenchNumber(dec(share).times(100).div(total), 2));
const day = (date: Date) => date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

const STYLE = `
  body { font-family: Marianne, Arial, sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5; color: #161616; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: .3rem .5rem; text-align: left; }
  .n { text-align: right; white-space: nowrap; } .draft { border: 2px solid #000091; padding: .5rem 1rem; }
  .demo { border: 2px dashed #b34000; padding: .5rem 1rem; font-weight: bold; }
  .signatures { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 1rem; }
  .signature { border: 1px solid #999; padding: .5rem 1rem; break-inside: avoid; min-height: 10rem; }
  .signature p { margin: .3rem 0; }
  @media print { .draft, .demo { border-color: #000; } }`;

/** The committed members, each with its volume and its share of the split (the signatories). */
function committedRows(committed: GroupExport['memberships'], economics: GroupEconomics, unit: string) {
  return committed
    .map((m) => {
      const share = economics.shares.find((s) => s.organizationId === m.organizationId);
      return `<tr><td>${html(m.organization.name)}</td><td>${html(m.organization.siren)}</td><td class="n">${frenchNumber(m.committedVolume ?? 0)} ${html(unit)}</td>
        <td class="n">${share ? euros(share.share) : '—'}</td><td class="n">${share ? `${percent(share.share, economics.total)} %` : '—'}</td></tr>`;
    })
    .join('\n');
}

const signatureBlock = (name: string) => `<div class="signature"><p><strong>Pour ${html(name)}</strong></p>
  <p>Nom et prénom : ………………………………</p><p>Qualité : ………………………………</p><p>Date : ……/……/…………</p><p>Signature :</p></div>`;

/**
 * A printable draft of the group's constitutive agreement (convention constitutive, art. L2113-6 and L2113-7), to adapt
 * with legal counsel. Only the committed members sign it; the interested ones are listed apart, as future signatories.
 */
export function groupConventionHtml(group: GroupExport, economics: GroupEconomics, generatedAt: Date): string {
  const committed = byName(group.memberships.filter((m) => m.status === 'COMMITTED'));
  const interested = byName(group.memberships.filter((m) => m.status === 'INTERESTED'));
  const unit = UNITS[group.volumeUnit] ?? group.volumeUnit;
  const object = group.tool ? `${group.tool.name} (${group.tool.provider.name})` : `outils de la catégorie « ${group.category?.name ?? ''} »`;
  const coordinatorCommitted = committed.some((m) => m.organizationId === group.coordinatorId);
  const split = economics.basis === 'COMMITTED'
    ? `<p>Le coût annuel, ${euros(economics.total)} pour un volume engagé de ${frenchNumber(economics.pooledVolume)} ${html(unit)} (prix unitaire
${euros(economics.unitPrice)} par unité et par an), est réparti ${html(RULES[group.allocationRule])}. Les parts sont arrondies au centime de sorte que
leur somme soit égale au coût total (méthode du plus fort reste) ; elles figurent à l’article 4 et seront recalculées au prix du marché attribué.</p>`
    : `<p>Aucun membre ne s’est encore engagé : la répartition ${html(RULES[group.allocationRule])} sera calculée sur les volumes engagés.</p>`;
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Projet de convention — ${html(group.title)}</title>
<style>${STYLE}
</style></head><body>
<p class="draft"><strong>Projet — à faire valider par vos services juridiques.</strong> Généré par Mutualis le ${day(generatedAt)} : document de travail,
sans valeur d’engagement tant qu’il n’est pas adopté par chaque membre selon ses règles (délibération ou décision de l’exécutif).</p>
${group.isDemo ? '<p class="demo">Données de démonstration : ce groupement est fictif.</p>' : ''}
<h1>Convention constitutive du groupement de commandes « ${html(group.title)} »</h1>
<h2>Article 1 — Fondement juridique</h2>
<p>Le présent groupement de commandes est constitué en application des articles L2113-6 et L2113-7 du Code de la commande publique.</p>
<h2>Article 2 — Objet</h2>
<p>Le groupement a pour objet la passation d’un marché portant sur : ${html(object)}. Les besoins des membres sont exprimés en ${html(unit)}, par an.</p>
<h2>Article 3 — Coordonnateur et sa mission</h2>
<p>${html(group.coordinator.name)} (SIREN ${html(group.coordinator.siren)}), membre du groupement, en est désigné coordonnateur. Conformément à
l’article L2113-7, il est chargé de la passation du marché (définition des besoins consolidés, choix de la procédure, publicité, analyse des offres),
de sa signature et de sa notification au nom de l’ensemble des membres. Chaque membre exécute le marché pour la part qui le concerne (commandes,
réception, paiement) ; les membres peuvent, par avenant, confier aussi l’exécution au coordonnateur. Le coordonnateur exerce sa mission à titre gratuit.</p>
${coordinatorCommitted ? '' : '<p><em>À compléter : le coordonnateur doit être membre du groupement ; il ne s’est pas encore engagé sur un volume.</em></p>'}
<h2>Article 4 — Membres signataires et volumes engagés</h2>
${committed.length
  ? `<table><thead><tr><th>Membre</th><th>SIREN</th><th>Volume engagé</th><th>Part annuelle</th><th>Part du coût</th></tr></thead><tbody>
${committedRows(committed, economics, unit)}
</tbody></table>`
  : '<p>Aucun membre ne s’est encore engagé.</p>'}
${interested.length
  ? `<p>Collectivités intéressées, non signataires tant qu’elles ne se sont pas engagées : ${interested.map((m) => html(m.organization.name)).join(', ')}.</p>`
  : ''}
<h2>Article 5 — Répartition financière</h2>
${split}
<h2>Article 6 — Durée</h2>
<p>La convention prend effet à sa signature par l’ensemble des membres engagés. Elle est conclue pour la durée de la procédure de passation et de
l’exécution du marché, reconductions comprises, et prend fin à l’expiration du dernier marché conclu pour le groupement.</p>
<h2>Article 7 — Adhésion et retrait</h2>
<p>Les collectivités éligibles manifestent leur intérêt jusqu’au ${day(group.interestDeadline)}. Un membre peut se retirer librement tant que le
groupement est ouvert, avant la clôture des engagements. Après la clôture, le retrait n’est possible qu’à l’échéance annuelle du marché, par lettre
adressée au coordonnateur trois mois au moins avant cette échéance ; le membre qui se retire reste tenu des commandes passées.</p>
<h2>Article 8 — Comité de suivi</h2>
<p>Un comité de suivi réunit un représentant de chaque membre signataire, sous la présidence du coordonnateur. Il est consulté sur le dossier de
consultation et le choix de l’attributaire, et se réunit au moins une fois par an pendant l’exécution pour suivre les volumes, la qualité du service
et les coûts.</p>
<h2>Article 9 — Litiges</h2>
<p>Les différends relatifs à la présente convention sont portés, à défaut d’accord amiable, devant le tribunal administratif territorialement compétent.</p>
<h2>Signatures</h2>
${committed.length ? `<div class="signatures">\n${committed.map((m) => signatureBlock(m.organization.name)).join('\n')}\n</div>` : '<p>Aucun membre signataire à ce jour.</p>'}
</body></html>`;
}
