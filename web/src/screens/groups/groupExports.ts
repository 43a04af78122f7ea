// The group's exports, built in the browser from the text the API sends (membersCsv, conventionHtml).

/** The file name of a group's member list: groupement-<id>-membres.csv (the id kept to safe characters). */
export function membersCsvFilename(groupId: string): string {
  return `groupement-${groupId.replace(/[^A-Za-z0-9_-]/g, '')}-membres.csv`;
}

/**
 * The member list as a CSV file: the API's text as is (UTF-8, with its byte order mark so that
 * spreadsheet software reads the accents; semicolon-separated, as French spreadsheets expect).
 */
export function membersCsvFile(groupId: string, csv: string): { blob: Blob; filename: string } {
  return { blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename: membersCsvFilename(groupId) };
}

/** The draft agreement as an HTML document, to open in a window and print. */
export function conventionBlob(html: string): Blob {
  return new Blob([html], { type: 'text/html;charset=utf-8' });
}

/** Object URLs are released once the browser has had time to use them. */
const RELEASE_AFTER_MS = 60_000;

/** Saves a file: a temporary link to a Blob URL, clicked. */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
}

/**
 * Shows a Blob in a window opened beforehand (opened on the click itself, so that pop-up blockers
 * allow it, while the document is still being fetched). Returns the Blob URL.
 */
export function showBlobIn(target: Window, blob: Blob): string {
  const url = URL.createObjectURL(blob);
  target.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), RELEASE_AFTER_MS);
  return url;
}
