// The Mixed run: 70 % reads (the read operations in turn), 20 % statistics, 10 % writes by signed-in accounts. Writes
// alternate voteReviewHelpful (a review each account has not voted for yet) and updateDeployment (a deployment of the
// account's organization), spread over the accounts and, through X-Forwarded-For (TRUST_PROXY=1), over as many client
// addresses, so that neither the per-account nor the per-address write limit (120 and 1,200 a minute) is reached.
import { body, SIGN_IN, UPDATE_DEPLOYMENT, VOTE_REVIEW, type Operation } from './operations.ts';
import { post } from './measure.ts';
import type { WriterAccount } from './dataset.ts';

export const BENCH_PASSWORD = 'banc-essai-mutualis-2026';

/** The CSRF header every GraphQL write must carry (server/src/app.ts). */
const CSRF = { 'x-mutualis-csrf': '1' };

export interface Writer {
  cookie: string;
  address: string;
  deploymentId: string;
  writes: number;
}

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** Signs every account in through the API (four at a time) and keeps its session cookie. */
export async function signIn(url: string, accounts: WriterAccount[]): Promise<Writer[]> {
  const writers: Writer[] = [];
  for (let i = 0; i < accounts.length; i += 4) {
    const batch = accounts.slice(i, i + 4).map(async (account, j) => {
      const address = `10.77.${Math.floor((i + j) / 250)}.${((i + j) % 250) + 1}`;
      const res = await post(url, body({ name: 'SignIn', query: SIGN_IN, variables: { email: account.email, password: BENCH_PASSWORD } }), {
        ...CSRF,
        'x-forwarded-for': address,
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mutualis_session='))?.split(';')[0];
      if (res.status !== 200 || !cookie) throw new Error(`Connexion de ${account.email} refusée : ${res.status} ${res.text.slice(0, 300)}`);
      return { cookie, address, deploymentId: globalId('Deployment', account.deploymentId), writes: 0 };
    });
    writers.push(...(await Promise.all(batch)));
  }
  return writers;
}

/** 10 slots: 7 reads, 2 statistics, 1 write. */
const SLOTS = ['R', 'R', 'S', 'R', 'R', 'W', 'R', 'S', 'R', 'R'] as const;

/** The next request of the mix, in a fixed order. `reviewIds`: visible reviews to vote for. */
export function mixedSequence(reads: Operation[], statistics: Operation, writers: Writer[], reviewIds: number[]) {
  let n = 0;
  let read = 0;
  let write = 0;
  const readBodies = reads.map(body);
  const statisticsBody = body(statistics);
  return (): { body: string; headers?: Record<string, string> } => {
    const slot = SLOTS[n++ % SLOTS.length]!;
    if (slot === 'R') return { body: readBodies[read++ % readBodies.length]! };
    if (slot === 'S') return { body: statisticsBody };
    const index = write++;
    const w = index % writers.length;
    const writer = writers[w]!;
    const headers = { ...CSRF, cookie: writer.cookie, 'x-forwarded-for': writer.address };
    const k = writer.writes++;
    if (k % 2 === 0) {
      // a review this account has never voted for: its own stride through the pool
      const reviewId = reviewIds[(w * 7919 + Math.floor(k / 2)) % reviewIds.length]!;
      return { headers, body: body({ name: 'VoteReviewHelpful', query: VOTE_REVIEW, variables: { reviewId: globalId('Review', reviewId) } }) };
    }
    return {
      headers,
      body: body({ name: 'UpdateDeployment', query: UPDATE_DEPLOYMENT, variables: { id: writer.deploymentId, input: { users: 1 + (k % 997) } } }),
    };
  };
}
