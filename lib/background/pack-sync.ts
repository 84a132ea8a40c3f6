import { loadDefaultPack } from '../packs/load-default-pack';
import { browser } from 'wxt/browser';
import { SidevognDb } from '../db/database';
import { createRepositories } from '../repositories';
import { readPackPolicy } from '../packs/policy';
import { refreshUrlPack, syncPolicyPacks } from '../packs/sources';

const ALARM = 'sidevogn-pack-refresh';
const REFRESH_MINUTES = 6 * 60;

/** Installs the default pack, follows policy, and refreshes URL packs. Sends no citizen data. */
export async function syncPacks(): Promise<void> {
  const repository = createRepositories(new SidevognDb());
  await repository.packs.installDefault(loadDefaultPack);
  const policy = await readPackPolicy();
  // Named here so IT finds it in the service worker's log; the entries themselves are not quoted.
  for (const problem of policy.problems)
    console.error(`Sidevogn: pack policy: ${problem}. Until this is fixed, caseworkers cannot add packs themselves.`);
  // First stop what policy no longer lets in, so a fetch that fails cannot keep it going.
  await repository.packs.enforcePolicy(policy);
  await syncPolicyPacks(repository, policy);
  if (policy.allowUserPacks)
    for (const { state } of await repository.packs.list()) {
      if (state.source.kind === 'url' && !state.blocked)
        await refreshUrlPack(repository, state.id, state.source, policy.trustedPackKeys);
    }
  await repository.packs.enforcePolicy(policy);
}

/** Packs are refreshed at start-up, when policy changes, and every few hours. */
export function registerPackSync(): void {
  const run = () =>
    // Packs hold no citizen data; the error's name only all the same (a message can quote a pack's text).
    void syncPacks().catch((e: unknown) =>
      console.error('Sidevogn: pack refresh', e instanceof Error ? e.name : 'error'),
    );
  browser.runtime.onInstalled.addListener(run);
  browser.runtime.onStartup.addListener(run);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') run();
  });
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: REFRESH_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) run();
  });
}
