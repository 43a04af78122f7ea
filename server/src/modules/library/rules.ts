import { unzipSync } from 'fflate';
import type { Actor, Visibility } from '../../shared/permissions.ts';

// The library's pure rules: which files are accepted (by their bytes, never by their name), the licences stated in
// full, slugs, and the excerpts of a search cut into plain and highlighted pieces.

/** Largest file accepted, in bytes (10 Mo), said in the upload form. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** A multipart body carries the form fields and boundaries around the file. */
export const MAX_BODY_BYTES = MAX_FILE_BYTES + 256 * 1024;
/** The text kept for search and excerpts (the index reads its first 200,000 characters). */
export const MAX_TEXT_CHARS = 1_000_000;

export type FileKind = 'PDF' | 'ODT' | 'DOCX' | 'MARKDOWN';

export const MIME_TYPES: Record<FileKind, string> = {
  PDF: 'application/pdf',
  ODT: 'application/vnd.oasis.opendocument.text',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MARKDOWN: 'text/markdown; charset=utf-8',
};

export const EXTENSIONS: Record<FileKind, string> = { PDF: 'pdf', ODT: 'odt', DOCX: 'docx', MARKDOWN: 'md' };

export const REFUSED_TYPE =
  'Ce fichier n’est ni un PDF, ni un document ODT ou DOCX, ni un texte Markdown (son contenu a été vérifié, pas seulement son extension) : il n’a pas été enregistré.';

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const PDF_MAGIC = [...'%PDF-'].map((c) => c.charCodeAt(0));
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The entries of a ZIP archive that decide its kind, or null when it is not a readable archive. */
function zipKind(bytes: Uint8Array): FileKind | null {
  try {
    const entries = unzipSync(bytes, { filter: (file) => file.name === 'mimetype' || file.name === 'word/document.xml' });
    if (entries['mimetype'] && new TextDecoder().decode(entries['mimetype']).trim() === MIME_TYPES.ODT) return 'ODT';
    if (entries['word/document.xml']) return 'DOCX';
    return null;
  } catch {
    return null;
  }
}

/** Valid UTF-8 without NUL bytes (nor the other C0 controls a text never holds). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** The real kind of a file from its bytes: PDF `%PDF-`, ODT/DOCX by their ZIP entries, Markdown as UTF-8 text. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PDF_MAGIC)) return 'PDF';
  if (startsWith(bytes, ZIP_MAGIC)) return zipKind(bytes);
  return isText(bytes) ? 'MARKDOWN' : null;
}

/** The file name kept for the download: the base name, without controls or quotes, with the extension of its real kind. */
export function safeFileName(name: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001F\u007F"\\;]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 150);
  return `${base || 'document'}.${EXTENSIONS[kind]}`;
}

/** The header of a download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7E]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A slug from a title: lower case, no accents, words joined by dashes, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'document';
}

/** Text as extracted, without the control characters that the search uses as highlight markers. */
export const cleanText = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .slice(0, MAX_TEXT_CHARS);

/** Markers that ts_headline puts around a found word (never in a stored text: cleanText removes them). */
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';

export interface ExcerptPiece {
  text: string;
  highlighted: boolean;
}

/** An excerpt cut at its markers: the web renders highlighted pieces as <mark>, never as HTML. */
export function excerptPieces(headline: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  for (const part of headline.split(MARK_START)) {
    const stop = part.indexOf(MARK_STOP);
    if (stop >= 0) {
      if (stop > 0) pieces.push({ text: part.slice(0, stop), highlighted: true });
      const rest = part.slice(stop + 1).replaceAll(MARK_STOP, '');
      if (rest) pieces.push({ text: rest, highlighted: false });
    } else if (part) {
      pieces.push({ text: part.replaceAll(MARK_STOP, ''), highlighted: false });
    }
  }
  return pieces;
}

export const LICENCES = {
  LICENCE_OUVERTE_2: { name: 'Licence Ouverte / Open Licence version 2.0 (Etalab)', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
  CC_BY_4: { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
  ALL_RIGHTS_RESERVED: { name: 'Tous droits réservés : consultation seulement, réutilisation sur autorisation de l’auteur', url: null },
} as const;

/** Every document of the library is public (its node keeps a rule all the same, as every Node type). */
export const documentVisibility = (_viewer: Actor | null): Visibility<{ id: number }> => true;
