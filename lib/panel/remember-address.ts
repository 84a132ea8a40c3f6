import { browser } from 'wxt/browser';
import type { Repositories } from '../repositories';
import { rememberCaseAddress, tabAddress } from '../summary/case-address';
import type { HostConnection } from './host-connection';
import { usePanelStore } from './panel-store';

/** The page shows this one citizen (not a choice among several on a list). */
const shownAlone = (cpr: string) => {
  const { detection } = usePanelStore.getState();
  return detection.status === 'found' && detection.citizen.cpr === cpr;
};

/**
 * Remembers the tab's address as where the case system shows the citizen
 * ("Åbn i sagssystemet", lib/summary/case-address.ts): only while the page
 * shows this one citizen, before and after the address is read.
 */
export async function rememberWhereShown(
  repository: Pick<Repositories, 'citizens' | 'adapters'>,
  host: Pick<HostConnection, 'tabId'>,
  citizenKey: string,
  cpr: string,
): Promise<boolean> {
  const tabId = host.tabId();
  if (tabId === undefined || !shownAlone(cpr)) return false;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab && (await tabAddress(tab));
  if (!shownAlone(cpr)) return false;
  return rememberCaseAddress(repository, citizenKey, url);
}
