// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../messaging/protocol';
import { adapterSchema } from './adapter';
import { demoAdapter } from './demo-adapter';
import { touchesScope, watchCitizen } from './watch-citizen';

const SCOPE = demoAdapter.citizen.scope!;
const header = (cpr: string, name: string) =>
  `<section class="citizen-header"><span class="citizen-name">${name}</span><span class="citizen-cpr">${cpr}</span></section>`;

/** Test markup as nodes (the lint rule keeps innerHTML out of the code base). */
const nodes = (html: string) => [...new DOMParser().parseFromString(html, 'text/html').body.childNodes];
const setHtml = (el: Element, html: string) => el.replaceChildren(...nodes(html));

/** Waits for the observer's microtask and the throttled read. */
const settle = () => vi.advanceTimersByTimeAsync(100);

describe('touchesScope', () => {
  it('ignores changes outside the citizen elements seen at the last read', () => {
    setHtml(document.body, `${header('010190-1234', 'A')}<div id="journal"><p>x</p></div>`);
    const seen = [...document.querySelectorAll(SCOPE)];
    const journal = document.getElementById('journal')!;
    const records = [{ target: journal, addedNodes: [document.createElement('p')] }] as unknown as MutationRecord[];
    expect(touchesScope(records, SCOPE, seen)).toBe(false);
  });

  it('sees a citizen element that left the page, and one added', () => {
    setHtml(document.body, `${header('010190-1234', 'A')}<div id="main"></div>`);
    const seen = [...document.querySelectorAll(SCOPE)];
    const wrapper = document.createElement('div');
    setHtml(wrapper, header('020290-1234', 'B'));
    const main = document.getElementById('main')!;
    main.append(wrapper);
    const added = [{ target: main, addedNodes: [wrapper] }] as unknown as MutationRecord[];
    expect(touchesScope(added, SCOPE, [])).toBe(true);

    seen[0]!.remove();
    expect(touchesScope([], SCOPE, seen)).toBe(true);
  });

  it("leaves the added nodes unread where the target has no element child: a cell's text replaced", () => {
    setHtml(document.body, `<table><tr><td id="cell">12.400 kr.</td></tr></table>`);
    const cell = document.getElementById('cell')!;
    cell.textContent = '13.100 kr.';
    const read = vi.fn(() => [cell.firstChild]);
    const record = {
      target: cell,
      get addedNodes() {
        return read();
      },
    } as unknown as MutationRecord;
    const typed = {
      target: cell.firstChild,
      get addedNodes() {
        return read();
      },
    } as unknown as MutationRecord;
    expect(touchesScope([record, typed], SCOPE, [])).toBe(false);
    expect(read).not.toHaveBeenCalled();

    // An element in the cell: its added nodes are read.
    cell.append(document.createElement('b'));
    expect(touchesScope([record], SCOPE, [])).toBe(false);
    expect(read).toHaveBeenCalledOnce();
  });
});

describe('watchCitizen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('follows an SPA swapping the citizen, and does not read again while the journal is typed in', async () => {
    vi.useFakeTimers();
    setHtml(
      document.body,
      `<main id="route">${header('010190-1234', 'Anna')}</main><textarea id="journal-tekst"></textarea>`,
    );
    const seen: Detection[] = [];
    const life = new AbortController();
    const querySpy = vi.spyOn(document, 'querySelectorAll');
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    watchCitizen(document, demoAdapter, life.signal, (d) => seen.push(d));
    expect(seen.at(-1)).toMatchObject({ status: 'found', citizen: { cpr: '010190-1234', name: 'Anna' } });
    // Texts changed in place outside the citizen elements do not even reach the page's observer.
    expect(observe).toHaveBeenCalledWith(document.documentElement, { childList: true, subtree: true });
    observe.mockRestore();

    querySpy.mockClear();
    const journal = document.getElementById('journal-tekst')!;
    for (let i = 0; i < 5; i++) {
      journal.append(document.createTextNode('tekst '));
      await settle();
    }
    expect(querySpy).not.toHaveBeenCalled();

    setHtml(document.getElementById('route')!, header('020290-1234', 'Bent'));
    await settle();
    expect(seen.at(-1)).toMatchObject({ status: 'found', citizen: { cpr: '020290-1234', name: 'Bent' } });

    document.querySelector('.citizen-name')!.textContent = 'Bent Hansen';
    await settle();
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Bent Hansen' } });
    // A text changed in place (as React does) inside the citizen element is read; elsewhere it wakes nothing.
    (document.querySelector('.citizen-name')!.firstChild as Text).data = 'Bent Hansen Berg';
    await settle();
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Bent Hansen Berg' } });
    querySpy.mockClear();
    (journal.firstChild as Text).data = 'rettet ';
    await settle();
    expect(querySpy).not.toHaveBeenCalled();

    setHtml(document.getElementById('route')!, '<p>Forside</p>');
    await settle();
    expect(seen.at(-1)).toEqual({ status: 'none' });
    expect(seen).toHaveLength(5);
    life.abort();
  });

  it.each([
    ['in a scope', { scope: '.borger' }],
    ['on the whole page', {}],
  ])(
    'follows a CPR kept in an attribute (%s): a new name is not paired with the old CPR once the attribute changes',
    async (_, scope) => {
      vi.useFakeTimers();
      setHtml(
        document.body,
        '<div class="borger" data-x="1"><h1 class="navn">Anna</h1><span class="cpr" data-cpr="140190-1234">******-****</span></div>',
      );
      // As a pack or the adapter editor gives it: the attribute's name in any case, as HTML reads it.
      const adapter = adapterSchema.parse({
        ...demoAdapter,
        citizen: { ...scope, cpr: { selector: '.cpr', attribute: 'data-CPR' }, name: { selector: '.navn' } },
      });
      // Lower-cased: Chromium matches an attributeFilter to the attribute's own (lower-case) name exactly.
      expect(adapter.citizen.cpr.attribute).toBe('data-cpr');
      const seen: Detection[] = [];
      const life = new AbortController();
      watchCitizen(document, adapter, life.signal, (d) => seen.push(d));
      document.querySelector('.navn')!.textContent = 'Bo';
      await settle();
      document.querySelector('.cpr')!.setAttribute('data-cpr', '020285-4321');
      await settle();
      expect(seen.at(-1)).toMatchObject({ citizen: { cpr: '020285-4321', name: 'Bo' } });
      // Other attributes wake nothing: not even a read.
      const reads = vi.spyOn(document, 'querySelectorAll');
      document.querySelector('.borger')!.setAttribute('data-x', '2');
      document.querySelector('.navn')!.setAttribute('class', 'navn aktiv');
      await settle();
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      life.abort();
    },
  );

  it('follows a host that swaps its whole <body> on each visit (Turbo, pjax)', async () => {
    vi.useFakeTimers();
    setHtml(document.body, header('010190-1234', 'Anna'));
    const seen: Detection[] = [];
    const life = new AbortController();
    watchCitizen(document, demoAdapter, life.signal, (d) => seen.push(d));
    const next = document.createElement('body');
    setHtml(next, header('020290-1234', 'Bent'));
    document.body.replaceWith(next);
    await settle();
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Bent' } });
    // Then changed in place in the new body.
    document.querySelector('.citizen-name')!.textContent = 'Carl';
    document.querySelector('.citizen-cpr')!.textContent = '311275-1111';
    await settle();
    expect(seen.at(-1)).toMatchObject({ citizen: { cpr: '311275-1111', name: 'Carl' } });
    life.abort();
  });

  it('reads a change after a quiet spell in the next task, and a burst at most once per 60 ms', async () => {
    vi.useFakeTimers();
    setHtml(document.body, `<main id="route">${header('010190-1234', 'Anna')}</main>`);
    const seen: Detection[] = [];
    const life = new AbortController();
    watchCitizen(document, demoAdapter, life.signal, (d) => seen.push(d));
    await vi.advanceTimersByTimeAsync(500);
    const route = document.getElementById('route')!;

    setHtml(route, header('020290-1234', 'Bent'));
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Bent' } });

    // A change right after that read waits for the rest of the interval.
    setHtml(route, header('030390-1234', 'Carl'));
    await vi.advanceTimersByTimeAsync(30);
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Bent' } });
    setHtml(route, header('040490-1234', 'Dorte'));
    await vi.advanceTimersByTimeAsync(31);
    expect(seen.at(-1)).toMatchObject({ citizen: { name: 'Dorte' } });
    expect(seen.map((d) => (d.status === 'found' ? d.citizen.name : d.status))).toEqual(['Anna', 'Bent', 'Dorte']);
    life.abort();
  });
});
