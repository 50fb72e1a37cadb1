/**
 * A real HTTP server standing in for publishers' feed hosts. It listens on
 * 127.0.0.2, which tests treat as "the public Internet" (a trusted address),
 * so redirects to 127.0.0.1 and other private targets are still refused.
 */
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export const FIXTURE_HOST = '127.0.0.2';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FixtureServer {
  url(path: string): string;
  route(path: string, handler: Handler): void;
  /** Requests seen per path, with their headers. */
  hits(path: string): IncomingMessage['headers'][];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const seen = new Map<string, IncomingMessage['headers'][]>();
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    seen.set(path, [...(seen.get(path) ?? []), request.headers]);
    const handler = routes.get(path);
    if (!handler) {
      response.writeHead(404).end('no such fixture');
      return;
    }
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, FIXTURE_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://${FIXTURE_HOST}:${port}${path}`,
    route: (path, handler) => routes.set(path, handler),
    hits: (path) => seen.get(path) ?? [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves a fixed body with the given headers. */
export function serve(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
    response.end(body);
  };
}

/** An HTTPS feed host with a self-signed certificate: a fetch must refuse to talk to it. */
export async function startTlsFixture(): Promise<{ url: string; requests(): number; close(): Promise<void> }> {
  const fixtures = new URL('../fixtures/', import.meta.url);
  let requests = 0;
  const server = https.createServer(
    { key: readFileSync(new URL('self-signed.key', fixtures)), cert: readFileSync(new URL('self-signed.crt', fixtures)) },
    (_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><title>t</title></channel></rss>');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, FIXTURE_HOST, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${FIXTURE_HOST}:${port}/feed.xml`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
