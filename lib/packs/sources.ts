import type { PackSource } from './config-records';
import type { Repositories } from '../repositories';
import { parsePackText } from './validate';
import { packUrlProblem, type PackPolicy } from './policy';
import { compareSemver, MAX_PACK_BYTES } from './schema';

/**
 * Packs from URLs (the municipality's intranet, or policy). Requests carry no
 * citizen data and honour ETag/Last-Modified, so an unchanged pack costs a 304.
 */

export type Fetched =
  | { status: 'not-modified' }
  | { status: 'ok'; text: string; etag: string | null; lastModified: string | null }
  | { status: 'error'; error: string };

/** How long a pack request may take, body included. */
export const FETCH_TIMEOUT_MS = 30_000;

/**
 * Fetches a pack: https only (also after redirects), no cookies or HTTP
 * authentication, no referrer, a time limit, and a body cap counted in bytes as
 * they arrive (Content-Length is the server's claim, not a limit).
 */
export async function fetchPackText(
  url: string,
  previous: { etag: string | null; lastModified: string | null } = { etag: null, lastModified: null },
  fetcher: typeof fetch = fetch,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<Fetched> {
  const problem = packUrlProblem(url);
  if (problem) return { status: 'error', error: `address: ${problem}` };
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () => ({
    status: 'error' as const,
    error: `${new URL(url).origin} did not answer within ${timeoutMs / 1000} seconds`,
  });
  let response: Response;
  try {
    response = await fetcher(url, {
      headers,
      cache: 'no-cache',
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal,
    });
  } catch {
    if (signal.aborted) return timedOut();
    return {
      status: 'error',
      error: `Could not reach ${new URL(url).origin}. Check the address, and that the server allows Sidevogn to fetch it (CORS).`,
    };
  }
  // The final address counts: a redirect to plain http is refused.
  if (response.url && !response.url.startsWith('https://')) {
    void response.body?.cancel().catch(() => undefined);
    return { status: 'error', error: 'address: The server redirected to an address that is not https' };
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok)
    return { status: 'error', error: `The server answered ${response.status} ${response.statusText}`.trim() };
  const tooLarge = { status: 'error' as const, error: `The pack is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB` };
  if (Number(response.headers.get('Content-Length') ?? 0) > MAX_PACK_BYTES) {
    void response.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  let text: string;
  try {
    const body = await readCapped(response, MAX_PACK_BYTES);
    if (body === null) return tooLarge;
    text = body;
  } catch {
    return signal.aborted ? timedOut() : { status: 'error', error: 'The connection broke while the pack was loading' };
  }
  return {
    status: 'ok',
    text,
    etag: response.headers.get('ETag'),
    lastModified: response.headers.get('Last-Modified'),
  };
}

/** The body as text, or null (and the download stopped) once it passes `max` bytes. */
async function readCapped(response: Response, max: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export type RefreshOutcome =
  | { status: 'not-modified' | 'unchanged' }
  | { status: 'installed'; version: string }
  | { status: 'available'; version: string }
  | { status: 'error'; error: string };

/**
 * Fetches a URL pack again. Policy packs are applied at once (the organisation
 * decided); a caseworker's own URL pack is stored as an available version that
 * the options page shows with its changes before it is applied.
 */
export async function refreshUrlPack(
  repository: Repositories,
  packId: string,
  source: Extract<PackSource, { kind: 'url' | 'policy' }>,
  trustedKeys: string[],
  fetcher: typeof fetch = fetch,
): Promise<RefreshOutcome> {
  const fetched = await fetchPackText(source.url, source, fetcher);
  const checked = { ...source, checkedAt: Date.now() };
  if (fetched.status === 'not-modified') {
    await repository.packs.updateSource(packId, { ...checked, error: null });
    return { status: 'not-modified' };
  }
  if (fetched.status === 'error') {
    await repository.packs.updateSource(packId, { ...checked, error: fetched.error });
    return fetched;
  }
  const outcome = await installFromText(
    repository,
    fetched.text,
    trustedKeys,
    {
      ...checked,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      error: null,
    },
    { activate: source.kind === 'policy', expectedId: packId },
  );
  if (outcome.status === 'error') await repository.packs.updateSource(packId, { ...checked, error: outcome.error });
  return outcome;
}

/** Parses, checks trust, and installs (or only stores, when not activating). */
export async function installFromText(
  repository: Repositories,
  text: string,
  trustedKeys: string[],
  source: PackSource,
  options: { activate: boolean; expectedId?: string; removable?: boolean },
): Promise<RefreshOutcome> {
  const parsed = parsePackText(text);
  if (!parsed.ok) return { status: 'error', error: parsed.errors.join('\n') };
  if (options.expectedId && parsed.pack.id !== options.expectedId)
    return {
      status: 'error',
      error: `id: The address now serves the pack "${parsed.pack.id}", not "${options.expectedId}"`,
    };
  const preview = await repository.packs.preview(parsed.pack, trustedKeys);
  if (!preview.ok) return { status: 'error', error: preview.errors.join('\n') };
  // An address that serves an older version than the one in use (a replayed
  // old, perhaps flawed, signed version) changes nothing; a team lead can
  // still go back to an installed version by hand (Version i brug).
  if (source.kind === 'url' || source.kind === 'policy') {
    const active = (await repository.packs.list()).find((p) => p.state.id === parsed.pack.id)?.state.activeVersion;
    if (active && compareSemver(parsed.pack.version, active) < 0)
      return {
        status: 'error',
        error: `version: The address serves version ${parsed.pack.version}, older than version ${active} in use; it was not installed`,
      };
  }
  const installed = await repository.packs.version(parsed.pack.id, parsed.pack.version);
  if (installed && preview.sameAsActive) {
    await repository.packs.updateSource(parsed.pack.id, source);
    return { status: 'unchanged' };
  }
  try {
    if (options.activate) {
      await repository.packs.install(preview.pack, source, {
        signedBy: preview.signedBy,
        removable: options.removable,
      });
      return { status: 'installed', version: preview.pack.version };
    }
    await repository.packs.addVersion(preview.pack, preview.signedBy);
    await repository.packs.updateSource(parsed.pack.id, source);
    return { status: 'available', version: preview.pack.version };
  } catch (e) {
    return { status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Makes the installed packs follow policy: installs and refreshes every policy
 * URL (not removable by the user). Returns one outcome per URL.
 */
export async function syncPolicyPacks(
  repository: Repositories,
  policy: PackPolicy,
  fetcher: typeof fetch = fetch,
): Promise<Record<string, RefreshOutcome>> {
  const outcomes: Record<string, RefreshOutcome> = {};
  const installed = await repository.packs.list();
  for (const url of policy.packUrls) {
    const existing = installed.find((p) => 'url' in p.state.source && p.state.source.url === url);
    if (existing && existing.state.source.kind === 'policy') {
      outcomes[url] = await refreshUrlPack(
        repository,
        existing.state.id,
        existing.state.source,
        policy.trustedPackKeys,
        fetcher,
      );
      continue;
    }
    const fetched = await fetchPackText(url, undefined, fetcher);
    if (fetched.status !== 'ok') {
      outcomes[url] = fetched.status === 'error' ? fetched : { status: 'not-modified' };
      continue;
    }
    outcomes[url] = await installFromText(
      repository,
      fetched.text,
      policy.trustedPackKeys,
      {
        kind: 'policy',
        url,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        checkedAt: Date.now(),
        error: null,
      },
      { activate: true, removable: false },
    );
  }
  return outcomes;
}
