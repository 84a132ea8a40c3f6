import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { demoAdapter } from '../host/demo-adapter';
import type { Adapter } from '../host/adapter';
import { sealRecord } from '../db/sealed';
import { StoredDataError } from '../db/records';
import { applyRetention, DAY_MS } from '../privacy/citizen-data';
import { checkCaseAddress, openCaseAddress, rememberCaseAddress, type TabsApi } from './case-address';
import { freshTestRepository, testKey } from '../../tests/unit/test-key';
import { fixedKey } from '../../tests/unit/fixed-key';
import { SidevognDb } from '../db/database';
import { setUpEncryption } from '../db/keyring-store';
import { createRepositories } from '../repositories';

const t = freshTestRepository();
const kommune: Adapter = {
  ...demoAdapter,
  id: 'kommune-sag',
  name: 'Kommunens sagssystem',
  matches: ['https://sag.kommune.dk/*'],
};
const DEMO = 'http://127.0.0.1:5180/borger/S-20237293';
const KOMMUNE = 'https://sag.kommune.dk/borger/1234?fane=journal#noter';

/** A browser's tabs, in memory: what was focused and created. */
function fakeTabs(open: { id: number; windowId: number; url?: string }[]) {
  const focused: number[] = [];
  const created: string[] = [];
  const tabs: TabsApi = {
    list: () => Promise.resolve(open),
    focus: (id) => Promise.resolve(void focused.push(id)),
    create: (url) => Promise.resolve(void created.push(url)),
  };
  return { tabs, focused, created };
}

describe('checkCaseAddress', () => {
  it('takes an http(s) address on a taught case system: the demo (development builds) or a stored adapter', () => {
    expect(checkCaseAddress(DEMO, [])).toEqual({ ok: true, url: DEMO });
    expect(checkCaseAddress(KOMMUNE, [kommune])).toEqual({ ok: true, url: KOMMUNE });
  });

  it('refuses other schemes, credentials, overlong and malformed addresses as invalid', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<p>x</p>',
      'file:///etc/passwd',
      'ftp://sag.kommune.dk/borger/1',
      'chrome-extension://abc/options.html',
      'https://bruger:hemmelig@sag.kommune.dk/borger/1',
      `https://sag.kommune.dk/${'x'.repeat(2048)}`,
      'sag.kommune.dk/borger/1',
      42,
      undefined,
    ])
      expect(checkCaseAddress(bad, [kommune])).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses an http(s) address no taught adapter matches', () => {
    expect(checkCaseAddress(KOMMUNE, [])).toEqual({ ok: false, problem: 'untaught' });
    expect(checkCaseAddress('https://evil.example/sag.kommune.dk/', [kommune])).toEqual({
      ok: false,
      problem: 'untaught',
    });
    expect(checkCaseAddress('http://sag.kommune.dk/borger/1', [kommune])).toEqual({ ok: false, problem: 'untaught' });
  });
});

describe('remembering the address', () => {
  it('seals it in the opened citizen’s record, writes only a change, and leaves the last activity alone', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    const before = await t.db.citizens.get(key);
    expect(await rememberCaseAddress(t.repo, key, DEMO)).toBe(true);
    const row = await t.db.citizens.get(key);
    expect(JSON.stringify(row)).not.toContain('S-20237293');
    expect(JSON.stringify(row)).not.toContain('127.0.0.1');
    expect(row?.lastActivityAt).toBe(before?.lastActivityAt);
    expect((await t.repo.citizens.get(key))?.caseAddress).toBe(DEMO);
    // The same address again: nothing written.
    expect(await rememberCaseAddress(t.repo, key, DEMO)).toBe(false);
    expect(await t.db.citizens.get(key)).toEqual(row);
    // Opening the citizen again (a new name on the page) keeps it.
    await t.repo.citizens.open('070761-4285', 'Mette Hansen');
    expect((await t.repo.citizens.get(key))?.caseAddress).toBe(DEMO);
  });

  it('stores nothing for an untaught or invalid address, nor for a citizen never opened', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    expect(await rememberCaseAddress(t.repo, key, KOMMUNE)).toBe(false);
    expect(await rememberCaseAddress(t.repo, key, 'javascript:alert(1)')).toBe(false);
    expect(await rememberCaseAddress(t.repo, key, undefined)).toBe(false);
    expect((await t.repo.citizens.get(key))?.caseAddress).toBeUndefined();
    await expect(t.repo.citizens.rememberAddress(key, 'javascript:alert(1)')).rejects.toThrow();
    const stranger = await t.repo.citizenKey('010190-1234');
    expect(await rememberCaseAddress(t.repo, stranger, DEMO)).toBe(false);
    expect(await t.db.citizens.get(stranger)).toBeUndefined();
  });

  it('is erased with the citizen ("Slet alt om borgeren", erase all, retention), and not back when the citizen is opened again', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await rememberCaseAddress(t.repo, key, DEMO);
    await t.repo.privacy.erase(key);
    expect(await t.repo.citizens.get(key)).toBeUndefined();
    await t.repo.citizens.open('070761-4285', 'Mette');
    expect((await t.repo.citizens.get(key))?.caseAddress).toBeUndefined();

    await rememberCaseAddress(t.repo, key, DEMO);
    await t.repo.privacy.eraseAll();
    expect(await t.db.citizens.count()).toBe(0);

    await t.repo.citizens.open('070761-4285', 'Mette');
    await rememberCaseAddress(t.repo, key, DEMO);
    const result = await applyRetention(t.db, 1, Date.now() + 400 * DAY_MS, { confirmed: true });
    expect(result).toMatchObject({ status: 'done', citizens: 1 });
    expect(await t.repo.citizens.get(key)).toBeUndefined();
  });

  it('goes into the (encrypted) backup; a newer citizen from a file without one keeps the address known here', async () => {
    let clock = 1_700_000_000_000;
    const installation = async (passphrase: string) => {
      const db = new SidevognDb(`test-${crypto.randomUUID()}`);
      await db.open();
      const { dataKey, recoveryKey } = await setUpEncryption(db, passphrase);
      return { db, recoveryKey, repo: createRepositories(db, () => (clock += 1000), fixedKey(dataKey)) };
    };
    const here = await installation('korrekt hest batteri');
    const there = await installation('en helt anden frase');
    try {
      const key = await here.repo.citizens.open('070761-4285', 'Mette');
      await rememberCaseAddress(here.repo, key, DEMO);
      const { text } = await here.repo.backup.export();
      expect(text).not.toContain('S-20237293');
      await here.repo.privacy.eraseAll();
      await here.repo.backup.import(text, { kind: 'recovery', value: here.recoveryKey });
      expect((await here.repo.citizens.get(key))?.caseAddress).toBe(DEMO);

      // Elsewhere, later, without an address: the newer record wins, the address stays.
      const elsewhere = await there.repo.citizens.open('070761-4285', 'Mette Hansen');
      await there.repo.notes.create(elsewhere, 'Senere note');
      const later = (await there.repo.backup.export()).text;
      expect(await here.repo.backup.import(later, { kind: 'recovery', value: there.recoveryKey })).toMatchObject({
        updated: 1,
        added: 1,
      });
      expect(await here.repo.citizens.get(key)).toMatchObject({ name: 'Mette Hansen', caseAddress: DEMO });
    } finally {
      await here.db.delete();
      await there.db.delete();
    }
  });
});

describe('opening the address', () => {
  it('focuses the tab already showing it, else opens it in a new tab', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await rememberCaseAddress(t.repo, key, DEMO);
    const shown = fakeTabs([
      { id: 1, windowId: 1, url: 'http://127.0.0.1:5180/' },
      { id: 2, windowId: 1 },
      { id: 7, windowId: 3, url: DEMO },
    ]);
    expect(await openCaseAddress(t.repo, key, shown.tabs)).toEqual({ status: 'focused' });
    expect(shown.focused).toEqual([7]);
    expect(shown.created).toEqual([]);

    const none = fakeTabs([{ id: 1, windowId: 1, url: 'http://127.0.0.1:5180/' }]);
    expect(await openCaseAddress(t.repo, key, none.tabs)).toEqual({ status: 'opened' });
    expect(none.created).toEqual([DEMO]);
    expect(none.focused).toEqual([]);
  });

  it('refuses, opening nothing, when no address is known or its case system is no longer taught', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    const tabs = fakeTabs([]);
    expect(await openCaseAddress(t.repo, key, tabs.tabs)).toEqual({ status: 'refused', problem: 'none' });
    await t.repo.adapters.save(kommune);
    expect(await rememberCaseAddress(t.repo, key, KOMMUNE)).toBe(true);
    await t.repo.adapters.remove(kommune.id);
    expect(await openCaseAddress(t.repo, key, tabs.tabs)).toEqual({
      status: 'refused',
      problem: 'untaught',
      origin: 'https://sag.kommune.dk',
    });
    expect(tabs.created).toEqual([]);
    expect(tabs.focused).toEqual([]);
  });

  it('never opens an address that is not http(s), even one written past the repository', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    const record = await t.repo.citizens.get(key);
    await t.db.citizens.put(await sealRecord(testKey, 'citizens', { ...record!, caseAddress: 'javascript:alert(1)' }));
    const tabs = fakeTabs([]);
    const open = vi.fn(tabs.tabs.create);
    await expect(openCaseAddress(t.repo, key, { ...tabs.tabs, create: open })).rejects.toThrow(StoredDataError);
    expect(open).not.toHaveBeenCalled();
  });
});
