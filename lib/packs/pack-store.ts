import type { Checklist } from '../checklists/schema';
import { diffPacks, type PackDiff } from './diff';
import { compareSemver, type Pack } from './schema';
import { type PackPolicy } from './policy';
import { checkTrust, verifyPack } from './signing';
import { validatePack } from './validate';
import { type Template } from '../templates/schema';
import {
  packStateRecordSchema,
  packVersionRecordSchema,
  type PackSource,
  type PackStateRecord,
} from './config-records';
import type { SidevognDb } from '../db/database';
import { META_KEYS } from '../db/keyring-store';
import { parseStored } from '../db/records';

/** An installed pack as the options page shows it. */
export interface InstalledPack {
  state: PackStateRecord;
  active: Pack;
  versions: string[];
}

/** What installing a pack would do, worked out before anything changes. */
export type PackPreview =
  | { ok: true; pack: Pack; diff: PackDiff | null; signedBy: string | null; sameAsActive: boolean }
  | { ok: false; errors: string[] };

/** A pack that cannot be installed as it is; the message names the path and the reason. */
export class PackInstallError extends Error {
  override name = 'PackInstallError';
}

/** Packs a caseworker adds (not the default pack, not the organisation's). */
const isUserSource = (source: PackSource) => source.kind !== 'default' && source.kind !== 'policy';

/**
 * Why policy does not let this version of a pack be used, or null. The default
 * pack ships inside the extension and is as trusted as its code.
 */
export async function policyRefusal(pack: Pack, source: PackSource, policy: PackPolicy): Promise<string | null> {
  if (source.kind === 'default') return null;
  if (isUserSource(source) && !policy.allowUserPacks)
    return 'policy: Your organisation does not allow packs added by the caseworker';
  if (source.kind === 'policy' && !policy.packUrls.includes(source.url))
    return 'policy: Your organisation no longer installs this pack';
  const trust = await checkTrust(pack, policy.trustedPackKeys);
  return trust.ok ? null : trust.reason;
}

type Policy = () => Promise<PackPolicy>;

/** Installed pack versions: what is stored and which version is in use. */
function packReads(db: SidevognDb, now: () => number) {
  const packs = {
    /** Stores a version without putting it in use (an update the caseworker has not applied yet). */
    async addVersion(pack: Pack, signedBy: string | null): Promise<void> {
      const existing = await db.packs.get([pack.id, pack.version]);
      if (existing && JSON.stringify(existing.pack) !== JSON.stringify(pack))
        throw new PackInstallError(
          `version: Version ${pack.version} of "${pack.name}" is already installed with different content; give the new one a higher version`,
        );
      await db.packs.put({ id: pack.id, version: pack.version, pack, installedAt: now(), signedBy });
    },

    async version(id: string, version: string): Promise<Pack | undefined> {
      const row = await db.packs.get([id, version]);
      return row && parseStored(packVersionRecordSchema, 'packs', row).pack;
    },

    async list(): Promise<InstalledPack[]> {
      const states = (await db.packState.toArray()).map((s) => parseStored(packStateRecordSchema, 'packState', s));
      const result: InstalledPack[] = [];
      for (const state of states) {
        const active = await packs.version(state.id, state.activeVersion);
        if (!active) continue;
        const versions = (await db.packs.where('id').equals(state.id).primaryKeys()).map(([, v]) => v);
        result.push({ state, active, versions: versions.sort(compareSemver).reverse() });
      }
      return result.sort((a, b) => a.active.name.localeCompare(b.active.name, 'da'));
    },

    /** Stops using a pack. Its versions stay, so checklists begun with it can finish. */
    async remove(id: string): Promise<void> {
      const state = await db.packState.get(id);
      if (state && !state.removable && !state.blocked)
        throw new PackInstallError('This pack is installed by your organisation and cannot be removed');
      await db.packState.delete(id);
    },

    async updateSource(id: string, source: PackSource): Promise<void> {
      await db.packState.update(id, { source });
    },

    /** Templates, checklists and adapters of the versions in use. */
    async activeContent(): Promise<{
      templates: Template[];
      checklists: (Checklist & { packId: string; packVersion: string })[];
    }> {
      const content: Awaited<ReturnType<typeof packs.activeContent>> = { templates: [], checklists: [] };
      for (const state of await db.packState.toArray()) {
        if (state.blocked) continue;
        const pack = await packs.version(state.id, state.activeVersion);
        if (!pack) continue;
        content.templates.push(...pack.templates);
        content.checklists.push(...pack.checklists.map((c) => ({ ...c, packId: pack.id, packVersion: pack.version })));
      }
      return content;
    },
  };
  return packs;
}

/** Policy over the installed packs: which version may be used. */
function packPolicyChecks(db: SidevognDb, policy: Policy, reads: ReturnType<typeof packReads>) {
  const packs = {
    ...reads,
    /** Makes an older (or newer) installed version the one in use, if policy lets that version in. */
    async restore(id: string, version: string): Promise<void> {
      const current = await policy();
      const state = await db.packState.get(id);
      const pack = await packs.version(id, version);
      if (!state || !pack) throw new PackInstallError(`version: ${version} is not installed`);
      const refusal = await policyRefusal(pack, state.source, current);
      if (refusal) throw new PackInstallError(refusal);
      await db.transaction('rw', db.packs, db.packState, async () => {
        const now = await db.packState.get(id);
        if (!now || !(await db.packs.get([id, version])))
          throw new PackInstallError(`version: ${version} is not installed`);
        await db.packState.put({ ...now, activeVersion: version, blocked: undefined });
      });
    },

    /**
     * Re-checks every pack against policy (at start and whenever policy
     * changes): a pack policy no longer lets in is stopped, with the reason;
     * one it lets in again is used again. Returns the ids it stopped.
     */
    async enforcePolicy(current: PackPolicy): Promise<string[]> {
      const stopped: string[] = [];
      const states = (await db.packState.toArray()).map((s) => parseStored(packStateRecordSchema, 'packState', s));
      for (const state of states) {
        const pack = await packs.version(state.id, state.activeVersion);
        if (!pack) continue;
        const refusal = await policyRefusal(pack, state.source, current);
        if ((refusal ?? undefined) === state.blocked) continue;
        await db.transaction('rw', db.packState, async () => {
          const now = await db.packState.get(state.id);
          if (now?.activeVersion === state.activeVersion)
            await db.packState.put({ ...now, blocked: refusal ?? undefined });
        });
        if (refusal) stopped.push(state.id);
      }
      return stopped;
    },
  };
  return packs;
}

/** Installing packs: validated, checked against policy, compared with the version in use. */
function packInstalls(db: SidevognDb, now: () => number, policy: Policy, checked: ReturnType<typeof packPolicyChecks>) {
  const packs = {
    ...checked,
    /** Installs the default pack once, on first run; afterwards it is an ordinary pack. */
    async installDefault(input: unknown): Promise<void> {
      const parsed = validatePack(input);
      if (!parsed.ok) throw new Error(`The default pack is invalid: ${parsed.errors.join('; ')}`);
      if (!(await db.meta.get(META_KEYS.defaultPackInstalled)))
        await packs.install(parsed.pack, { kind: 'default' }, { removable: false, markDefault: true });
      else {
        // A newer default version replaces the one in use; the older version stays
        // installed, so checklists begun with it finish on it. A default pack the
        // organisation removed or replaced stays as it is.
        const state = await db.packState.get(parsed.pack.id);
        if (state?.source.kind === 'default' && compareSemver(state.activeVersion, parsed.pack.version) < 0)
          await packs.install(parsed.pack, { kind: 'default' }, { removable: false, markDefault: true });
        // Installed, or kept as the organisation left it: the shipped version is seen.
        else await db.meta.put({ key: META_KEYS.defaultPackVersion, value: parsed.pack.version });
      }
    },

    /** Validates, checks the signature against policy and compares with the version in use. Changes nothing. */
    async preview(input: unknown, trustedKeys: string[] = []): Promise<PackPreview> {
      const parsed = validatePack(input);
      if (!parsed.ok) return parsed;
      const trust = await checkTrust(parsed.pack, trustedKeys);
      if (!trust.ok) return { ok: false, errors: [trust.reason] };
      const check = await verifyPack(parsed.pack);
      const state = await db.packState.get(parsed.pack.id);
      const active = state && (await packs.version(state.id, state.activeVersion));
      return {
        ok: true,
        pack: parsed.pack,
        diff: active ? diffPacks(active, parsed.pack) : null,
        signedBy: check.status === 'valid' ? check.fingerprint : null,
        sameAsActive: !!active && active.version === parsed.pack.version,
      };
    },

    /**
     * Installs a version and makes it the one in use, atomically: a clash with
     * another pack's ids, or a different pack under an installed version
     * number, refuses the whole pack and changes nothing.
     */
    async install(
      pack: Pack,
      source: PackSource,
      options: { removable?: boolean; markDefault?: boolean; signedBy?: string | null } = {},
    ): Promise<void> {
      // The default pack is let in without policy (policyRefusal), so it waits for no policy read:
      // the browser's first read of managed storage after a start takes seconds (3–6 s measured),
      // and the first run's set-up form waited for it.
      const refusal = source.kind === 'default' ? null : await policyRefusal(pack, source, await policy());
      if (refusal) throw new PackInstallError(refusal);
      await db.transaction('rw', db.packs, db.packState, db.meta, async () => {
        const others = (await db.packState.toArray()).filter((s) => s.id !== pack.id);
        for (const other of others) {
          const otherPack = await packs.version(other.id, other.activeVersion);
          if (!otherPack) continue;
          for (const kind of ['templates', 'checklists', 'adapters'] as const) {
            const ids = new Set(otherPack[kind].map((x) => x.id));
            const clash = pack[kind].find((x) => ids.has(x.id));
            if (clash)
              throw new PackInstallError(`${kind}: "${clash.id}" is already provided by the pack "${otherPack.name}"`);
          }
        }
        const existing = await db.packs.get([pack.id, pack.version]);
        if (existing && JSON.stringify(existing.pack) !== JSON.stringify(pack))
          throw new PackInstallError(
            `version: Version ${pack.version} of "${pack.name}" is already installed with different content; give the new one a higher version`,
          );
        const previous = await db.packState.get(pack.id);
        await db.packs.put({
          id: pack.id,
          version: pack.version,
          pack,
          installedAt: now(),
          signedBy: options.signedBy ?? null,
        });
        await db.packState.put({
          id: pack.id,
          activeVersion: pack.version,
          source,
          removable: options.removable ?? previous?.removable ?? true,
        });
        // The default pack's markers, in the same transaction as the pack itself.
        if (options.markDefault) {
          if (!(await db.meta.get(META_KEYS.defaultPackInstalled)))
            await db.meta.put({ key: META_KEYS.defaultPackInstalled, value: now() });
          await db.meta.put({ key: META_KEYS.defaultPackVersion, value: pack.version });
        }
      });
    },
  };
  return packs;
}

/** The packs group of the config repository (./config-repository). */
export function createPackStore(db: SidevognDb, now: () => number, policy: Policy) {
  return packInstalls(db, now, policy, packPolicyChecks(db, policy, packReads(db, now)));
}

export type PackStore = ReturnType<typeof createPackStore>;
