import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import { createRepository, type Repository } from '../db/repository';
import { defaultPack } from './default-pack';
import { packSchema, PACK_FORMAT } from './schema';
import { generateSigningKey, exportPublicKey, signPack } from './signing';
import { refreshUrlPack, syncPolicyPacks } from './sources';

let db: SidevognDb;
let repo: Repository;
beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepository(db);
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

describe('policy packs', () => {
  it('installs policy packs, not removable; later refreshes send ETag and apply new versions', async () => {
    let current = teamPack();
    const { fetcher, calls } = server(() => current);
    const policy = {
      packUrls: ['https://intra.vesthavn.dk/sidevogn/team.json'],
      allowUserPacks: false,
      trustedPackKeys: [],
    };
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
    const policy = {
      packUrls: ['https://intra.vesthavn.dk/team.json'],
      allowUserPacks: true,
      trustedPackKeys: [await exportPublicKey(trusted.publicKey)],
    };
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
