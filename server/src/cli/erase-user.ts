// npm run user:erase -- <adresse> : efface les données personnelles d'une personne (comme la mutation eraseUser).
import { randomUUID } from 'node:crypto';
import { erasePerson } from '../modules/auth/erasure.ts';
import { runCli, UsageError } from './run.ts';

await runCli(async (_config, db) => {
  const email = process.argv[2]?.trim().toLowerCase();
  if (!email) throw new UsageError('Usage : npm run user:erase -- <adresse électronique>');
  console.log(`Base : ${db.label}`);
  const user = await db.prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new UsageError(`Aucun compte n’a l’adresse ${email}.`);
  const done = await db.prisma.$transaction(async (tx) => {
    const erased = await erasePerson(tx, user.id);
    // the erasure itself is audited, with no personal data and no actor (an operator on the server)
    await tx.auditEvent.create({
      data: {
        action: 'user.erase',
        entityType: 'User',
        entityId: String(user.id),
        organizationId: erased!.organizationId,
        after: { erased: true, auditEventsPseudonymized: erased!.auditEvents, sessionsClosed: erased!.sessions, via: 'cli' },
        requestId: `cli-${randomUUID()}`,
      },
    });
    return erased!;
  });
  console.log(
    `Compte n° ${done.userId} effacé : ${done.auditEvents} événement(s) d’audit pseudonymisé(s), ${done.sessions} session(s) fermée(s).`,
  );
});
