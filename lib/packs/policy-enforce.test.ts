import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidevognDb } from '../db/database';
import { createRepositories, type Repositories } from '../repositories';
import { defaultPack } from './default-pack';
import { NO_POLICY, type PackPolicy } from './policy';
import { packSchema, PACK_FORMAT } from './schema';
import { exportPublicKey, generateSigningKey, signPack } from './signing';

// Issue 27, item 3: policy is enforced by the repository and re-checked whenever it changes.

let db: SidevognDb;
let repo: Repositories;
beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  repo = createRepositories(db);
  await db.open();
});
afterEach(() => db.delete());

function inForce(policy: Partial<PackPolicy>): PackPolicy {
  const full = { ...NO_POLICY, ...policy };
  const { problems: _problems, ...managed } = full;
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(managed);
  return full;
}

const teamPack = (version = '1.0.0', title = 'Hjemmebesøg (team)') =>
  packSchema.parse({
    format: PACK_FORMAT,
    id: 'vesthavn.team',
    name: 'Team Vesthavn',
    publisher: 'Jobcenter Vesthavn',
    version,
    validFrom: '2026-01-01',
    templates: [{ ...structuredClone(defaultPack.templates![4]!), id: 'vesthavn.hjemmebesoeg', title }],
  });
const titles = async () => (await repo.templates.list()).templates.map((t) => t.title);
const template = (id: string, title: string) =>
  JSON.stringify({ ...structuredClone(defaultPack.templates![4]!), id, title });

describe('policy, enforced in the repository and re-checked when it changes', () => {
  it('pinning turned on later stops an unsigned pack the caseworker added; turned off, it is used again', async () => {
    await repo.packs.install(teamPack(), { kind: 'file' });
    expect(await titles()).toContain('Hjemmebesøg (team)');

    const signer = await generateSigningKey();
    const pinned = inForce({ trustedPackKeys: [await exportPublicKey(signer.publicKey)] });
    expect(await repo.packs.enforcePolicy(pinned)).toEqual(['vesthavn.team']);
    expect(await titles()).not.toContain('Hjemmebesøg (team)');
    const [state] = (await repo.packs.list()).map((p) => p.state);
    expect(state!.blocked).toMatch(/only accepts signed packs/);

    expect(await repo.packs.enforcePolicy(inForce({}))).toEqual([]);
    expect(await titles()).toContain('Hjemmebesøg (team)');
  });

  it('allowUserPacks: false stops packs the caseworker added, and the repository refuses new ones', async () => {
    await repo.packs.install(teamPack(), { kind: 'file' });
    const closed = inForce({ allowUserPacks: false });
    expect(await repo.packs.enforcePolicy(closed)).toEqual(['vesthavn.team']);
    expect(await titles()).not.toContain('Hjemmebesøg (team)');
    await expect(repo.packs.install(teamPack('1.1.0'), { kind: 'file' })).rejects.toThrow(
      /does not allow packs added by the caseworker/,
    );
  });

  it('restore() cannot switch to a version policy does not trust', async () => {
    const signer = await generateSigningKey();
    await repo.packs.install(teamPack('1.0.0'), { kind: 'file' });
    await repo.packs.install(await signPack(teamPack('1.1.0'), signer), { kind: 'file' });
    inForce({ trustedPackKeys: [await exportPublicKey(signer.publicKey)] });
    await expect(repo.packs.restore('vesthavn.team', '1.0.0')).rejects.toThrow(/only accepts signed packs/);
    const [p] = await repo.packs.list();
    expect(p!.state.activeVersion).toBe('1.1.0');
  });

  it('a policy pack whose address is gone from policy is retired, and the caseworker may remove it', async () => {
    const url = 'https://intra.vesthavn.dk/team.json';
    inForce({ packUrls: [url] });
    const source = { kind: 'policy' as const, url, etag: null, lastModified: null, checkedAt: null, error: null };
    await repo.packs.install(teamPack(), source, { removable: false });
    await expect(repo.packs.remove('vesthavn.team')).rejects.toThrow(/cannot be removed/);
    expect(await repo.packs.enforcePolicy(inForce({ packUrls: [] }))).toEqual(['vesthavn.team']);
    expect(await titles()).not.toContain('Hjemmebesøg (team)');
    expect((await repo.packs.list())[0]!.state.blocked).toMatch(/no longer installs this pack/);
    await repo.packs.remove('vesthavn.team');
    expect(await repo.packs.list()).toEqual([]);
  });

  it('a single template cannot be imported past allowUserPacks: false or pinning, and one imported before is not used', async () => {
    expect(await repo.templates.import(template('egen.skabelon', 'Min egen skabelon'))).toMatchObject({ ok: true });
    expect(await titles()).toContain('Min egen skabelon');

    inForce({ allowUserPacks: false });
    expect(await repo.templates.import(template('egen.to', 'To'))).toEqual({
      ok: false,
      errors: ['policy: Your organisation does not allow templates added by the caseworker'],
    });
    expect(await titles()).not.toContain('Min egen skabelon');

    const signer = await generateSigningKey();
    inForce({ trustedPackKeys: [await exportPublicKey(signer.publicKey)] });
    expect(await repo.templates.import(template('egen.tre', 'Tre'))).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/only accepts signed packs/)],
    });
    expect((await repo.templates.list()).broken).toEqual([
      { id: 'egen.skabelon', errors: [expect.stringMatching(/a template on its own cannot be signed/)] },
    ]);
  });
});
