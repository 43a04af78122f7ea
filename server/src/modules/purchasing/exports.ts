// The purchasing exports, pure: a group's data (loaded by loaders.ts) in, text out.
import type { DecimalLike } from '../../shared/money.ts';
import type { GroupEconomics } from './rules.ts';

interface ExportedOrganization {
  name: string;
  siren: string | null;
}

/** What the exports print of a group: its members with their organizations, coordinator and object. */
export interface GroupExport {
  title: string;
  volumeUnit: string;
  allocationRule: string;
  interestDeadline: Date;
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
  BY_POPULATION: 'au prorata de la population municipale de chaque membre',
  BY_SEATS: 'au prorata du nombre de sièges engagés par chaque membre',
  BY_USAGE: 'au prorata du volume d’usage engagé par chaque membre',
  EQUAL: 'à parts égales entre les membres',
};
const UNITS: Record<string, string> = { SEATS: 'sièges', REQUESTS: 'requêtes', INHABITANTS: 'habitants' };

const csvCell = (value: string | number | null | undefined) => {
  const text = value == null ? '' : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const byName = (members: GroupExport['memberships']) =>
  [...members].sort((a, b) => a.organization.name.localeCompare(b.organization.name, 'fr'));

/** Members with volumes and shares; the spreadsheet-friendly French CSV (semicolons, decimal comma-free strings). */
export function groupMembersCsv(group: GroupExport, economics: GroupEconomics): string {
  const header = ['SIREN', 'Collectivité', 'Statut', 'Volume estimé', 'Volume engagé', `Part annuelle (€ HT)`, 'Coût seul (€ HT)', 'Économie (€ HT)'];
  const rows = byName(group.memberships).map((m) => {
    const share = economics.shares.find((s) => s.organizationId === m.organizationId);
    return [
      m.organization.siren, m.organization.name, m.status, m.estimatedVolume?.toString() ?? '', m.committedVolume?.toString() ?? '',
      share?.share ?? '', share?.aloneCost ?? '', share?.savingsVsAlone ?? '',
    ];
  });
  const total = ['', 'Total', '', '', economics.committedVolume, economics.total, '', economics.totalSavingsVsAlone];
  return '\uFEFF' + [header, ...rows, total].map((line) => line.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

const html = (text: string | number | null | undefined) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const euros = (value: string) => `${Number(value).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} € HT`;

/** A printable draft of the group's constitutive agreement (convention constitutive), to adapt with legal counsel. */
export function groupConventionHtml(group: GroupExport, economics: GroupEconomics, generatedAt: Date): string {
  const members = byName(group.memberships.filter((m) => m.status !== 'WITHDRAWN'));
  const object = group.tool ? `${group.tool.name} (${group.tool.provider.name})` : `outils de la catégorie « ${group.category?.name ?? ''} »`;
  const rows = members
    .map((m) => {
      const share = economics.shares.find((s) => s.organizationId === m.organizationId);
      return `<tr><td>${html(m.organization.name)}</td><td>${html(m.organization.siren)}</td><td>${m.status === 'COMMITTED' ? 'engagé' : 'intéressé'}</td>
        <td class="n">${html((m.committedVolume ?? m.estimatedVolume)?.toString())}</td><td class="n">${share ? euros(share.share) : '—'}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Projet de convention — ${html(group.title)}</title>
<style>
  body { font-family: Marianne, Arial, sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5; color: #161616; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: .3rem .5rem; text-align: left; }
  .n { text-align: right; } .draft { border: 2px solid #000091; padding: .5rem 1rem; }
  @media print { .draft { border-color: #000; } }
</style></head><body>
<p class="draft">Projet généré par Mutualis le ${generatedAt.toLocaleDateString('fr-FR')} — document de travail à faire valider par les services juridiques des membres.</p>
<h1>Convention constitutive du groupement de commandes « ${html(group.title)} »</h1>
<h2>Article 1 — Fondement juridique</h2>
<p>Le présent groupement de commandes est constitué en application des articles L2113-6 et L2113-7 du Code de la commande publique.</p>
<h2>Article 2 — Objet</h2>
<p>Le groupement a pour objet la passation et l’exécution d’un marché portant sur : ${html(object)}. Volume exprimé en ${html(UNITS[group.volumeUnit])}.</p>
<h2>Article 3 — Coordonnateur</h2>
<p>${html(group.coordinator.name)} (SIREN ${html(group.coordinator.siren)}) est désigné coordonnateur du groupement. Il organise la procédure de passation,
signe et notifie le marché au nom des membres.</p>
<h2>Article 4 — Membres</h2>
<table><thead><tr><th>Membre</th><th>SIREN</th><th>Statut</th><th>Volume</th><th>Part annuelle</th></tr></thead><tbody>
${rows}
</tbody></table>
<h2>Article 5 — Répartition financière</h2>
<p>Le coût annuel, ${euros(economics.total)} pour un volume mutualisé de ${html(economics.pooledVolume)} ${html(UNITS[group.volumeUnit])}
(prix unitaire ${euros(economics.unitPrice)} par unité et par an), est réparti ${html(RULES[group.allocationRule])}. Les parts sont arrondies au centime
de sorte que leur somme soit égale au coût total (méthode du plus fort reste).</p>
<h2>Article 6 — Calendrier</h2>
<p>Date limite de manifestation d’intérêt : ${group.interestDeadline.toLocaleDateString('fr-FR')}.</p>
<h2>Signatures</h2>
<p>${members.map((m) => html(m.organization.name)).join(' — ')}</p>
</body></html>`;
}
