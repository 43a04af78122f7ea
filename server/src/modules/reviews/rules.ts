// Rules of reviews.

/** The optional criteria of a review: column, input field, label of its messages. */
export const CRITERIA = [
  ['ratingEaseOfUse', 'easeOfUse', 'La note de facilité d’utilisation'],
  ['ratingOutputQuality', 'outputQuality', 'La note de qualité des résultats'],
  ['ratingSupport', 'support', 'La note d’accompagnement'],
  ['ratingDataProtection', 'dataProtection', 'La note de protection des données et de souveraineté'],
  ['ratingValueForMoney', 'valueForMoney', 'La note de rapport qualité-prix'],
  ['ratingAccessibility', 'accessibility', 'La note d’accessibilité'],
] as const;

export type Criterion = (typeof CRITERIA)[number][1];

/** Nobody votes for a review it wrote. */
export const isOwnReview = (review: { authorId: number | null }, userId: number): boolean => review.authorId === userId;

/** Plain text only: control characters out, line breaks and tabs kept. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const withoutControls = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
