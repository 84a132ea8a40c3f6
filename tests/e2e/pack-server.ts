import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TEST_TLS_DIR } from '../harness/chromium.mjs';

const PATH = '/sidevogn/team.json';

/**
 * Serves one pack file like a municipality's intranet would: over https, with
 * an ETag, answering 304 to a matching If-None-Match, and CORS for the
 * extension. A few hostile routes serve what a compromised or misconfigured
 * server could: `redirectToHttpUrl` redirects to the same pack over plain http,
 * `hugeUrl` streams 50 MB with no Content-Length, `slowUrl` never answers.
 */
export async function startPackServer(body: () => string) {
  const requests: { ifNoneMatch: string | null; cookie: string | null; path: string }[] = [];
  let httpUrl = '';
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const text = body();
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
    requests.push({
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
      cookie: req.headers.cookie ?? null,
      path: req.url ?? '',
    });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (req.url === '/redirect') return res.writeHead(302, { Location: httpUrl }).end();
    if (req.url === '/slow') return; // never answers
    if (req.url === '/huge') {
      // 50 MB, chunked: no Content-Length to trust.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 50 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      return more();
    }
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(text);
  };
  const tls = {
    key: readFileSync(join(TEST_TLS_DIR, 'pack-server.key')),
    cert: readFileSync(join(TEST_TLS_DIR, 'pack-server.crt')),
  };
  const server = createHttpsServer(tls, answer);
  const plain = createHttpServer(answer);
  const listen = async (s: typeof server | typeof plain) => {
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return (s.address() as AddressInfo).port;
  };
  const port = await listen(server);
  httpUrl = `http://127.0.0.1:${await listen(plain)}${PATH}`;
  const base = `https://127.0.0.1:${port}`;
  const close = (s: typeof server | typeof plain) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    url: `${base}${PATH}`,
    httpUrl,
    redirectToHttpUrl: `${base}/redirect`,
    hugeUrl: `${base}/huge`,
    slowUrl: `${base}/slow`,
    requests,
    close: async () => {
      await Promise.all([close(server), close(plain)]);
    },
  };
}
