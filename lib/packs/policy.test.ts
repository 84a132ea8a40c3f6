import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPack } from './default-pack';
import { readPackPolicy } from './policy';
import { packSchema } from './schema';
import { checkTrust, exportPublicKey, generateSigningKey, keySha256, signPack } from './signing';

const managed = (values: Record<string, unknown>) =>
  vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(values);
const unsigned = () => packSchema.parse(structuredClone(defaultPack));

describe('pack policy, read entry by entry', () => {
  it('one bad pack address leaves out that address only, and refuses user packs', async () => {
    managed({
      packUrls: ['https://intra.vesthavn.dk/a.json', 'not an address', 'http://intra.vesthavn.dk/b.json'],
      allowUserPacks: true,
    });
    const policy = await readPackPolicy();
    expect(policy.packUrls).toEqual(['https://intra.vesthavn.dk/a.json']);
    expect(policy.allowUserPacks).toBe(false);
    expect(policy.problems).toEqual(['packUrls[1]: not an address', 'packUrls[2]: only https addresses are allowed']);
  });

  it('a short pin keeps pinning and allowUserPacks: false in force, and the good pins work', async () => {
    const trusted = await generateSigningKey();
    const publicKey = await exportPublicKey(trusted.publicKey);
    managed({
      packUrls: ['https://intra.vesthavn.dk/a.json'],
      allowUserPacks: false,
      trustedPackKeys: ['abc', publicKey],
    });
    const policy = await readPackPolicy();
    expect(policy.allowUserPacks).toBe(false);
    expect(policy.packUrls).toEqual(['https://intra.vesthavn.dk/a.json']);
    expect(policy.problems).toEqual([expect.stringMatching(/^trustedPackKeys\[0\]: /)]);
    expect(await checkTrust(unsigned(), policy.trustedPackKeys)).toMatchObject({ ok: false });
    expect(await checkTrust(await signPack(unsigned(), trusted), policy.trustedPackKeys)).toEqual({ ok: true });
  });

  it('pins that are all unreadable still pin: no pack is trusted, and user packs are refused', async () => {
    managed({ allowUserPacks: true, trustedPackKeys: ['0123456789abcdef'] });
    const policy = await readPackPolicy();
    expect(policy.allowUserPacks).toBe(false);
    expect(policy.problems).toEqual([expect.stringMatching(/^trustedPackKeys\[0\]: .*too short/)]);
    expect(await checkTrust(unsigned(), policy.trustedPackKeys)).toMatchObject({ ok: false });
    managed({ trustedPackKeys: 'one key' });
    const notAList = await readPackPolicy();
    expect(notAList.allowUserPacks).toBe(false);
    expect(await checkTrust(unsigned(), notAList.trustedPackKeys)).toMatchObject({ ok: false });
  });

  it('a sound policy has no problems; none at all is no policy', async () => {
    const keys = await generateSigningKey();
    const sha = await keySha256(await exportPublicKey(keys.publicKey));
    managed({ packUrls: ['https://intra.vesthavn.dk/a.json'], allowUserPacks: true, trustedPackKeys: [sha] });
    expect(await readPackPolicy()).toMatchObject({ allowUserPacks: true, trustedPackKeys: [sha], problems: [] });
    managed({});
    expect(await readPackPolicy()).toEqual({ packUrls: [], allowUserPacks: true, trustedPackKeys: [], problems: [] });
  });
});
