// The bench's results: budgets (pass/fail), the Markdown summary and the JSON file.
import type { LoadResult, Sequential } from './measure.ts';
import type { ExportResult } from './export.ts';

export interface OperationResult {
  name: string;
  note?: string;
  sequential: Omit<Sequential, 'body'>;
  runs: LoadResult[];
}

export interface RoundResult {
  name: string;
  mutualis: LoadResult[];
  baseline: LoadResult[];
  medianRps: { mutualis: number; baseline: number };
  medianP99: { mutualis: number; baseline: number };
  ratio: number;
}

export interface Report {
  startedAt: string;
  mode: 'default' | 'smoke';
  scale: number;
  seconds: { run: number; round: number; rounds: number };
  machine: { cpus: number; node: string; postgres: string };
  counts: Record<string, number>;
  /** What the operations were run on (tool, EPCI, deep page). */
  targets: Record<string, unknown>;
  seeded: { counts: Record<string, number>; toolsPage: Omit<Sequential, 'body'>; load: LoadResult | null };
  operations: OperationResult[];
  baseline: { equal: Record<string, string | null>; sequential: Record<string, Omit<Sequential, 'body'>>; rounds: RoundResult[] };
  pageSize: { toolsPage10: number | null; toolsPage50: number | null; reviews5: number | null; reviews20: number | null };
  rss: { peak: number | null; maxSampled: number | null };
  /** The national CSV export of the deployments, streamed (issue 12). */
  nationalExport: ExportResult;
  budgets: Budget[];
  phases: Record<string, number>;
  elapsedSeconds: number;
}

export interface Budget {
  label: string;
  pass: boolean;
  detail: string;
  /** Deterministic (counts, equality): checked by --smoke. */
  deterministic: boolean;
}

const f = (n: number | null | undefined, digits = 0) => (n == null || Number.isNaN(n) ? '—' : n.toFixed(digits));
const errorsOf = (r: LoadResult) => r.non2xx + r.errors + r.bodyErrors;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** The budgets of issue 11; in smoke mode only the deterministic ones. */
export function budgets(report: Omit<Report, 'budgets' | 'elapsedSeconds'>): Budget[] {
  const out: Budget[] = [];
  const run = (name: string, connections: number) => report.operations.find((o) => o.name === name)?.runs.find((r) => r.connections === connections);
  const equal = Object.entries(report.baseline.equal);
  out.push({
    label: 'Réponses de la référence identiques à celles de l’API',
    pass: equal.every(([, d]) => d === null),
    detail: equal.map(([op, d]) => (d === null ? `${op} =` : `${op} : ${d}`)).join(' ; '),
    deterministic: true,
  });
  const broken = report.operations.filter((o) => o.sequential.error);
  out.push({
    label: 'Chaque opération répond sans erreur GraphQL (requête vérifiée)',
    pass: broken.length === 0,
    detail: broken.length ? broken.map((o) => `${o.name} : ${o.sequential.error}`).join(' ; ') : `${report.operations.length} opérations`,
    deterministic: true,
  });
  const p = report.pageSize;
  out.push({
    label: 'Requêtes SQL par requête indépendantes de la taille de page',
    pass: p.toolsPage10 !== null && p.toolsPage10 === p.toolsPage50 && p.reviews5 !== null && p.reviews5 === p.reviews20,
    detail: `ToolsPage first 10 : ${f(p.toolsPage10, 1)}, first 50 : ${f(p.toolsPage50, 1)} ; avis d’un outil 5 : ${f(p.reviews5, 1)}, 20 : ${f(p.reviews20, 1)}`,
    deterministic: true,
  });
  const ex = report.nationalExport;
  out.push({
    label: 'Export national CSV complet (une ligne par déploiement, en-tête compris)',
    pass: !ex.error && ex.status === 200 && ex.rows === ex.expectedRows,
    detail: ex.error ?? `${ex.rows} lignes de données pour ${ex.expectedRows} déploiements (HTTP ${ex.status})`,
    deterministic: true,
  });
  if (report.mode === 'smoke') return out;
  out.push({
    label: 'Export national CSV en moins de 10 s, mémoire bornée (RSS + 100 Mo au plus)',
    pass: !ex.error && ex.seconds < 10 && ex.rssPeak - ex.rssBefore < 100,
    detail: `${f(ex.rows)} lignes, ${f(ex.bytes / 1e6, 1)} Mo en ${f(ex.seconds, 1)} s ; RSS ${f(ex.rssBefore)} → ${f(ex.rssPeak)} Mo`,
    deterministic: false,
  });
  const national = run('NationalStats', 10);
  out.push({
    label: 'Statistiques nationales : p99 < 300 ms à 10 connexions',
    pass: !!national && national.p99 < 300 && errorsOf(national) === 0,
    detail: national ? `p99 ${f(national.p99)} ms, ${f(national.rps, 1)} req/s, ${errorsOf(national)} erreur(s)` : 'non mesuré',
    deterministic: false,
  });
  for (const name of ['ToolsPage', 'ToolById']) {
    const round = report.baseline.rounds.find((r) => r.name === name);
    out.push({
      label: `${name} ≥ 0,5 × la référence en req/s à 10 connexions`,
      pass: !!round && round.ratio >= 0.5,
      detail: round ? `${f(round.medianRps.mutualis, 1)} ÷ ${f(round.medianRps.baseline, 1)} = ${f(round.ratio, 2)}` : 'non mesuré',
      deterministic: false,
    });
  }
  const reads = report.operations.filter((o) => o.name !== 'Mixed');
  const slow = reads.filter((o) => (run(o.name, 10)?.p99 ?? Infinity) >= 100);
  out.push({
    label: 'p99 < 100 ms à 10 connexions pour chaque lecture',
    pass: slow.length === 0,
    detail: reads.map((o) => `${o.name} ${f(run(o.name, 10)?.p99)} ms`).join(', '),
    deterministic: false,
  });
  const at50 = report.operations.map((o) => ({ name: o.name, r: run(o.name, 50) })).filter((x) => x.r);
  const failing = at50.filter((x) => errorsOf(x.r!) > 0);
  out.push({
    label: '0 erreur à 50 connexions',
    pass: at50.length > 0 && failing.length === 0,
    detail: failing.length ? failing.map((x) => `${x.name} ${errorsOf(x.r!)} (${x.r!.non2xx} non-2xx, ${x.r!.timeouts} délais dépassés)`).join(', ') : `${at50.length} opérations`,
    deterministic: false,
  });
  const rowsRatio = (report.operations.find((o) => o.name === 'ToolsPage')?.sequential.rows ?? NaN) / report.seeded.toolsPage.rows;
  const rpsRatio = (report.seeded.load?.rps ?? NaN) / (run('ToolsPage', 10)?.rps ?? NaN);
  out.push({
    // the cost is the time a page takes (the issue measured "60× slower"); rows read are shown, not judged: the
    // total and the facets count every tool of the catalogue, 26 at the seeded size and 1,500 at the default one
    label: 'Coût (temps) de la page du catalogue < 2 × de la taille amorcée à l’échelle par défaut',
    pass: rpsRatio < 2,
    detail: `req/s à 10 connexions ÷ ${f(rpsRatio, 2)} (pour information : lignes lues par requête × ${f(rowsRatio, 2)})`,
    deterministic: false,
  });
  out.push({
    label: 'RSS du serveur < 400 Mo pendant tout le passage',
    pass: report.rss.peak !== null && report.rss.peak < 400,
    detail: `pic (VmHWM) ${f(report.rss.peak)} Mo, maximum échantillonné ${f(report.rss.maxSampled)} Mo`,
    deterministic: false,
  });
  return out;
}

export function markdown(report: Report): string {
  const lines: string[] = [];
  lines.push(`# Banc d’essai Mutualis — ${report.startedAt}`, '');
  lines.push(
    `Mode ${report.mode === 'smoke' ? 'fumée (--smoke)' : 'complet'}, échelle ${report.scale} : ` +
      Object.entries(report.counts).map(([k, v]) => `${v.toLocaleString('fr-FR')} ${k}`).join(', ') +
      `. Machine : ${report.machine.cpus} cœurs, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}. ` +
      `Durée totale : ${f(report.elapsedSeconds)} s ; ${report.seconds.run} s par mesure.`,
    '',
  );
  lines.push('| opération | conn. | req/s | p50 ms | p99 ms | erreurs | SQL/req | lignes lues/req | octets/réponse | RSS max Mo |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const op of report.operations) {
    for (const r of op.runs) {
      lines.push(
        `| ${op.name} | ${r.connections} | ${f(r.rps, 1)} | ${f(r.p50)} | ${f(r.p99)} | ${errorsOf(r)}${r.timeouts ? ` (${r.timeouts} délais)` : ''} | ` +
          `${f(op.sequential.statements, 1)} | ${f(op.sequential.rows)} | ${f(op.sequential.bytes)} | ${f(r.rssMax)} |`,
      );
    }
  }
  const notes = report.operations.filter((o) => o.note).map((o) => `- ${o.name} : ${o.note}`);
  if (notes.length) lines.push('', ...notes);
  lines.push(
    '',
    `## Référence écrite à la main (node:http + pg, une instruction SQL par requête), 10 connexions, médianes de ${report.seconds.rounds} manche(s) alternée(s) de ${report.seconds.round} s`,
    '',
  );
  lines.push('| opération | Mutualis req/s | p99 ms | référence req/s | p99 ms | Mutualis ÷ référence | lignes lues/req (réf.) | réponses égales |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const round of report.baseline.rounds) {
    const seq = report.baseline.sequential[round.name];
    const diff = report.baseline.equal[round.name];
    lines.push(
      `| ${round.name} | ${f(round.medianRps.mutualis, 1)} | ${f(round.medianP99.mutualis)} | ${f(round.medianRps.baseline, 1)} | ${f(round.medianP99.baseline)} | ` +
        `${f(round.ratio, 3)} | ${f(seq?.rows)} | ${diff === null ? 'oui' : `non : ${diff}`} |`,
    );
  }
  const tp = report.operations.find((o) => o.name === 'ToolsPage');
  const tp10 = tp?.runs.find((r) => r.connections === 10);
  lines.push('', '## Page du catalogue : taille amorcée → échelle par défaut', '');
  lines.push('| mesure | amorcée | cette échelle | rapport |', '|---|---:|---:|---:|');
  lines.push(`| lignes lues par requête | ${f(report.seeded.toolsPage.rows)} | ${f(tp?.sequential.rows)} | ${f((tp?.sequential.rows ?? NaN) / report.seeded.toolsPage.rows, 2)} |`);
  lines.push(`| requêtes SQL par requête | ${f(report.seeded.toolsPage.statements, 1)} | ${f(tp?.sequential.statements, 1)} | — |`);
  lines.push(`| req/s à 10 connexions | ${f(report.seeded.load?.rps, 1)} | ${f(tp10?.rps, 1)} | ${f((report.seeded.load?.rps ?? NaN) / (tp10?.rps ?? NaN), 2)} |`);
  lines.push(`| p99 ms à 10 connexions | ${f(report.seeded.load?.p99)} | ${f(tp10?.p99)} | — |`);
  lines.push('', '## Budgets', '', ...report.budgets.map(budgetLine));
  return lines.join('\n') + '\n';
}

export const budgetLine = (b: Budget) => `${b.pass ? '✅' : '❌'} ${b.label} — ${b.detail}`;
