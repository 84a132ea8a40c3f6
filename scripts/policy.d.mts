export type ManagedSchema = {
  type: 'object';
  properties: Record<
    string,
    { type: string; title?: string; description?: string; minimum?: number; maximum?: number; items?: { type: string } }
  >;
};
export const STORE_UPDATE_URLS: { chrome: string; edge: string };
export const EXAMPLE_VALUES: Record<string, unknown>;
export const ENGLISH: Record<string, { title: string; description: string }>;
export function readSchema(path?: string): ManagedSchema;
export function settingKind(
  name: string,
  prop: ManagedSchema['properties'][string],
): 'boolean' | 'integer' | 'string' | 'list';
export function generatePolicy(options: {
  id: string;
  edgeId?: string;
  updateUrl?: string;
  values?: Record<string, unknown>;
  schema?: ManagedSchema;
}): Record<string, string>;
export function checkValues(values: unknown, schema?: ManagedSchema): Promise<void>;
export function writePolicy(out: string, files: Record<string, string>): void;
