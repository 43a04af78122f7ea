// The national CSV export of the deployments (issue 12): read as a client would, streamed, while the server's resident
// memory is sampled. Its rows are counted, not kept.
import type { Target } from './measure.ts';

export interface ExportResult {
  status: number;
  /** Data rows (the header excluded) and what the database holds. */
  rows: number;
  expectedRows: number;
  bytes: number;
  seconds: number;
  /** The server's RSS (MB) before the export and its highest sample during it. */
  rssBefore: number;
  rssPeak: number;
  error: string | null;
}

export async function measureExport(target: Target, expectedRows: number): Promise<ExportResult> {
  const url = new URL('/donnees/deploiements.csv', target.url).toString();
  const rssBefore = target.child?.memory()?.rss ?? 0;
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, target.child?.memory()?.rss ?? 0)), 50);
  const started = performance.now();
  let status = 0;
  let bytes = 0;
  let newlines = 0;
  try {
    const response = await fetch(url);
    status = response.status;
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} : ${(await response.text()).slice(0, 200)}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
    }
    // every line ends with CRLF; quoted fields of this export hold no line break (services, names)
    return { status, rows: newlines - 1, expectedRows, bytes, seconds: (performance.now() - started) / 1000, rssBefore, rssPeak, error: null };
  } catch (error) {
    return { status, rows: Math.max(0, newlines - 1), expectedRows, bytes, seconds: (performance.now() - started) / 1000, rssBefore, rssPeak, error: (error as Error).message };
  } finally {
    clearInterval(timer);
  }
}
