import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves one pack file like a municipality's intranet would: with an ETag,
 * answering 304 to a matching If-None-Match, and CORS for the extension.
 */
export async function startPackServer(body: () => string) {
  const requests: { ifNoneMatch: string | null }[] = [];
  const server = createServer((req, res) => {
    const text = body();
    const etag = `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
    requests.push({ ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null });
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Last-Modified');
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sidevogn/team.json`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
