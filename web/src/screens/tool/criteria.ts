/** The six review criteria, in the order of the form, with their French labels. */
export const CRITERIA = [
  ['easeOfUse', "Facilité d'utilisation"],
  ['outputQuality', 'Qualité des résultats'],
  ['support', 'Accompagnement'],
  ['dataProtection', 'Protection des données et souveraineté'],
  ['valueForMoney', 'Rapport qualité-prix'],
  ['accessibility', 'Accessibilité'],
] as const;

export type Criterion = (typeof CRITERIA)[number][0];
