import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { closeGracefully, createHttpServer } from '../src/http.ts';

describe('graceful shutdown', () => {
  it('waits for a GraphQL execution whose client went away before it lets the database close', async () => {
    let executionEnded = false;
    let executionStarted!: () => void;
    const started = new Promise<void>((resolve) => (executionStarted = resolve));
    // an execution that outlives its client: 400 ms of work after the client hung up
    const app = (async (_req: http.IncomingMessage, res: http.ServerResponse) => {
      executionStarted();
      await new Promise((resolve) => setTimeout(resolve, 400));
      executionEnded = true;
      if (!res.destroyed) res.end('{}');
    }) as unknown as App;
    const server = createHttpServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const request = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } });
    request.on('error', () => undefined);
    request.end('{"query":"{ __typename }"}');
    await started;
    request.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const finishedInTime = await closeGracefully(server, 5_000);
    expect(executionEnded).toBe(true);
    expect(finishedInTime).toBe(true);
  });
});
