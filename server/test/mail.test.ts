// Notification e-mails against a REAL local SMTP server (smtp-server, on 127.0.0.1): the message arrives with the right
// recipient, subject and body; with the server down, the row keeps emailedAt null and records the error, and it is
// sent once the server is back.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../src/modules/notifications/mailer.ts';
import { createTestApp, type TestApp } from './helpers.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
  user?: string;
}

function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, done) =>
      auth.username === 'mutualis' && auth.password === 'secret' ? done(null, { user: auth.username }) : done(new Error('refusé')),
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data, user: session.user as string });
        done();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, received })));
}

const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Quoted-printable soft breaks and escapes undone, for reading the body. */
const decoded = (data: string) =>
  data.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));

describe('notification e-mails (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t?.close());

  async function notificationFor(email: string, title: string) {
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email } });
    return t.db.prisma.notification.create({ data: { userId: user.id, kind: 'OTHER', title, body: `Corps de « ${title} ».`, link: '/mon-organisation' } });
  }

  it('sends a French plain-text e-mail with the absolute link, then never again', async () => {
    const smtp = await startSmtp();
    // rows older than the retry window, or of erased people, are never mailed; start from a clean outbox
    await t.db.prisma.notification.updateMany({ where: { emailedAt: null }, data: { emailedAt: new Date() } });
    const row = await notificationFor('agent@besancon.test', 'Adhésion approuvée : Besançon');
    const mailer = createMailer({ prisma: t.db.prisma, smtpUrl: `smtp://mutualis:secret@127.0.0.1:${smtp.port}`, from: 'Mutualis <ne-pas-repondre@mutualis.test>', publicUrl: 'https://mutualis.exemple.fr' });
    try {
      expect(await mailer.sendPending()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual(['agent@besancon.test']);
      expect(mail!.from).toBe('ne-pas-repondre@mutualis.test');
      expect(mail!.user).toBe('mutualis');
      const text = decoded(mail!.data);
      expect(text).toMatch(/^Subject: =\?UTF-8\?|^Subject: \[Mutualis\]/m);
      expect(text).toContain('Bonjour Agent de la Ville de Besançon,');
      expect(text).toContain('Corps de « Adhésion approuvée : Besançon ».');
      expect(text).toContain('Pour voir le détail : https://mutualis.exemple.fr/mon-organisation');
      const saved = await t.db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(saved.emailedAt).toBeInstanceOf(Date);
      expect(saved.emailError).toBeNull();
      // sent once
      expect(await mailer.sendPending()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await mailer.stop();
      await stopSmtp(smtp.server);
    }
  });

  it('keeps the row when the server is down, with the error, and sends it once the server is back', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await stopSmtp(smtp.server);
    const row = await notificationFor('dsi@besancon.test', 'Nouvelle demande d’adhésion');
    const mailer = createMailer({ prisma: t.db.prisma, smtpUrl: `smtp://mutualis:secret@127.0.0.1:${port}`, from: 'Mutualis <ne-pas-repondre@mutualis.test>', publicUrl: 'https://mutualis.exemple.fr', timeoutMs: 2000 });
    try {
      expect(await mailer.sendPending()).toEqual({ sent: 0, failed: 1 });
      const failed = await t.db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
      expect(failed.emailedAt).toBeNull();
      expect(failed.emailError).toMatch(/ECONNREFUSED|connect/i);

      const back = await startSmtp(port);
      try {
        expect(await mailer.sendPending()).toEqual({ sent: 1, failed: 0 });
        expect(back.received.map((m) => m.to)).toEqual([['dsi@besancon.test']]);
        const sent = await t.db.prisma.notification.findUniqueOrThrow({ where: { id: row.id } });
        expect(sent.emailedAt).toBeInstanceOf(Date);
        expect(sent.emailError).toBeNull();
      } finally {
        await stopSmtp(back.server);
      }
    } finally {
      await mailer.stop();
    }
  });
});
