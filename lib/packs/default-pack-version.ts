/**
 * The version of the default pack this build ships. Kept apart from the pack
 * itself so a start of the extension can tell whether the installed default
 * pack is older without loading the pack (lib/packs/load-default-pack.ts).
 */
export const DEFAULT_PACK_VERSION = '2.2.1';

/** Whether an installed default pack version is older than the shipped one (plain x.y.z versions). */
export function isOlderThanShipped(installed: string, shipped: string = DEFAULT_PACK_VERSION): boolean {
  const a = installed.split('.').map(Number);
  const b = shipped.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}
