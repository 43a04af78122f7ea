import type { PrismaClient } from '@mutualis/db/client';
import nodemailer from 'nodemailer';
import type { Logger } from '../../log.ts';

// E-mails of the notifications (outbox): `notify` writes the rows in the deciding transaction; this sender, running in
// the server process when SMTP_URL is set, mails the rows whose `emailedAt` is null. Each row is claimed first by
// setting `emailedAt` where it is still null (one statement: two instances never send the same row), then sent; a
// failed send puts `emailedAt` back to null and records `emailError`, and the row is tried again at the next round,
// for RETRY_HOURS after its creation (a mail server down for a day does not flood people when it comes back; the
// notification stays in the application). A crash between the claim and the send loses that one e-mail, never the
// notification. A row is written by no person: these writes are the system's, not audited.

/** How long after its creation a notification is still mailed. */
export const RETRY_HOURS = 24;
const ERROR_MAX = 500;
/** Erased accounts (auth/erasure.ts) have an address in the reserved `.invalid` domain: never mailed. */
const ERASED_DOMAIN = '.invalid';

export interface MailerOptions {
  prisma: PrismaClient;
  smtpUrl: string;
  from: string;
  /** The site's public address without trailing slash: notification links become absolute. */
  publicUrl: string;
  log?: Logger;
  /** Between two rounds (default 15 s). */
  intervalMs?: number;
  /** Rows per round (default 20). */
  batchSize?: number;
  /** SMTP connection, greeting and socket timeouts (default 10 s). */
  timeoutMs?: number;
}

export interface Mailer {
  /** One round: the pending rows of the batch, sent or failed. */
  sendPending(): Promise<{ sent: number; failed: number }>;
  start(): void;
  /** Stops the rounds, waits for the current one, closes the connections. */
  stop(): Promise<void>;
}

/** The e-mail of a notification: French plain text with an absolute link. */
export function notificationEmail(
  notification: { title: string; body: string; link: string | null },
  person: { name: string },
  publicUrl: string,
): { subject: string; text: string } {
  const lines = [`Bonjour ${person.name},`, '', notification.body, ''];
  if (notification.link) lines.push(`Pour voir le détail : ${publicUrl}${notification.link}`, '');
  lines.push(
    '— Mutualis, la plateforme de mutualisation de l’IA des collectivités',
    'Vous recevez ce courriel car une notification vous a été adressée sur Mutualis ; vous la retrouvez dans l’application.',
  );
  return { subject: `[Mutualis] ${notification.title}`, text: lines.join('\n') };
}

export function createMailer(options: MailerOptions): Mailer {
  const { prisma, from, publicUrl, log } = options;
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  async function sendOne(row: { id: number; title: string; body: string; link: string | null; user: { email: string; name: string } }): Promise<boolean> {
    const { count } = await prisma.notification.updateMany({ where: { id: row.id, emailedAt: null }, data: { emailedAt: new Date() } });
    if (count === 0) return false;
    try {
      await transport.sendMail({ from, to: { name: row.user.name, address: row.user.email }, ...notificationEmail(row, row.user, publicUrl) });
      await prisma.notification.update({ where: { id: row.id }, data: { emailError: null } });
      return true;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_MAX);
      await prisma.notification.update({ where: { id: row.id }, data: { emailedAt: null, emailError: message } });
      log?.warn({ notificationId: row.id, err: error }, 'Courriel de notification non envoyé (nouvel essai plus tard).');
      throw error;
    }
  }

  async function sendPending() {
    const rows = await prisma.notification.findMany({
      where: {
        emailedAt: null,
        createdAt: { gte: new Date(Date.now() - RETRY_HOURS * 3_600_000) },
        user: { NOT: { email: { endsWith: ERASED_DOMAIN } } },
      },
      select: { id: true, title: true, body: true, link: true, user: { select: { email: true, name: true } } },
      orderBy: { id: 'asc' },
      take: options.batchSize ?? 20,
    });
    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        if (await sendOne(row)) sent++;
      } catch {
        failed++;
        // the server is probably down: the rest waits for the next round
        break;
      }
    }
    return { sent, failed };
  }

  const round = () => {
    running = running.then(sendPending).catch((error: unknown) => log?.warn({ err: error }, 'Envoi des courriels de notification en erreur.'));
  };

  return {
    sendPending: () => {
      const done = running.then(sendPending);
      running = done.catch(() => undefined);
      return done;
    },
    start() {
      if (timer) return;
      timer = setInterval(round, options.intervalMs ?? 15_000);
      timer.unref();
      round();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
      transport.close();
    },
  };
}
