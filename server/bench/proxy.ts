// A TCP proxy between a server and PostgreSQL that counts the statements the server sends, so that "SQL statements
// per request" is exact whatever the client library does (Prisma's adapter, pg's extended protocol, transactions).
// PostgreSQL's wire protocol (frontend side): an untyped startup message (or an SSLRequest / GSSENCRequest answered by
// one byte, after which the startup message comes), then messages of 1 type byte + an int32 length that counts itself.
// Counted: 'Q' (simple query: BEGIN, COMMIT, a script) and 'E' (execute of a bound extended-protocol statement).
// Run as a child process (its own event loop, off the load generator's): `fork(proxy.ts, [listenPort, pgHost, pgPort])`,
// it answers { type: 'count' } messages with { type: 'count', statements, connections }.
import net from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Parses the frontend byte stream of one connection and calls `onStatement` for each 'Q' or 'E' message. */
export class FrontendParser {
  private startup = true;
  private header = Buffer.alloc(0);
  /** Bytes of the current message's body still to skip. */
  private remaining = 0;

  constructor(private readonly onStatement: (type: 'Q' | 'E') => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - offset);
        this.remaining -= skip;
        offset += skip;
        continue;
      }
      const headerSize = this.startup ? 8 : 5;
      const need = headerSize - this.header.length;
      const take = Math.min(need, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < headerSize) return;
      if (this.startup) {
        const length = this.header.readInt32BE(0);
        const code = this.header.readInt32BE(4);
        // after an SSL or GSS request (answered 'N' in clear), the real startup message follows, untyped too
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST && code !== CANCEL_REQUEST) this.startup = false;
        this.remaining = length - 8;
      } else {
        const type = String.fromCharCode(this.header[0]!);
        if (type === 'Q' || type === 'E') this.onStatement(type);
        this.remaining = this.header.readInt32BE(1) - 4;
      }
      this.header = Buffer.alloc(0);
    }
  }
}

export function startProxy(listenPort: number, target: { host: string; port: number }) {
  const counts = { statements: 0, connections: 0 };
  const server = net.createServer((client) => {
    counts.connections++;
    const upstream = net.connect(target.port, target.host);
    const parser = new FrontendParser(() => void counts.statements++);
    client.on('data', (chunk) => {
      parser.push(chunk);
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  server.listen(listenPort, '127.0.0.1');
  return { server, counts };
}

/** The parent's handle on a proxy child process. */
export interface ProxyHandle {
  port: number;
  statements(): Promise<number>;
  stop(): void;
}

export async function forkProxy(listenPort: number, target: { host: string; port: number }): Promise<ProxyHandle> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [String(listenPort), target.host, String(target.port)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`Le proxy PostgreSQL s’est arrêté (code ${code}).`)));
  });
  return {
    port: listenPort,
    statements: () =>
      new Promise((resolve) => {
        child.once('message', (message: { statements: number }) => resolve(message.statements));
        child.send({ type: 'count' });
      }),
    stop: () => void child.kill('SIGTERM'),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [port, host, pgPort] = process.argv.slice(2);
  const { server, counts } = startProxy(Number(port), { host: host!, port: Number(pgPort) });
  server.on('listening', () => process.send!({ type: 'ready' }));
  process.on('message', () => process.send!({ type: 'count', ...counts }));
  process.on('disconnect', () => process.exit(0));
}
