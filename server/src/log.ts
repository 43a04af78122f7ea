import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };
export type LogLevel = LevelWithSilent;

/**
 * One JSON object per line, on stdout. Pino rather than hand-written `console.log(JSON.stringify(…))`: it is
 * maintained (the Fastify team's logger), among the fastest Node loggers (it serialises without blocking the
 * event loop on a busy server), and gives child loggers, level filtering, error serialisers (message, type,
 * stack, cause) and redaction for free. Messages (`msg`) stay French sentences: the first `npm start` must be
 * readable by a person, not only by a log collector.
 */
export function createLogger(
  options: { nodeEnv?: 'development' | 'production' | 'test'; level?: LogLevel } = {},
  destination?: DestinationStream,
): Logger {
  // Tests stay quiet unless they ask for a level (or capture the lines through `destination`).
  const level = options.level ?? (options.nodeEnv === 'test' ? 'silent' : 'info');
  return pino(
    {
      level,
      base: undefined, // no pid/hostname on every line: the process supervisor adds its own
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Defence in depth: even if a caller passes a request or headers object, secrets never reach the logs.
      redact: { paths: ['cookie', 'headers.cookie', 'headers.authorization', 'password', '*.password'], censor: '[masqué]' },
    },
    destination,
  );
}

/** Request ids we accept from a client or a proxy: short, and unable to carry markup into logs or audit events. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's request id when it is a safe token, otherwise a fresh UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}
