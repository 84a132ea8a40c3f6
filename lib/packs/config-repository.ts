import { adapterSchema, type Adapter } from '../host/adapter';
import type { PackDraft } from './editor/draft';
import { readPackPolicy, type PackPolicy } from './policy';
import { parseTemplate, type Template } from '../templates/schema';
import {
  adapterRecordSchema,
  packDraftRecordSchema,
  signingKeyRecordSchema,
  templateRecordSchema,
  type SigningKeyRecord,
  type TemplateRecord,
} from './config-records';
import type { SidevognDb } from '../db/database';
import { parseStored } from '../db/records';

import { createPackStore, type PackStore } from './pack-store';

export type { InstalledPack, PackPreview } from './pack-store';
export { PackInstallError, policyRefusal } from './pack-store';

/**
 * Reads and writes of what configures Sidevogn: templates, packs, adapters,
 * the pack editor's draft and signing keys. Not citizen data: readable while
 * locked. ./config-groups loads this module on first use, so a
 * panel that only shows a citizen never builds the template, pack and adapter
 * schemas it depends on.
 */

const PACK_DRAFT_ID = 'current';

/** A stored template that no longer validates: shown with its errors, never used. */
export interface BrokenTemplate {
  id: string;
  errors: string[];
}

/** Why policy does not let a template imported on its own be used, or null: such a template cannot be signed. */
const templateRefusal = (p: PackPolicy) =>
  !p.allowUserPacks
    ? 'policy: Your organisation does not allow templates added by the caseworker'
    : p.trustedPackKeys.length > 0
      ? 'policy: Your organisation only accepts signed packs; a template on its own cannot be signed'
      : null;

function templateStore(db: SidevognDb, now: () => number, policy: () => Promise<PackPolicy>, packs: PackStore) {
  const templates = {
    /** Valid templates, and the stored ones that fail validation (not loaded). */
    async list(): Promise<{ templates: Template[]; broken: BrokenTemplate[] }> {
      const rows = await db.templates.toArray();
      const result: { templates: Template[]; broken: BrokenTemplate[] } = { templates: [], broken: [] };
      const refusal = rows.length > 0 ? templateRefusal(await policy()) : null;
      for (const row of rows) {
        const parsed = templateRecordSchema.safeParse(row);
        if (parsed.success && refusal && parsed.data.source === 'import')
          result.broken.push({ id: parsed.data.id, errors: [refusal] });
        else if (parsed.success) result.templates.push(parsed.data.template);
        else
          result.broken.push({
            id: String((row as { id?: unknown }).id),
            errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          });
      }
      // Templates from packs in use, after the standalone ones (a pack's id wins on a clash).
      const fromPacks = (await packs.activeContent()).templates;
      const ids = new Set(fromPacks.map((t) => t.id));
      result.templates = [...result.templates.filter((t) => !ids.has(t.id)), ...fromPacks];
      result.templates.sort((a, b) => a.title.localeCompare(b.title, 'da'));
      return result;
    },
    /** Imports one template from JSON text; a bad one changes nothing. */
    async import(json: string): Promise<{ ok: true; template: Template } | { ok: false; errors: string[] }> {
      let input: unknown;
      try {
        input = JSON.parse(json);
      } catch (e) {
        return { ok: false, errors: [`(file): Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
      }
      const parsed = parseTemplate(input);
      if (!parsed.ok) return parsed;
      const refusal = templateRefusal(await policy());
      if (refusal) return { ok: false, errors: [refusal] };
      const record: TemplateRecord = {
        id: parsed.template.id,
        template: parsed.template,
        source: 'import',
        installedAt: now(),
      };
      await db.templates.put(record);
      return parsed;
    },
  };
  return templates;
}

function adapterStore(db: SidevognDb, now: () => number) {
  const adapters = {
    /** Team-lead-made adapters; a stored one that no longer validates fails loudly. */
    async list(): Promise<Adapter[]> {
      const rows = await db.adapters.toArray();
      return rows.map((row) => parseStored(adapterRecordSchema, 'adapters', row).adapter);
    },
    async save(input: unknown): Promise<Adapter> {
      const adapter = adapterSchema.parse(input);
      await db.transaction('rw', db.adapters, async () => {
        const existing = await db.adapters.get(adapter.id);
        const t = now();
        await db.adapters.put({ id: adapter.id, adapter, createdAt: existing?.createdAt ?? t, updatedAt: t });
      });
      return adapter;
    },
    async remove(id: string): Promise<void> {
      await db.adapters.delete(id);
    },
  };
  return adapters;
}

function packDraftStore(db: SidevognDb, now: () => number) {
  /** The pack editor's work in progress: one draft, saved as the team lead types. */
  const packDrafts = {
    async get(): Promise<PackDraft | undefined> {
      const row = await db.packDrafts.get(PACK_DRAFT_ID);
      return row && parseStored(packDraftRecordSchema, 'packDrafts', row).draft;
    },
    async save(draft: PackDraft): Promise<void> {
      await db.packDrafts.put(packDraftRecordSchema.parse({ id: PACK_DRAFT_ID, draft, updatedAt: now() }));
    },
    async discard(): Promise<void> {
      await db.packDrafts.delete(PACK_DRAFT_ID);
    },
  };
  return packDrafts;
}

function signingKeyStore(db: SidevognDb) {
  /** The team lead's pack-signing keys (private keys are non-extractable CryptoKeys). */
  const signingKeys = {
    /** Oldest first. */
    async list(): Promise<SigningKeyRecord[]> {
      const rows = await db.signingKeys.toArray();
      return rows
        .map((row) => parseStored(signingKeyRecordSchema, 'signingKeys', row))
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    async get(id: string): Promise<SigningKeyRecord | undefined> {
      const row = await db.signingKeys.get(id);
      return row && parseStored(signingKeyRecordSchema, 'signingKeys', row);
    },
    async add(key: SigningKeyRecord): Promise<void> {
      await db.signingKeys.add(signingKeyRecordSchema.parse(key));
    },
    async remove(id: string): Promise<void> {
      await db.signingKeys.delete(id);
    },
  };
  return signingKeys;
}

export function createConfigRepository(
  db: SidevognDb,
  now: () => number,
  policy: () => Promise<PackPolicy> = readPackPolicy,
) {
  const packs = createPackStore(db, now, policy);
  return {
    templates: templateStore(db, now, policy, packs),
    packs,
    adapters: adapterStore(db, now),
    packDrafts: packDraftStore(db, now),
    signingKeys: signingKeyStore(db),
  };
}

export type ConfigRepository = ReturnType<typeof createConfigRepository>;
