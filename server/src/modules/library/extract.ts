import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { cleanText, type FileKind } from './rules.ts';

// The text of an uploaded file, for the full-text search: PDF through pdfjs-dist's legacy build (pure JavaScript,
// Node 20), DOCX through mammoth, ODT from the paragraphs of its content.xml, Markdown as it is. A file whose text
// cannot be read is refused, rather than stored without being searchable.

export class UnreadableFile extends Error {}

const MAX_PDF_PAGES = 500;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // a copy: pdfjs transfers (detaches) the buffer it is given
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(pdf.numPages, MAX_PDF_PAGES); number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await task.destroy();
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an ODF document's content.xml: paragraphs and headings on their own lines, tabs and spaces kept. */
export function odfText(xml: string): string {
  return xml
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_m, count: string | undefined) => ' '.repeat(Math.min(Number(count ?? 1), 100)))
    .replace(/<text:(?:tab|line-break)\s*\/>/g, ' ')
    .replace(/<\/text:(?:p|h)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name]!)
    .replace(/&#(x?[0-9A-Fa-f]+);/g, (_m, code: string) => {
      const value = code.startsWith('x') ? parseInt(code.slice(1), 16) : parseInt(code, 10);
      return Number.isFinite(value) && value > 0 && value < 0x110000 ? String.fromCodePoint(value) : ' ';
    });
}

async function readText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'PDF':
      return pdfText(bytes);
    case 'DOCX':
      return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
    case 'ODT': {
      const content = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' })['content.xml'];
      if (!content) throw new UnreadableFile('content.xml manquant');
      return odfText(new TextDecoder().decode(content));
    }
    case 'MARKDOWN':
      return new TextDecoder().decode(bytes);
  }
}

/** The searchable text of a file of a known kind; UnreadableFile when its contents cannot be read. */
export async function extractText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  try {
    return cleanText(await readText(kind, bytes)).trim();
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
}
