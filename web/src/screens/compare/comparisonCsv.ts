import { graphql } from '../../gql';
import type { ComparisonCsv_ComparisonFragment } from '../../gql/graphql';
import { gridLabel, methodLabel, unknownText } from './compareFormat';

export const ComparisonCsv_comparison = graphql(`
  fragment ComparisonCsv_comparison on Comparison {
    profile {
      years
    }
    tools {
      tool {
        id
        name
        provider {
          id
          name
        }
        ratings {
          count
          average
        }
      }
      plan {
        id
        name
      }
      tco {
        known
        reason
        perYear
        total
        perInhabitantPerYear
      }
      footprint {
        known
        reason
        method
        methodVersion
        derivedFromGrid
        gridZone
        kwh {
          value
          reason
        }
        kgco2e {
          value
          reason
        }
        waterL {
          value
          reason
        }
      }
      adoptionCount
    }
  }
`);

// The comparison as a spreadsheet file, built in the browser from the data on screen: French
// conventions (semicolon separator, decimal comma), UTF-8 with a byte order mark so that Excel reads
// the accents, one row per tool.

const SEPARATOR = ';';
const BOM = '\uFEFF';

/** "26982.00" → "26982,00": the exact decimal string, with a decimal comma and no thousands separator. */
export function csvDecimal(value: string): string {
  return value.replace('.', ',');
}

/**
 * A cell: quoted when it holds the separator, a quote or a line break (quotes doubled); a text that a
 * spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(,\d+)?$/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function amount(known: boolean, value: string | null | undefined, reason: string | null | undefined): string {
  return known && value != null ? csvDecimal(value) : unknownText(reason);
}

function measure(
  footprint: ComparisonCsv_ComparisonFragment['tools'][number]['footprint'],
  key: 'kwh' | 'kgco2e' | 'waterL',
): string {
  if (!footprint.known) return unknownText(footprint.reason);
  const value = footprint[key];
  return value?.value != null ? csvDecimal(value.value) : unknownText(value?.reason);
}

export function comparisonCsvHeaders(years: number): string[] {
  return [
    'Outil',
    'Fournisseur',
    'Offre',
    `Coût total sur ${years} ${years > 1 ? 'ans' : 'an'} (€ HT)`,
    'Coût par an (€ HT)',
    'Coût par habitant et par an (€ HT)',
    'Énergie par an (kWh)',
    'Émissions par an (kg CO2e)',
    'Eau par an (litres)',
    'Méthode',
    'Note moyenne (sur 5)',
    'Adoption (collectivités)',
  ];
}

/** The CSV text (BOM included): a header line, then one line per tool, lines ended by CRLF. */
export function buildComparisonCsv(comparison: ComparisonCsv_ComparisonFragment): string {
  const rows = comparison.tools.map(({ tool, plan, tco, footprint, adoptionCount }) => [
    tool.name,
    tool.provider.name,
    plan ? plan.name : unknownText(tco.reason),
    amount(tco.known, tco.total, tco.reason),
    amount(tco.known, tco.perYear, tco.reason),
    tco.known ? (tco.perInhabitantPerYear != null ? csvDecimal(tco.perInhabitantPerYear) : unknownText('population inconnue')) : unknownText(tco.reason),
    measure(footprint, 'kwh'),
    measure(footprint, 'kgco2e'),
    measure(footprint, 'waterL'),
    footprint.known
      ? `${methodLabel(footprint.method, footprint.methodVersion)}${footprint.derivedFromGrid ? `, en partie ${gridLabel(footprint.gridZone)}` : ''}`
      : unknownText(footprint.reason),
    tool.ratings.average != null ? csvDecimal(tool.ratings.average) : unknownText('aucun avis publié'),
    String(adoptionCount),
  ]);
  const lines = [comparisonCsvHeaders(comparison.profile.years), ...rows].map((cells) =>
    // A line break inside a value would split the row: values are single-line.
    cells.map((cell) => csvCell(cell.replace(/\s*[\r\n]+\s*/g, ' '))).join(SEPARATOR),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** « comparaison-mutualis-2025-11-26.csv », dated in the user's time zone. */
export function comparisonCsvFilename(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `comparaison-mutualis-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}

/** Saves the text as a file through a temporary link (no server round trip). */
export function downloadCsv(csv: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
