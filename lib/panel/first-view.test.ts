import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAYOUT } from '../messaging/constants';
import { fixedKey } from '../../tests/unit/fixed-key';
import { prefetchFirstView, sameAsFirst, takeFirstView } from './first-view';
import { usePanelStore } from './panel-store';
import { aCitizen } from '../../tests/fixtures/citizens';
import { freshTestRepository, testKeys } from '../../tests/unit/test-key';

const t = freshTestRepository();
const a = aCitizen();
const b = aCitizen({ cpr: '010190-1234', name: 'Ahmad Rahimi' });

/** What the page says on connecting: its layout, then whom it shows. */
function pageShows(citizen: typeof a, collapsed = false) {
  const s = usePanelStore.getState();
  s.setLayout({ ...DEFAULT_LAYOUT, collapsed });
  s.setDetection({ status: 'found', citizen });
  s.setConnection('connected');
}

beforeEach(() => {
  usePanelStore.setState(usePanelStore.getInitialState(), true);
  takeFirstView('', '');
});
afterEach(() => vi.restoreAllMocks());

describe('the first view', () => {
  it('is the citizen the page names after start: opened, with their overview', async () => {
    await t.repo.summaries.setText(await t.repo.citizenKey(a.cpr), 'goal', 'Fast job som elektriker');
    prefetchFirstView(t.repo, testKeys);
    pageShows(a);

    const view = await takeFirstView(a.cpr, a.name);
    expect(view?.key).toBe(await t.repo.citizens.open(a.cpr, a.name));
    expect(view?.summary).toEqual(await t.repo.summaries.get(view!.key));
    expect(view?.summary.text.goal?.value).toBe('Fast job som elektriker');
    expect(view?.deadlines).toEqual([]);
    expect((await t.repo.citizens.get(view!.key))?.name).toBe(a.name);
  });

  it('is read once, and only handed to the view of that citizen', async () => {
    pageShows(a);
    prefetchFirstView(t.repo, testKeys);
    expect(takeFirstView(b.cpr, b.name)).toBeUndefined();
    // Taken (by the wrong view): the right one reads as usual.
    expect(takeFirstView(a.cpr, a.name)).toBeUndefined();
    pageShows(b);
    expect(takeFirstView(b.cpr, b.name)).toBeUndefined();
  });

  it('waits while the panel is folded, and is not read while locked', async () => {
    prefetchFirstView(t.repo, testKeys);
    pageShows(a, true);
    expect(takeFirstView(a.cpr, a.name)).toBeUndefined();
    pageShows(a, false);
    expect(await takeFirstView(a.cpr, a.name)).toMatchObject({ summary: { citizenKey: expect.any(String) } });

    prefetchFirstView(t.repo, fixedKey(null));
    pageShows(b);
    expect(takeFirstView(b.cpr, b.name)).toBeUndefined();
  });

  it('is out of date a second after it was read', () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(10_000);
    prefetchFirstView(t.repo, testKeys);
    pageShows(a);
    now.mockReturnValue(11_000);
    expect(takeFirstView(a.cpr, a.name)).toBeUndefined();
  });

  it("keeps the first view's own object while live reads give equal data", () => {
    const first = { goal: 'Job', at: 1 };
    expect(sameAsFirst(first, { goal: 'Job', at: 1 })).toBe(first);
    const changed = { goal: 'Uddannelse', at: 2 };
    expect(sameAsFirst(first, changed)).toBe(changed);
    expect(sameAsFirst(undefined, changed)).toBe(changed);
  });
});
