import { afterEach, expect, it, vi } from 'vitest';
import type { Detection } from '../messaging/protocol';
import { NAME_SETTLE_MS, settleDetections } from './name-settle';

const found = (cpr: string, name: string): Detection => ({ status: 'found', citizen: { cpr, name, facts: {} } });
afterEach(() => vi.useRealTimers());

it("holds back a new name beside the same CPR: the next citizen's CPR coming after its name never pairs them", () => {
  vi.useFakeTimers();
  let shown: Detection = found('140190-1234', 'Anna Andersen');
  const take = settleDetections(
    () => shown,
    (d) => (shown = d),
  );
  // The host shows Bo's name first; his CPR comes 200 ms later.
  take(found('140190-1234', 'Bo Bertelsen'));
  expect(shown).toEqual(found('140190-1234', 'Anna Andersen'));
  vi.advanceTimersByTime(200);
  take(found('020285-4321', 'Bo Bertelsen'));
  expect(shown).toEqual(found('020285-4321', 'Bo Bertelsen'));
  vi.advanceTimersByTime(NAME_SETTLE_MS);
  expect(shown).toEqual(found('020285-4321', 'Bo Bertelsen'));

  // A real change of name comes, once nothing newer did.
  take(found('020285-4321', 'Bo Bertelsen Holm'));
  vi.advanceTimersByTime(NAME_SETTLE_MS - 1);
  expect(shown).toEqual(found('020285-4321', 'Bo Bertelsen'));
  vi.advanceTimersByTime(1);
  expect(shown).toEqual(found('020285-4321', 'Bo Bertelsen Holm'));
  // No citizen: at once.
  take({ status: 'none' });
  expect(shown).toEqual({ status: 'none' });
});
