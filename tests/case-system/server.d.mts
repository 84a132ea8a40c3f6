// Types for server.mjs.
export interface CaseSystemServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}
/** `tls`: served over https with this key and certificate (tests/fixtures/tls). */
export declare function startCaseSystem(options?: {
  port?: number;
  host?: string;
  tls?: { key: Buffer | string; cert: Buffer | string };
}): Promise<CaseSystemServer>;
