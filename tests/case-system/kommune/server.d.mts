// Types for server.mjs.
export interface KommuneServer {
  port: number;
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). Tests use http://sag.kommune.test:<port>. */
  url: string;
  close(): Promise<void>;
}
export declare const DEFAULT_DELAY_MS: number;
export declare function startKommune(options?: { port?: number; host?: string }): Promise<KommuneServer>;
