import { browser } from 'wxt/browser';
import type { Adapter } from '../host/adapter';
import { adapterFor } from '../host/adapter-for';
import { CASE_ADDRESS_QUESTION } from '../host/case-address-api';
import { caseAddressSchema } from '../db/records';
import type { Repositories } from '../repositories';

/**
 * "Åbn i sagssystemet": the case-system address (URL) where the bridge last
 * showed a citizen, kept sealed in the citizen's record (caseAddress), and
 * opened again from the options page. Only an http(s) address on a case
 * system Sidevogn is taught (a stored adapter, or the demo's in development
 * builds) is stored, and only such an address is opened: the check runs
 * again at opening, against the adapters then.
 */

export type AddressProblem = 'invalid' | 'untaught';
export type CheckedAddress = { ok: true; url: string } | { ok: false; problem: AddressProblem };

export function checkCaseAddress(address: unknown, adapters: readonly Adapter[]): CheckedAddress {
  const parsed = caseAddressSchema.safeParse(address);
  if (!parsed.success) return { ok: false, problem: 'invalid' };
  return adapterFor(parsed.data, adapters) ? { ok: true, url: parsed.data } : { ok: false, problem: 'untaught' };
}

type AddressRepositories = Pick<Repositories, 'citizens' | 'adapters'>;

/** Remembers `address` for an opened citizen when it passes checkCaseAddress; true when it was written. */
export async function rememberCaseAddress(
  repository: AddressRepositories,
  citizenKey: string,
  address: string | undefined,
): Promise<boolean> {
  if (!address) return false;
  const checked = checkCaseAddress(address, await repository.adapters.list());
  return checked.ok && repository.citizens.rememberAddress(citizenKey, checked.url);
}

/**
 * The address a tab shows: its URL where Sidevogn holds the origin's host
 * permission (a case system a team lead taught), else the answer of the
 * tab's field script (lib/host/case-address-api.ts; the demo case system).
 * Undefined for a tab where neither is there.
 */
export async function tabAddress(tab: { id?: number; url?: string }): Promise<string | undefined> {
  if (tab.url || tab.id === undefined) return tab.url;
  const answer: unknown = await browser.tabs
    .sendMessage(tab.id, { type: CASE_ADDRESS_QUESTION }, { frameId: 0 })
    .catch(() => undefined);
  return typeof answer === 'string' ? answer : undefined;
}

/** The few tab operations opening needs (the browser's by default; a fake in unit tests). */
export interface TabsApi {
  /** Every tab, with the address it shows where Sidevogn can know it. */
  list(): Promise<{ id?: number; windowId?: number; url?: string }[]>;
  focus(tabId: number, windowId: number | undefined): Promise<void>;
  create(url: string): Promise<void>;
}

export const browserTabs: TabsApi = {
  list: async () =>
    Promise.all((await browser.tabs.query({})).map(async (tab) => ({ ...tab, url: await tabAddress(tab) }))),
  async focus(tabId, windowId) {
    await browser.tabs.update(tabId, { active: true });
    if (windowId !== undefined) await browser.windows.update(windowId, { focused: true });
  },
  async create(url) {
    await browser.tabs.create({ url });
  },
};

export type OpenOutcome =
  | { status: 'focused' | 'opened' }
  /** `none`: no address known (not seen by the bridge yet, or erased); `origin` names the untaught case system. */
  | { status: 'refused'; problem: 'none' | AddressProblem; origin?: string };

/**
 * Opens the citizen in the case system: focuses a tab already showing the
 * address, else opens it in a new tab. Refuses, opening nothing, an address
 * that is no longer http(s) on a taught case system.
 */
export async function openCaseAddress(
  repository: AddressRepositories,
  citizenKey: string,
  tabs: TabsApi = browserTabs,
): Promise<OpenOutcome> {
  const address = (await repository.citizens.get(citizenKey))?.caseAddress;
  if (!address) return { status: 'refused', problem: 'none' };
  const checked = checkCaseAddress(address, await repository.adapters.list());
  if (!checked.ok)
    return checked.problem === 'untaught'
      ? { status: 'refused', problem: 'untaught', origin: new URL(address).origin }
      : { status: 'refused', problem: 'invalid' };
  const shown = (await tabs.list()).find((tab) => tab.url === checked.url && tab.id !== undefined);
  if (shown) {
    await tabs.focus(shown.id!, shown.windowId);
    return { status: 'focused' };
  }
  await tabs.create(checked.url);
  return { status: 'opened' };
}
