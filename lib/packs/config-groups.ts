import type { DataContext } from '../db/data-context';
import { META_KEYS } from '../db/keyring-store';
import { DEFAULT_PACK_VERSION, isOlderThanShipped } from './default-pack-version';
import type { ConfigRepository } from './config-repository';

export type { BrokenTemplate, InstalledPack, PackPreview } from './config-repository';

/**
 * One group of the config repository (./config-repository) behind a stand-in
 * whose methods load that module on their first call (all of them are async),
 * so a panel that only shows a citizen never loads the template, pack and
 * adapter code and schemas. `own` methods are answered here without loading it.
 * Once loaded, calls go straight through; the first call waits through
 * Promise.resolve(), which keeps a liveQuery's zone (Dexie's rule for other
 * async APIs in a querier), so its reads are still observed.
 */
function lazyGroup<G extends keyof ConfigRepository, Own extends object = object>(
  config: { loaded(): ConfigRepository | undefined; load(): Promise<ConfigRepository> },
  group: G,
  own?: Own,
): Omit<ConfigRepository[G], keyof Own> & Own {
  type Method = (...args: unknown[]) => unknown;
  const method = (repository: ConfigRepository, name: string) => (repository[group] as Record<string, Method>)[name]!;
  return new Proxy((own ?? {}) as object, {
    get(target, name) {
      if (name in target) return (target as Record<PropertyKey, unknown>)[name];
      // Not a thenable, and nothing else a caller may probe for.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => {
        const loaded = config.loaded();
        if (loaded) return method(loaded, name)(...args);
        return Promise.resolve(config.load()).then((repository) => method(repository, name)(...args));
      };
    },
  }) as Omit<ConfigRepository[G], keyof Own> & Own;
}

/**
 * Templates, packs, adapters, the pack editor's drafts and signing keys: the
 * configuration, not citizen data. Each group is a stand-in that loads
 * ./config-repository on its first call (see lazyGroup).
 */
export function createConfigGroups(ctx: DataContext) {
  const { db, now } = ctx;
  let configLoading: Promise<ConfigRepository> | undefined;
  let configLoaded: ConfigRepository | undefined;
  const config = {
    loaded: () => configLoaded,
    load: () =>
      (configLoading ??= import('./config-repository').then(
        (m) => (configLoaded = m.createConfigRepository(db, now)),
        (error: unknown) => {
          configLoading = undefined; // the next call tries again
          throw error;
        },
      )),
  };
  const packs = lazyGroup(config, 'packs', {
    /**
     * Installs the default pack on first run, and the shipped default version
     * when it is newer than the one installed; `load` is asked for it only then.
     */
    async installDefault(load: () => Promise<unknown>, shipped = DEFAULT_PACK_VERSION): Promise<void> {
      if (await db.meta.get(META_KEYS.defaultPackInstalled)) {
        const installed = (await db.meta.get(META_KEYS.defaultPackVersion))?.value;
        if (!isOlderThanShipped(typeof installed === 'string' ? installed : '1.0.0', shipped)) return;
      }
      const [configRepository, pack] = await Promise.all([config.load(), load()]);
      await configRepository.packs.installDefault(pack);
    },
  });

  return {
    packs,
    /** Loads what templates, packs and adapters need ahead of their first use. */
    preloadConfig: () => void config.load().catch(() => undefined),
    templates: lazyGroup(config, 'templates'),
    adapters: lazyGroup(config, 'adapters'),
    packDrafts: lazyGroup(config, 'packDrafts'),
    signingKeys: lazyGroup(config, 'signingKeys'),
  };
}

export type ConfigGroups = ReturnType<typeof createConfigGroups>;
