export function extensionId(privateKeyPem: string): string;
export function updateXml(id: string, version: string, crxUrl: string): string;
export function buildSelfHosted(options: {
  keyPem: string;
  baseUrl: string;
  out?: string;
  /** Keep the build's output to the error, if it fails. */
  quiet?: boolean;
}): Promise<{ id: string; version: string; crx: string; updateXml: string; dir: string }>;
