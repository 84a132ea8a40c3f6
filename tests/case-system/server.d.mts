// Types for server.mjs.
export interface CaseSystemServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startCaseSystem(options?: { port?: number; host?: string }): Promise<CaseSystemServer>;
