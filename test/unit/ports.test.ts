/**
 * The local stack's ports: a port taken between the stack's check and a server's listen is said as a
 * PortTakenError (the port, what it was for, the variable that moves it), as one the check found.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, listening, PortTakenError } from '../../scripts/local/ports.ts';

const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(port: number): Promise<Server> {
  const server = createServer();
  open.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('listening', () => {
  it('says a port taken since it was checked as a PortTakenError naming it and its variable', async () => {
    const port = await freePort();
    await listen(port);
    const error = await listening(listen(port), port, 'Ordo portal and API', 'ORDO_PORT').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortTakenError);
    expect(error).toMatchObject({ port, what: 'Ordo portal and API', envVar: 'ORDO_PORT' });
  });

  it('passes the server through, and other failures as they are', async () => {
    const port = await freePort();
    const server = await listening(listen(port), port, 'Ordo portal and API');
    expect(server.address()).toMatchObject({ port });
    const other = new Error('no such file');
    await expect(listening(Promise.reject(other), port, 'x')).rejects.toBe(other);
  });
});
