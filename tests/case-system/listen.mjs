// Starting a test host's HTTP server: shared by the demo case system (server.mjs)
// and the Kommune host (kommune/server.mjs).
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

/**
 * Serves `handle` on `host:port` (0: any free port). A handler that throws
 * answers 500, or drops the connection if the answer had begun.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<unknown>} handle
 * `tls` (key and certificate, e.g. tests/fixtures/tls): served over https instead.
 * @param {{ port?: number, host?: string, tls?: { key: Buffer | string, cert: Buffer | string } }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function listen(handle, { port = 0, host = '127.0.0.1', tls = undefined } = {}) {
  const answer = (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Serverfejl\n');
      } else res.destroy();
    });
  };
  const server = tls ? createHttpsServer(tls, answer) : createServer(answer);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
