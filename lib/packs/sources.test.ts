import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PackPolicy } from './policy';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { defaultPack } from './default-pack';
import { packSchema, PACK_FORMAT } from './schema';
import { generateSigningKey, exportPublicKey, signPack } from './signing';
import { fetchPackText, refreshUrlPack, syncPolicyPacks } from './sources';

let db: SidevognDb;
let repo: Repositories;
beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db);
  await db.open();
});
afterEach(() => db.delete());

const teamPack = (version = '1.0.0', title = 'Hjemmebesøg') =>
  packSchema.parse({
    format: PACK_FORMAT,
    id: 'vesthavn.team',
    name: 'Team Vesthavn',
    publisher: 'Jobcenter Vesthavn',
    version,
    validFrom: '2026-01-01',
    templates: [{ ...structuredClone(defaultPack.templates![4]!), id: 'vesthavn.hjemmebesoeg', title }],
  });

/** A tiny HTTP server in a function: answers like an intranet web server with ETags. */
function server(packs: () => unknown) {
  const calls: Record<string, string | null>[] = [];
  const fetcher = (async (_url: string, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ ifNoneMatch: headers['If-None-Match'] ?? null });
    const body = JSON.stringify(packs());
    const etag = `"${body.length}-${body.slice(-20).length}-${[...body].reduce((a, c) => (a * 31 + c.charCodeAt(0)) | 0, 0)}"`;
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
    return new Response(body, {
      status: 200,
      headers: { ETag: etag, 'Last-Modified': 'Mon, 23 Nov 2026 10:00:00 GMT' },
    });
  }) as typeof fetch;
  return { fetcher, calls };
}

/** Puts a policy in managed storage, where the repository reads it too, and returns it. */
function inForce(policy: PackPolicy): PackPolicy {
  const { problems: _problems, ...managed } = policy;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(managed);
  return policy;
}

describe('policy packs', () => {
  it('installs policy packs, not removable; later refreshes send ETag and apply new versions', async () => {
    let current = teamPack();
    const { fetcher, calls } = server(() => current);
    const policy = inForce({
      packUrls: ['https://intra.vesthavn.dk/sidevogn/team.json'],
      allowUserPacks: false,
      trustedPackKeys: [],
      problems: [],
    });
    expect(await syncPolicyPacks(repo, policy, fetcher)).toEqual({
      'https://intra.vesthavn.dk/sidevogn/team.json': { status: 'installed', version: '1.0.0' },
    });
    const [installed] = await repo.packs.list();
    expect(installed!.state).toMatchObject({ removable: false, source: { kind: 'policy' } });
    await expect(repo.packs.remove('vesthavn.team')).rejects.toThrow(/cannot be removed/);

    expect(Object.values(await syncPolicyPacks(repo, policy, fetcher))[0]).toEqual({ status: 'not-modified' });
    expect(calls.at(-1)!.ifNoneMatch).toMatch(/^"/);

    current = teamPack('1.1.0', 'Hjemmebesøg (ny)');
    expect(Object.values(await syncPolicyPacks(repo, policy, fetcher))[0]).toEqual({
      status: 'installed',
      version: '1.1.0',
    });
    expect((await repo.templates.list()).templates.map((t) => t.title)).toContain('Hjemmebesøg (ny)');
  });

  it('refuses unsigned or untrusted packs when policy pins keys, and installs nothing', async () => {
    const trusted = await generateSigningKey();
    const policy = inForce({
      packUrls: ['https://intra.vesthavn.dk/team.json'],
      allowUserPacks: true,
      trustedPackKeys: [await exportPublicKey(trusted.publicKey)],
      problems: [],
    });
    const unsigned = await syncPolicyPacks(repo, policy, server(() => teamPack()).fetcher);
    expect(Object.values(unsigned)[0]).toMatchObject({ status: 'error', error: /only accepts signed packs/ });
    expect(await repo.packs.list()).toEqual([]);
    const signed = await signPack(teamPack(), trusted);
    const ok = await syncPolicyPacks(repo, policy, server(() => signed).fetcher);
    expect(Object.values(ok)[0]).toEqual({ status: 'installed', version: '1.0.0' });
  });
});

describe("a caseworker's URL pack", () => {
  it('stores a new version as available, to be applied after the caseworker has seen the changes', async () => {
    let current = teamPack();
    const { fetcher } = server(() => current);
    const source = {
      kind: 'url' as const,
      url: 'https://intra/team.json',
      etag: null,
      lastModified: null,
      checkedAt: null,
      error: null,
    };
    await repo.packs.install(teamPack(), source);
    current = teamPack('1.1.0', 'Ny titel');
    expect(await refreshUrlPack(repo, 'vesthavn.team', source, [], fetcher)).toEqual({
      status: 'available',
      version: '1.1.0',
    });
    const [p] = await repo.packs.list();
    expect(p!.state.activeVersion).toBe('1.0.0');
    expect(p!.versions).toEqual(['1.1.0', '1.0.0']);
    expect(p!.state.source).toMatchObject({ etag: expect.any(String), error: null });
  });

  it('records a failed refresh on the pack without changing it', async () => {
    const source = {
      kind: 'url' as const,
      url: 'https://intra/team.json',
      etag: null,
      lastModified: null,
      checkedAt: null,
      error: null,
    };
    await repo.packs.install(teamPack(), source);
    const broken = (async () => new Response('{"format": "sidevogn-pack/1"', { status: 200 })) as typeof fetch;
    expect(await refreshUrlPack(repo, 'vesthavn.team', source, [], broken)).toMatchObject({ status: 'error' });
    const [p] = await repo.packs.list();
    expect(p!.state.activeVersion).toBe('1.0.0');
    expect(p!.state.source).toMatchObject({ error: expect.stringContaining('Not valid JSON') });
  });
});

describe('fetching a pack (issue 27, item 8)', () => {
  const at = (url: string, response: Response) => {
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };
  const seen: RequestInit[] = [];
  const answering = (respond: (url: string) => Response | Promise<Response>) =>
    (async (url: string, init?: RequestInit) => {
      seen.push(init ?? {});
      return respond(url);
    }) as typeof fetch;

  it('refuses plain http and addresses with credentials before any request', async () => {
    const fetcher = answering(() => new Response('{}'));
    seen.length = 0;
    expect(await fetchPackText('http://intra/team.json', undefined, fetcher)).toEqual({
      status: 'error',
      error: 'address: only https addresses are allowed',
    });
    expect(await fetchPackText('https://user:pw@intra/team.json', undefined, fetcher)).toMatchObject({
      status: 'error',
    });
    expect(seen).toEqual([]);
  });

  it('sends no credentials and no referrer, and refuses a redirect to http', async () => {
    seen.length = 0;
    const fetcher = answering(() => at('http://intra/team.json', new Response(JSON.stringify(teamPack()))));
    expect(await fetchPackText('https://intra/team.json', undefined, fetcher)).toEqual({
      status: 'error',
      error: 'address: The server redirected to an address that is not https',
    });
    expect(seen[0]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
  });

  it('counts the body as it arrives: 50 MB without Content-Length is stopped at the cap', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const fetcher = answering((url) => at(url, new Response(body)));
    expect(await fetchPackText('https://intra/team.json', undefined, fetcher)).toEqual({
      status: 'error',
      error: 'The pack is larger than 5 MB',
    });
    expect(sent).toBeLessThan(8);
  });

  it('gives up on a server that does not answer', async () => {
    const fetcher = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError'))),
      )) as typeof fetch;
    expect(await fetchPackText('https://intra/team.json', undefined, fetcher, 50)).toEqual({
      status: 'error',
      error: 'https://intra did not answer within 0.05 seconds',
    });
  });

  it('refuses a replayed older version; going back by hand still works', async () => {
    let current = teamPack('1.1.0', 'Ny');
    const { fetcher } = server(() => current);
    const policy = inForce({
      packUrls: ['https://intra/team.json'],
      allowUserPacks: false,
      trustedPackKeys: [],
      problems: [],
    });
    expect(Object.values(await syncPolicyPacks(repo, policy, fetcher))[0]).toMatchObject({ status: 'installed' });
    current = teamPack('1.0.0');
    expect(Object.values(await syncPolicyPacks(repo, policy, fetcher))[0]).toEqual({
      status: 'error',
      error: 'version: The address serves version 1.0.0, older than version 1.1.0 in use; it was not installed',
    });
    const [p] = await repo.packs.list();
    expect(p!.state.activeVersion).toBe('1.1.0');
    expect(p!.versions).toEqual(['1.1.0']);
  });
});
