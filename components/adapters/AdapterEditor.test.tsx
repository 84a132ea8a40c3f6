// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { Adapter } from '@/lib/host/adapter';
import { renderSettled } from '../../tests/unit/react-root';
import { AdapterEditor } from './AdapterEditor';

const draft = (scope?: string): Adapter => ({
  id: 'sag-kommune-test',
  name: 'Kommune Sag',
  version: 1,
  matches: ['http://sag.kommune.test/*'],
  spa: true,
  citizen: { ...(scope ? { scope } : {}), cpr: { selector: '#cpr' }, name: { selector: '#navn' }, fields: {} },
  journal: [],
});

let container: HTMLElement;
async function mount(initial: Adapter, askScope?: boolean) {
  container = await renderSettled(
    <AdapterEditor
      initial={initial}
      tabId={1}
      origin="http://sag.kommune.test:5190"
      askScope={askScope}
      onSave={() => Promise.resolve()}
      onCancel={() => undefined}
    />,
  );
}
const q = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);
const advanced = () => q('adapter-advanced') as HTMLDetailsElement;

beforeEach(() => {
  // The live read of the open page (useProbe): nothing found, here.
  vi.spyOn(browser.scripting, 'executeScript').mockImplementation((() =>
    Promise.resolve([])) as unknown as typeof browser.scripting.executeScript);
});

describe('the adapter editor', () => {
  it('keeps selectors, match pattern and the single-page-app switch under a closed "Avanceret", each explained', async () => {
    await mount(draft());
    expect(advanced().open).toBe(false);
    expect(advanced().querySelector('summary')?.textContent).toBe('Avanceret');
    for (const word of ['CSS-selektor', 'match-mønster', 'single-page app'])
      expect(advanced().textContent, word).toContain(word);
    // Outside the fold: the system's name and each field by name, no CSS.
    const outside = [...container.querySelector('form')!.children].filter((c) => c !== advanced());
    expect(outside.map((c) => c.textContent).join(' ')).not.toMatch(/selektor|mønster|single-page/i);
    expect(q('adapter-row-cpr')?.textContent).toContain('CPR-nummer');
    // No several citizens: no record row.
    expect(q('adapter-row-scope')).toBeNull();
  });

  it('shows the proposed record as "Hver borger står i", editable under "Avanceret"', async () => {
    await mount(draft('section.borgerkort'));
    expect(q('adapter-row-scope')?.textContent).toContain('Hver borger står i');
    expect(q('adapter-selector-scope')?.querySelector('input')?.value).toBe('section.borgerkort');
    expect(q('adapter-scope-ask')).toBeNull();
  });

  it('asks for the record when the picker saw several CPRs and could not tell, with "Avanceret" open', async () => {
    await mount(draft(), true);
    expect(q('adapter-scope-ask')?.textContent).toMatch(/^Siden viste flere CPR-numre/);
    expect(advanced().open).toBe(true);
    const input = q('adapter-selector-scope')?.querySelector('input');
    expect(input?.value).toBe('');
    expect(input?.getAttribute('aria-label')).toBe('CSS-selektor for Hver borger står i');
  });
});
