// The régions and their départements (INSEE codes, Code officiel géographique): the map sets the région of a
// clicked département, so that the drill-down keeps the path France › région › département in the URL.

const REGION_DEPARTEMENTS: Record<string, readonly string[]> = {
  '01': ['971'],
  '02': ['972'],
  '03': ['973'],
  '04': ['974'],
  '06': ['976'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '24': ['18', '28', '36', '37', '41', '45'],
  '27': ['21', '25', '39', '58', '70', '71', '89', '90'],
  '28': ['14', '27', '50', '61', '76'],
  '32': ['02', '59', '60', '62', '80'],
  '44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  '52': ['44', '49', '53', '72', '85'],
  '53': ['22', '29', '35', '56'],
  '75': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '93': ['04', '05', '06', '13', '83', '84'],
  '94': ['2A', '2B'],
};

const REGION_OF = new Map(Object.entries(REGION_DEPARTEMENTS).flatMap(([region, departements]) => departements.map((d) => [d, region] as const)));

/** The INSEE code of the région of a département ("25" → "27"), or undefined for an unknown code. */
export function regionOfDepartement(departement: string): string | undefined {
  return REGION_OF.get(departement);
}

/** True when the département belongs to the région. */
export function inRegion(departement: string, region: string): boolean {
  return REGION_OF.get(departement) === region;
}

/** The five départements and régions d’outre-mer, drawn as insets next to the metropolitan map. */
export const DROM = [
  { code: '971', name: 'Guadeloupe' },
  { code: '972', name: 'Martinique' },
  { code: '973', name: 'Guyane' },
  { code: '974', name: 'La Réunion' },
  { code: '976', name: 'Mayotte' },
] as const;
