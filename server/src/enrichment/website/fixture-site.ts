// Test helper: a small web server on 127.0.0.1 serving fixture pages, for the website provider's tests.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FixtureSite {
  url: string;
  port: number;
  /** Requests seen, as "METHOD path user-agent". */
  requests: string[];
  close(): Promise<void>;
}

export const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url));

export function html(body: Buffer | string, headers: Record<string, string | string[]> = {}): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    response.end(body);
  };
}

export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

/** Serves `routes` by path; unknown paths answer 404 (so there is no robots.txt unless a route gives one). */
export async function startSite(routes: Record<string, Handler>): Promise<FixtureSite> {
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url} ${request.headers['user-agent']}`);
    const handler = routes[request.url ?? '/'];
    if (handler) return handler(request, response);
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
