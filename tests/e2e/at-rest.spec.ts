import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixedKey } from '../unit/fixed-key';
import { SidevognDb } from '@/lib/db/database';
import { setUpEncryption } from '@/lib/db/keyring-store';
import { createRepositories } from '@/lib/repositories';
import { draftIdForNewNote } from '@/lib/notes/draft-repository';
import { defaultPack } from '@/lib/packs/default-pack';
import { packSchema } from '@/lib/packs/schema';
import { EXTENSION_ID } from '../harness/chromium.mjs';
import { expect, test } from './fixtures';
import { searchSnapshots } from './extension';

/** One canary per citizen table (and the CPR): none may be found in any file of the closed profile. */
const CANARY = {
  cpr: '2402871234',
  citizens: 'KanarieNavnQx7',
  /** The case-system address the panel remembers (in the citizen's record: "Åbn i sagssystemet"). */
  caseAddress: 'KanarieAdresseQx7',
  notes: 'KanarieNoteQx7',
  drafts: 'KanarieKladdeQx7',
  formDrafts: 'KanarieFormularQx7',
  history: 'KanarieHistorikQx7',
  summaries: 'KanarieOverblikQx7',
  deadlines: 'KanarieFristQx7',
  checklistRuns: 'KanarieBegrundelseQx7',
} as const;

/**
 * A backup holding a record in every citizen table, each with its canary, made
 * by the app's own code (in Node, on fake IndexedDB) and sealed with its recovery key.
 */
async function canaryBackup(): Promise<{ text: string; recoveryKey: string }> {
  const db = new SidevognDb(`at-rest-${crypto.randomUUID()}`);
  await db.open();
  try {
    const { dataKey, recoveryKey } = await setUpEncryption(db, 'kilde til kanariefugle 2026');
    let clock = Date.UTC(2026, 10, 1);
    const repo = createRepositories(db, () => (clock += 1000), fixedKey(dataKey));
    const template = { ...packSchema.parse(structuredClone(defaultPack)).templates[0]!, title: CANARY.history };
    const key = await repo.citizens.open('240287-1234', `${CANARY.citizens} Jensen`);
    await repo.citizens.rememberAddress(key, `http://127.0.0.1/borger/${CANARY.caseAddress}`);
    await repo.notes.create(key, `Samtale: ${CANARY.notes}`);
    await repo.history.templateInserted(key, template, null);
    await repo.drafts.save(draftIdForNewNote(key), key, `Kladde ${CANARY.drafts}`);
    await repo.formDrafts.save(key, 'en-skabelon', { emne: CANARY.formDrafts });
    await repo.summaries.setText(key, 'goal', CANARY.summaries);
    await repo.deadlines.add(key, CANARY.deadlines, '2027-01-15');
    const run = await repo.checklistRuns.start(key, { id: 'tjek', packId: 'p', packVersion: '1.0.0' });
    await repo.checklistRuns.setItem(run.id, 'punkt', { state: 'na', reason: CANARY.checklistRuns });
    const { text } = await repo.backup.export();
    return { text, recoveryKey };
  } finally {
    await db.delete();
  }
}

/**
 * The base64 text that `canary` shows as inside any base64 string, at each of
 * the three byte alignments: the characters determined by the canary's bytes alone.
 */
function base64Forms(canary: string): string[] {
  return [0, 1, 2].map((k) => {
    const encoded = Buffer.from('\0'.repeat(k) + canary, 'latin1').toString('base64');
    const bits = 8 * (k + canary.length);
    return encoded.slice(Math.ceil((8 * k) / 6), Math.floor((bits - 6) / 6) + 1);
  });
}

/** Every file under `dir`, with the canaries it holds (as Latin-1/UTF-8 bytes, as UTF-16, or base64-encoded). */
function canariesOnDisk(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) {
        const bytes = readFileSync(path);
        // Lower case too: the search index keeps words folded (its snapshot, ADR 0007).
        const canaries = Object.entries(CANARY).flatMap(([table, canary]): [string, string][] => [
          [table, canary],
          [`${table} (lower case)`, canary.toLowerCase()],
        ]);
        for (const [table, canary] of canaries) {
          for (const encoding of ['latin1', 'utf16le'] as const)
            if (bytes.includes(Buffer.from(canary, encoding)))
              found.push(`${relative(dir, path)}: ${table} (${encoding})`);
          if (base64Forms(canary).some((form) => bytes.includes(Buffer.from(form, 'latin1'))))
            found.push(`${relative(dir, path)}: ${table} (base64)`);
        }
      }
    }
  };
  walk(dir);
  return found;
}

test('at rest: no canary of any citizen table, nor the CPR, in any file of the closed profile (IndexedDB with the search index snapshot, storage.local, caches)', async ({
  launch,
  profileDir,
}) => {
  const { text, recoveryKey } = await canaryBackup();
  // Encrypted file: a canary there would say nothing about the profile.
  for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);

  const context = await launch();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
  await options
    .getByLabel('Fil', { exact: true })
    .setInputFiles({ name: 'kanarie.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await options.getByLabel('Lås op med').selectOption('recovery');
  await options.getByLabel('Adgangskode eller gendannelsesnøgle for filen').fill(recoveryKey);
  await options.getByRole('button', { name: 'Indlæs', exact: true }).click();
  await expect(options.getByTestId('backup-import-status')).toContainText('Sikkerhedskopien er indlæst: 8 nye');
  // The app opens what it stored: the canaries are in the database, sealed.
  await expect(options.getByTestId('caseload-count')).toHaveText('1 af 1 borgere');
  await expect(options.getByText(`${CANARY.citizens} Jensen`)).toBeVisible();
  await expect(options.getByRole('button', { name: `Åbn i sagssystemet: ${CANARY.citizens} Jensen` })).toBeVisible();
  // The note search finds the note, and its index is written at rest (sealed) with it: every share's
  // snapshot there, and none behind the log of changed notes (lib/db/search-log.ts).
  await options.getByRole('searchbox', { name: 'Søg i noter' }).fill(CANARY.notes);
  await expect(options.getByTestId('note-search-status')).toHaveText('1 note');
  const workers = await options.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)));
  await expect.poll(() => searchSnapshots(options), { timeout: 20_000 }).toEqual({ rows: workers, unindexed: 0 });
  await context.close();

  expect(statSync(join(profileDir, 'Default', 'IndexedDB')).isDirectory()).toBe(true);
  expect(canariesOnDisk(profileDir)).toEqual([]);
});
