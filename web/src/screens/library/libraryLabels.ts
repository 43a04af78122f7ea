import type { DocumentLicence, DocumentType } from '../../gql/graphql';

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  ETHICS_CHARTER: 'Charte éthique',
  DELIBERATION: 'Délibération',
  TENDER_CLAUSE: 'Clause de marché',
  IMPACT_ASSESSMENT: 'Analyse d’impact (AIPD)',
  PROCUREMENT_FILE: 'Dossier de consultation',
  EVALUATION_REPORT: 'Rapport d’évaluation',
  OTHER: 'Autre document',
};

/** Short names for the badges; the document page states each licence in full, from the API. */
export const LICENCE_SHORT_LABELS: Record<DocumentLicence, string> = {
  LICENCE_OUVERTE_2: 'Licence Ouverte 2.0',
  CC_BY_4: 'CC BY 4.0',
  ALL_RIGHTS_RESERVED: 'Tous droits réservés',
};

/** What the upload form accepts, checked again by the server on the file's contents. */
export const ACCEPTED_FILES = '.pdf,.odt,.docx,.md';
export const MAX_FILE_MB = 10;

export const documentPath = (slug: string) => `/bibliotheque/${slug}`;

/** « 12,4 ko », « 1,2 Mo ». */
export function formatBytes(bytes: number): string {
  const format = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} ko`;
  return `${format(bytes / 1024 / 1024)} Mo`;
}
