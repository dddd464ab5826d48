/**
 * A TCP proxy in front of a stand-in that a test can freeze: while frozen it still accepts
 * connections but forwards nothing either way, like a stopped process whose sockets stay open.
 * Thawing delivers what was held, as the process would read its socket buffers on resume (so a
 * request the client gave up on may still be applied), or discards it, as a network that lost it.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface FreezableProxy {
  endpoint: string;
  freeze(): void;
  thaw(opts?: { discard?: boolean }): void;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream: Socket;
  /** Bytes held while frozen, per direction. */
  toUpstream: Buffer[];
  toClient: Buffer[];
  clientGone: boolean;
}

export async function startFreezableProxy(target: string): Promise<FreezableProxy> {
  const { hostname, port } = new URL(target);
  const links = new Set<Link>();
  let frozen = false;

  const drop = (link: Link) => {
    links.delete(link);
    link.client.destroy();
    link.upstream.destroy();
  };

  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const link: Link = { client, upstream, toUpstream: [], toClient: [], clientGone: false };
    links.add(link);
    client.on('data', (chunk) => (frozen ? link.toUpstream.push(chunk) : upstream.write(chunk)));
    upstream.on('data', (chunk) => (frozen ? link.toClient.push(chunk) : client.write(chunk)));
    // A client that gives up while frozen leaves its request behind, to be delivered on thaw.
    client.on('close', () => {
      link.clientGone = true;
      if (!frozen || link.toUpstream.length === 0) drop(link);
    });
    upstream.on('close', () => {
      if (!frozen) drop(link);
    });
    client.on('error', () => {});
    upstream.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no TCP address.');

  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    freeze() {
      frozen = true;
    },
    thaw({ discard = false } = {}) {
      frozen = false;
      for (const link of [...links]) {
        const held = link.toUpstream.length > 0 || link.toClient.length > 0;
        const toUpstream = link.toUpstream.splice(0);
        const toClient = link.toClient.splice(0);
        if (discard && held) {
          drop(link);
          continue;
        }
        for (const chunk of toUpstream) link.upstream.write(chunk);
        if (link.clientGone) {
          // Let the stand-in read and answer the request; nobody is left to receive the answer.
          link.upstream.end();
          links.delete(link);
          continue;
        }
        for (const chunk of toClient) link.client.write(chunk);
        if (link.upstream.destroyed) drop(link);
      }
    },
    async close() {
      for (const link of [...links]) drop(link);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
