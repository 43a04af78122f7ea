import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { hashPassword, passwordChecks } from '../src/modules/auth/password.ts';
import { purgeIfDue } from '../src/modules/auth/purge.ts';
import { ACCOUNT_MAX, ADDRESS_MAX, MAX_FAILURES, WRITES_PER_ACCOUNT, WRITES_PER_ADDRESS } from '../src/modules/auth/rate-limit.ts';
import { hashToken, purgeSessions } from '../src/modules/auth/session.ts';
import { backends, clientFor, DEMO_PASSWORD, openTestDatabase, sessionCookieOf, SIGN_IN, type Client } from './helpers.ts';
import type { App } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';

const CHANGE_PASSWORD = `mutation($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) {
    __typename
    ... on MutationChangePasswordSuccess { data { id name } }
    ... on Error { code message fields { field message } }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

const SIGN_IN_WAIT = SIGN_IN.replace('... on Error {', '... on RateLimitedError { retryAfterSeconds } ... on Error {');

type SignInResult = { __typename: string; code?: string; retryAfterSeconds?: number };

let accounts = 0;

describe.each(backends)('abuse limits and sessions on %s', (backend) => {
  let db: Database;
  let app: App;
  let organizationId: number;
  let passwordHash: string;

  beforeAll(async () => {
    db = await openTestDatabase(backend);
    // the address comes from X-Forwarded-For, so that one test can play many addresses
    app = createApp({ nodeEnv: 'test', trustProxy: true }, db);
    organizationId = (await db.prisma.organization.findFirstOrThrow({ where: { siren: '212500565' } })).id;
    passwordHash = await hashPassword(DEMO_PASSWORD);
  });
  afterAll(() => db?.close());

  /** A fresh approved account, so that no test's counters leak into another's. */
  async function account(): Promise<string> {
    const email = `cible-${backend}-${++accounts}@besancon.test`;
    await db.prisma.user.create({ data: { email, name: `Cible ${accounts}`, passwordHash, organizationId, roles: ['MEMBER'], membershipStatus: 'APPROVED' } });
    return email;
  }

  const from = (address: string, cookie?: string): Client => {
    const client = clientFor(app, cookie);
    const post = client.post;
    client.post = (body, headers = {}) => post(body, { 'x-forwarded-for': address, ...headers });
    return client;
  };

  async function signIn(address: string, email: string, password: string, cookie?: string) {
    const response = await from(address, cookie).post({ query: SIGN_IN_WAIT, variables: { email, password } });
    const body = await response.json();
    return { result: body.data.signIn as SignInResult, cookie: sessionCookieOf(response) };
  }

  async function rateLimit(key: string) {
    const [row] = await db.sql.query<{ count: number; blocked: boolean }>(
      `SELECT "count", "blockedUntil" > now() AS blocked FROM "RateLimit" WHERE key = $1`,
      [key],
    );
    return row;
  }

  it('checks at most MAX_FAILURES of 40 parallel wrong passwords, then refuses the right one', async () => {
    const email = await account();
    const before = passwordChecks.count;
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn('10.1.0.1', email, `mauvais-${i}`)));
    const checks = passwordChecks.count - before;
    const kinds = results.map((r) => r.result.__typename);
    expect(checks).toBeLessThanOrEqual(MAX_FAILURES);
    expect(kinds.filter((k) => k === 'ValidationError')).toHaveLength(checks);
    expect(kinds.filter((k) => k === 'RateLimitedError')).toHaveLength(40 - checks);
    for (const r of results.filter((r) => r.result.__typename === 'RateLimitedError')) {
      expect(r.result.retryAfterSeconds).toBeGreaterThan(0);
    }
    console.log(`[${backend}] 40 parallel wrong passwords: ${checks} password checks`);

    const right = await signIn('10.1.0.1', email, DEMO_PASSWORD);
    expect(right.result).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect(right.result.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(right.cookie).toBeUndefined();
    expect(passwordChecks.count - before).toBe(checks);
    expect(await rateLimit(`login:pair:${email}|10.1.0.1`)).toMatchObject({ blocked: true });

    // the lock is on the pair: the refused attempts did not spend the address's budget, so a colleague behind
    // the same address (the commune's NAT) signs in, and so does the owner from elsewhere
    expect((await rateLimit('login:address:10.1.0.1'))!.count).toBe(checks);
    expect((await signIn('10.1.0.1', await account(), DEMO_PASSWORD)).result.__typename).toBe('MutationSignInSuccess');
    expect((await signIn('10.1.0.2', email, DEMO_PASSWORD)).result.__typename).toBe('MutationSignInSuccess');
  });

  it('39 wrong passwords and the right one at once: the right one signs in only if among the allowed checks', async () => {
    for (const position of [0, 20, 39]) {
      const email = await account();
      const address = `10.2.0.${position + 1}`;
      const before = passwordChecks.count;
      const passwords = Array.from({ length: 40 }, (_, i) => (i === position ? DEMO_PASSWORD : `mauvais-${i}`));
      const results = await Promise.all(passwords.map((password) => signIn(address, email, password)));
      const checks = passwordChecks.count - before;
      const wrongChecked = results.filter((r) => r.result.__typename === 'ValidationError').length;
      const signedIn = results[position]!.result.__typename === 'MutationSignInSuccess';
      // the invariant: no more than MAX_FAILURES wrong guesses reach the password check; a right one gives its
      // reservation back, so it may let one more in
      expect(wrongChecked).toBeLessThanOrEqual(MAX_FAILURES);
      expect(checks).toBe(wrongChecked + (signedIn ? 1 : 0));
      expect(checks).toBeLessThanOrEqual(MAX_FAILURES + 1);
      if (!signedIn) expect(results[position]!.result.__typename).toBe('RateLimitedError');
      expect(results.filter((r) => r.result.__typename === 'MutationSignInSuccess')).toHaveLength(signedIn ? 1 : 0);
      console.log(`[${backend}] right password at ${position}: ${checks} checks, signed in: ${signedIn}`);
    }
  });

  it('caps guesses on one account spread over many addresses, and spraying from one address', async () => {
    const email = await account();
    const before = passwordChecks.count;
    const addresses = Array.from({ length: 8 }, (_, i) => `10.3.0.${i + 1}`);
    const results = await Promise.all(
      addresses.flatMap((address) => Array.from({ length: MAX_FAILURES }, (_, i) => signIn(address, email, `mauvais-${i}`))),
    );
    expect(passwordChecks.count - before).toBeLessThanOrEqual(ACCOUNT_MAX);
    expect(results.filter((r) => r.result.__typename === 'RateLimitedError').length).toBeGreaterThanOrEqual(8 * MAX_FAILURES - ACCOUNT_MAX);
    // now locked everywhere, even from a new address, even with the right password
    expect((await signIn('10.3.1.1', email, DEMO_PASSWORD)).result.__typename).toBe('RateLimitedError');

    // spraying: one guess on each of many (here unknown) accounts from one address
    const spray = '10.4.0.1';
    const sprayBefore = passwordChecks.count;
    for (let batch = 0; batch < ADDRESS_MAX + 10; batch += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(spray, `inconnu-${batch + i}@exemple.test`, 'mauvais')));
    }
    expect(passwordChecks.count - sprayBefore).toBe(ADDRESS_MAX);
    const blocked = await signIn(spray, await account(), DEMO_PASSWORD);
    expect(blocked.result.__typename).toBe('RateLimitedError');
    expect((await signIn('10.4.0.2', await account(), DEMO_PASSWORD)).result.__typename).toBe('MutationSignInSuccess');
  });

  it('counts every write per account and per address, and refuses past the limit with a retry delay', async () => {
    const email = await account();
    const address = '10.5.0.1';
    const { cookie } = await signIn(address, email, DEMO_PASSWORD);
    const client = from(address, cookie);
    const userId = (await db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    // a write that fails its own validation still costs one write: the limit bounds the load, not the successes
    const cheap = { query: CHANGE_PASSWORD, variables: { current: DEMO_PASSWORD, next: 'court' } };
    const answers = await Promise.all(Array.from({ length: WRITES_PER_ACCOUNT + 5 }, () => client.post(cheap)));
    const bodies = await Promise.all(answers.map((a) => a.json()));
    const refused = bodies.filter((b) => b.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(5);
    expect(bodies.filter((b) => b.data?.changePassword?.code === 'VALIDATION')).toHaveLength(WRITES_PER_ACCOUNT);
    expect(refused[0].errors[0].message).toMatch(/Trop d’écritures en peu de temps : réessayez dans \d+ secondes?\./);
    expect(refused[0].errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    const refusedResponse = answers[bodies.indexOf(refused[0])]!;
    expect(Number(refusedResponse.headers.get('retry-after'))).toBeGreaterThan(0);
    // reads are not writes
    expect((await client.gql(`{ viewer { name } }`)).data!.viewer).not.toBeNull();
    // another account behind the same address still writes
    const colleague = from(address, (await signIn(address, await account(), DEMO_PASSWORD)).cookie);
    expect((await colleague.gql(cheap.query, cheap.variables)).data!.changePassword.code).toBe('VALIDATION');
    // the next minute, writes are allowed again
    await db.sql.query(`UPDATE "RateLimit" SET "windowStart" = now() - interval '2 minutes' WHERE key = $1`, [`write:account:${userId}`]);
    expect((await client.gql(cheap.query, cheap.variables)).data!.changePassword.code).toBe('VALIDATION');

    // aliases are counted one by one
    const anonymous = from('10.5.0.2');
    await anonymous.gql(`mutation { a: signOut { __typename } b: signOut { __typename } c: signOut { __typename } }`);
    expect((await rateLimit('write:address:10.5.0.2'))!.count).toBe(3);
    // the address limit, ten times an account's (a commune's agents share one address)
    await db.sql.query(`UPDATE "RateLimit" SET "count" = $2 WHERE key = $1`, ['write:address:10.5.0.2', WRITES_PER_ADDRESS]);
    const flooded = await anonymous.gql(`mutation { signOut { __typename } }`);
    expect(flooded.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('rotates the session on sign-in: the previous token of this browser stops working', async () => {
    const email = await account();
    const first = await signIn('10.6.0.1', email, DEMO_PASSWORD);
    const second = await signIn('10.6.0.1', email, DEMO_PASSWORD, first.cookie);
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(first.cookie);
    expect((await from('10.6.0.1', first.cookie).gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    expect((await from('10.6.0.1', second.cookie).gql(`{ viewer { name } }`)).data!.viewer).not.toBeNull();
    const token = decodeURIComponent(first.cookie!.split('=')[1]!);
    expect(await db.prisma.session.count({ where: { tokenHash: hashToken(token) } })).toBe(0);
  });

  it('refuses and purges sessions idle for 7 days or past 30 days', async () => {
    const email = await account();
    const idle = await signIn('10.7.0.1', email, DEMO_PASSWORD);
    const old = await signIn('10.7.0.2', email, DEMO_PASSWORD);
    const fresh = await signIn('10.7.0.3', email, DEMO_PASSWORD);
    const hashOf = (cookie: string | undefined) => hashToken(decodeURIComponent(cookie!.split('=')[1]!));
    // six days idle is still fine
    await db.sql.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '6 days' WHERE "tokenHash" = $1`, [hashOf(idle.cookie)]);
    expect((await from('10.7.0.1', idle.cookie).gql(`{ viewer { name } }`)).data!.viewer).not.toBeNull();
    await db.sql.query(`UPDATE "Session" SET "lastSeenAt" = now() - interval '8 days' WHERE "tokenHash" = $1`, [hashOf(idle.cookie)]);
    await db.sql.query(`UPDATE "Session" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [hashOf(old.cookie)]);
    expect((await from('10.7.0.1', idle.cookie).gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    expect(await db.prisma.session.count({ where: { tokenHash: hashOf(idle.cookie) } })).toBe(0);

    // sessions nobody presents any more are purged too
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    await db.prisma.session.create({
      data: { tokenHash: 'oublie', userId: user.id, expiresAt: new Date(Date.now() + 86400_000), lastSeenAt: new Date(Date.now() - 10 * 86400_000) },
    });
    expect(await purgeSessions(db.prisma)).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.session.count({ where: { tokenHash: { in: ['oublie', hashOf(old.cookie)] } } })).toBe(0);
    expect((await from('10.7.0.2', old.cookie).gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    expect((await from('10.7.0.3', fresh.cookie).gql(`{ viewer { name } }`)).data!.viewer).not.toBeNull();
    // and the purge runs by itself (from sign-in), at most every ten minutes
    await db.prisma.session.create({
      data: { tokenHash: 'oublie-2', userId: user.id, expiresAt: new Date(Date.now() - 1000), lastSeenAt: new Date() },
    });
    await purgeIfDue(db.prisma, Date.now() + 11 * 60_000);
    expect(await db.prisma.session.count({ where: { tokenHash: 'oublie-2' } })).toBe(0);
  });

  it('revokes the session on sign-out', async () => {
    const email = await account();
    const { cookie } = await signIn('10.8.0.1', email, DEMO_PASSWORD);
    const client = from('10.8.0.1', cookie);
    expect((await client.gql(`mutation { signOut { __typename } }`)).data!.signOut.__typename).toBe('MutationSignOutSuccess');
    expect((await client.gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('changes the password: checks the current one under the attempt limit, revokes every other session, rotates this one', async () => {
    const email = await account();
    const laptop = await signIn('10.9.0.1', email, DEMO_PASSWORD);
    const phone = await signIn('10.9.0.2', email, DEMO_PASSWORD);
    const client = from('10.9.0.1', laptop.cookie);

    expect((await from('10.9.0.1').gql(CHANGE_PASSWORD, { current: DEMO_PASSWORD, next: 'un nouveau mot de passe' })).data!.changePassword.code).toBe(
      'UNAUTHENTICATED',
    );
    const short = (await client.gql(CHANGE_PASSWORD, { current: DEMO_PASSWORD, next: 'court' })).data!.changePassword;
    expect(short).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'newPassword', message: 'Le mot de passe doit compter au moins 12 caractères.' }] });
    const same = (await client.gql(CHANGE_PASSWORD, { current: DEMO_PASSWORD, next: DEMO_PASSWORD })).data!.changePassword;
    expect(same.fields[0].field).toBe('newPassword');
    const wrong = (await client.gql(CHANGE_PASSWORD, { current: 'pas le bon', next: 'un nouveau mot de passe' })).data!.changePassword;
    expect(wrong).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'currentPassword', message: 'Mot de passe actuel incorrect.' }] });

    const NEW = 'un nouveau mot de passe';
    const response = await client.post({ query: CHANGE_PASSWORD, variables: { current: DEMO_PASSWORD, next: NEW } });
    expect((await response.json()).data.changePassword).toMatchObject({ __typename: 'MutationChangePasswordSuccess' });
    const rotated = sessionCookieOf(response);
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(laptop.cookie);
    expect((await client.gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    expect((await from('10.9.0.2', phone.cookie).gql(`{ viewer { name } }`)).data!.viewer).toBeNull();
    expect((await from('10.9.0.1', rotated).gql(`{ viewer { name } }`)).data!.viewer).not.toBeNull();
    expect((await signIn('10.9.0.3', email, DEMO_PASSWORD)).result.__typename).toBe('ValidationError');
    expect((await signIn('10.9.0.3', email, NEW)).result.__typename).toBe('MutationSignInSuccess');

    const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
    const [event] = await db.sql.query<{ actorId: number; after: Record<string, unknown> }>(
      `SELECT "actorId", after FROM "AuditEvent" WHERE action = 'user.changePassword' AND "entityId" = $1`,
      [String(user.id)],
    );
    expect(event).toMatchObject({ actorId: user.id, after: { revokedSessions: 2 } });
    expect(JSON.stringify(event)).not.toMatch(/argon2|passwordHash/);

    // a stolen session is no guessing oracle: wrong current passwords hit the same limit as sign-in
    const thief = from('10.9.0.9', (await signIn('10.9.0.9', email, NEW)).cookie);
    const before = passwordChecks.count;
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => thief.gql(CHANGE_PASSWORD, { current: `essai-${i}`, next: NEW + '!' })));
    expect(passwordChecks.count - before).toBeLessThanOrEqual(MAX_FAILURES);
    expect(guesses.filter((g) => g.data!.changePassword.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(12 - MAX_FAILURES);
    const blocked = (await thief.gql(CHANGE_PASSWORD, { current: NEW, next: NEW + '!' })).data!.changePassword;
    expect(blocked).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
  });
});
