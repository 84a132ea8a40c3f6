// Issues 32 and 30: the første jobsamtale note from the caret in the host's
// journal field to the note read back in that field, by four routes with the
// same filled values: the template's shortcut typed in the field + Tab, the
// panel by mouse, and the panel by keyboard alone. Keys, clicks, wheel events
// and scroll distance are counted from the pages' own events in the host page
// and the panel's frame (lib/input-probe.mjs), not from this script's list.
import { citizens as demoCitizens } from '../case-system/public/data.js';
import { launchBrowser, serviceWorkerOf } from './lib/browsers.mjs';
import { firstRunSetUp } from './lib/extension-profile.mjs';
import { FOERSTE_JOBSAMTALE, keyboardDriver, mouseDriver, panelFrameOf } from './lib/form-drivers.mjs';
import { sleep } from './lib/host-page.mjs';
import { arm, inputProbeScript, readProbe } from './lib/input-probe.mjs';
import { routeFigures } from './lib/interaction-figures.mjs';
import { fmt, metric } from './lib/section.mjs';
import { interleave } from './lib/stats.mjs';

const ROUTES = ['shortcut', 'shortcut-mouse', 'mouse', 'keyboard'];
const ROUTE_LABEL = {
  shortcut: 'Shortcut in the host field + Tab, then keys',
  'shortcut-mouse': 'Shortcut + Tab, then the mouse',
  mouse: 'Panel by mouse',
  keyboard: 'Panel by keyboard alone',
};
const FIELD = '#journal-tekst';

/**
 * Presses a keyboard command the way Chromium delivers it: headless Chromium
 * cannot press a command key, so the service worker sends the message the
 * command's handler sends (lib/background/commands.ts, onToggleCommand) to
 * the tab's bridge. Counted by the caller as one key.
 */
async function pressCommand(page, message) {
  const tabId = await panelFrameOf(page).evaluate(() => chrome.tabs.getCurrent().then((t) => t?.id));
  const worker = await serviceWorkerOf({
    context: page.context(),
    extensionId: new URL(panelFrameOf(page).url()).host,
  });
  await worker.evaluate(([id, m]) => chrome.tabs.sendMessage(id, m, { frameId: 0 }), [tabId, message]);
}

/**
 * Into the panel from the host's field by keyboard alone: the focus command
 * (Alt+Shift+F, issue 30 item 4), sent through its message path as one key,
 * since no page sees a command key. Focus lands on the panel's first skip link.
 */
export async function enterPanelByKeyboard(page, scripted) {
  await pressCommand(page, { type: 'focus-panel' });
  scripted.nav++;
  await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME', null, { timeout: 5_000 });
  await panelFrameOf(page).waitForFunction(() => document.activeElement?.tagName === 'A', null, { timeout: 5_000 });
}

/** The template's shortcut and Tab in the host field; waits for the form to take focus (its first empty required field). */
async function openByShortcut(page, panel) {
  await page.keyboard.type(FOERSTE_JOBSAMTALE.shortcut);
  await page.keyboard.press('Tab');
  await panel.getByRole('heading', { name: FOERSTE_JOBSAMTALE.title, exact: true }).waitFor();
  // So no key of the route lands before the focus does.
  await panelFrameOf(page).waitForFunction(
    () => document.hasFocus() && !!document.activeElement?.closest('form'),
    null,
    {
      timeout: 5_000,
    },
  );
}

/** The routes, each from the caret in the host's field to "Indsæt" pressed. */
const ROUTE_RUNS = {
  async shortcut({ page, panel, scripted }) {
    await openByShortcut(page, panel);
    const keys = keyboardDriver(page, panel);
    for (const step of FOERSTE_JOBSAMTALE.steps) await keys.step(step);
    await page.keyboard.press('Control+Enter');
    return scripted;
  },
  async 'shortcut-mouse'({ page, panel, scripted }) {
    await openByShortcut(page, panel);
    const mouse = mouseDriver(page, panel, scripted);
    for (const step of FOERSTE_JOBSAMTALE.steps) await mouse.step(step);
    await mouse.click(panel.getByRole('button', { name: 'Indsæt i journal' }));
    return scripted;
  },
  async mouse({ page, panel, scripted }) {
    const mouse = mouseDriver(page, panel, scripted);
    await mouse.click(panel.getByRole('tab', { name: 'Skabeloner' }));
    await mouse.click(panel.getByRole('button', { name: new RegExp(`^${FOERSTE_JOBSAMTALE.title}`) }));
    for (const step of FOERSTE_JOBSAMTALE.steps) await mouse.step(step);
    await mouse.click(panel.getByRole('button', { name: 'Indsæt i journal' }));
    return scripted;
  },
  async keyboard({ page, panel, scripted }) {
    await enterPanelByKeyboard(page, scripted);
    const keys = keyboardDriver(page, panel);
    // The skip link to Skabeloner, then the template in its list.
    await keys.tabTo(panel.getByRole('navigation', { name: 'Gå til fane' }).getByRole('link', { name: 'Skabeloner' }));
    await page.keyboard.press('Enter');
    await keys.tabTo(panel.getByRole('button', { name: new RegExp(`^${FOERSTE_JOBSAMTALE.title}`) }));
    await page.keyboard.press('Enter');
    for (const step of FOERSTE_JOBSAMTALE.steps) await keys.step(step);
    await page.keyboard.press('Control+Enter');
    return scripted;
  },
};

/** The same start for every route: empty field with the caret in it, panel open on its Overblik, scrolled to the top. */
async function reset(page, panel) {
  const field = page.locator(FIELD);
  await field.fill('');
  await panel.getByRole('tab', { name: 'Overblik' }).click();
  await panelFrameOf(page).evaluate(() => {
    for (const el of [document.scrollingElement, ...document.querySelectorAll('*')])
      if (el?.scrollTop) el.scrollTop = 0;
  });
  await page.evaluate(() => scrollTo(0, 0));
  await field.click();
  await sleep(300);
}

async function runRoute(route, { page, panel }) {
  await reset(page, panel);
  const t0 = await arm(page.mainFrame());
  await arm(panelFrameOf(page));
  const scripted = await ROUTE_RUNS[route]({ page, panel, scripted: { nav: 0, clicks: 0 } });
  await panel.getByTestId('template-done').waitFor();
  const note = await page.locator(FIELD).inputValue();
  if (note.length < 100) throw new Error(`${route}: no note in the field (${note.length} characters)`);
  const host = await readProbe(page.mainFrame());
  const inPanel = await readProbe(panelFrameOf(page));
  const end = host.inputs.find((i) => i.length === note.length)?.at;
  return {
    nav: host.nav + inPanel.nav + scripted.nav,
    typed: host.typed + inPanel.typed,
    clicks: host.clicks + inPanel.clicks + scripted.clicks,
    wheel: host.wheel + inPanel.wheel,
    scrollPanel: inPanel.scroll,
    scrollHost: host.scroll,
    ms: end - t0,
    noteChars: [...note].length,
    scripted,
    note,
    log: [...host.log, '|', ...inPanel.log],
  };
}

function figuresTable(figures) {
  const row = (label, pickFn) => [label, ...ROUTES.map((r) => pickFn(figures[r]))];
  return {
    title: 'The første jobsamtale, caret in the host field → note read back there (medians over rounds)',
    columns: ['', ...ROUTES.map((r) => ROUTE_LABEL[r])],
    rows: [
      row(
        'Navigation keys (of which keyboard commands, sent by the bench)',
        (f) => `${fmt(f.nav)} (${fmt(f.scriptedNav)})`,
      ),
      row('Typed characters', (f) => fmt(f.typed)),
      row(
        'Clicks (of which in the browser’s <select> popup, counted by the bench)',
        (f) => `${fmt(f.clicks)} (${fmt(f.scriptedClicks)})`,
      ),
      row('Wheel events', (f) => fmt(f.wheel)),
      row('Scroll distance, panel / host (px, Σ |Δ scrollTop|)', (f) => `${fmt(f.scrollPanel)} / ${fmt(f.scrollHost)}`),
      row('Characters of the note (typing it by hand)', (f) => fmt(f.noteChars)),
      row('Keys ÷ typing by hand', (f) => `${fmt(100 * f.keyRatio, 1)} %`),
      row('Keys + clicks ÷ typing by hand', (f) => `${fmt(100 * f.inputRatio, 1)} %`),
      row('Time, median (p95), ms (wall clock, scripted)', (f) => `${fmt(f.msMedian)} (${fmt(f.msP95)})`),
      row('Counts that varied between rounds', (f) => f.varies.join(', ') || 'none'),
    ],
  };
}

export default {
  id: 'interaction',
  item: 6,
  title: 'The første jobsamtale by shortcut, by mouse and by keyboard: presses, scrolling and time',

  async run(ctx) {
    const rounds = ctx.rounds ?? (ctx.quick ? 2 : 6);
    const browser = await launchBrowser({ withExtension: true, label: 'interaction' });
    try {
      const worker = await serviceWorkerOf(browser);
      await worker.evaluate(() => chrome.storage.local.set({ caseworkerName: 'Lene Bruun' }));
      await firstRunSetUp(browser.context, browser.extensionId);
      const page = await browser.context.newPage();
      await page.addInitScript(inputProbeScript());
      await page.goto(`${ctx.caseSystemUrl}/borger/${demoCitizens[0].caseId}/journal`);
      const panel = page.frameLocator('iframe[title^="Sidevogn"]');
      await panel.getByRole('tab', { name: 'Skabeloner' }).waitFor();
      const samples = await interleave(
        ROUTES,
        { rounds, warmup: 1, seed: ctx.seed + 17, onRound: ctx.progress },
        (route) => runRoute(route, { page, panel }),
      );
      const figures = Object.fromEntries(ROUTES.map((r) => [r, routeFigures(samples[r])]));
      const notes = new Set(ROUTES.flatMap((r) => samples[r].map((s) => s.note)));
      const s = figures.shortcut;
      return {
        rounds: { routes: { rounds, warmup: 1, variants: ROUTES, samples: 'one note per route per round' } },
        metrics: [
          metric({
            id: 'interaction.shortcut.input-ratio',
            label: 'Første jobsamtale by shortcut: everything pressed (keys + clicks) ÷ typing the note by hand',
            value: 100 * s.inputRatio,
            unit: '%',
            goal: { max: 15, text: '≤ 15 % (issue 32)' },
            detail: `${fmt(s.presses)} presses (${fmt(s.nav)} navigation keys, ${fmt(s.typed)} typed characters, ${fmt(s.clicks)} clicks) vs ${fmt(s.noteChars)} characters; the same start, then the form by mouse: ${fmt(100 * figures['shortcut-mouse'].inputRatio, 1)} % (${fmt(figures['shortcut-mouse'].presses)} presses, ${fmt(figures['shortcut-mouse'].clicks)} of them clicks)`,
          }),
          metric({
            id: 'interaction.keyboard.navigation-keys',
            label: 'Første jobsamtale by keyboard alone: navigation keys, caret in the host field → note there',
            value: figures.keyboard.nav,
            unit: 'keys',
            goal: { max: 60, text: '≤ 60 (issue 30 item 4)' },
            detail: `a keyboard command counts as one key (${fmt(figures.keyboard.scriptedNav)} here); keys ÷ typing ${fmt(100 * figures.keyboard.keyRatio, 1)} %, keys + clicks ÷ typing ${fmt(100 * figures.keyboard.inputRatio, 1)} %`,
          }),
          ...ROUTES.flatMap((r) => [
            metric({
              id: `interaction.${r}.key-ratio`,
              label: `${ROUTE_LABEL[r]}: keys ÷ typing the note by hand`,
              value: 100 * figures[r].keyRatio,
              unit: '%',
              detail: `keys + clicks ÷ typing ${fmt(100 * figures[r].inputRatio, 1)} %; ${fmt(figures[r].clicks)} clicks, ${fmt(figures[r].wheel)} wheel events, ${fmt(figures[r].scroll)} px scrolled`,
            }),
            metric({
              id: `interaction.${r}.time`,
              label: `${ROUTE_LABEL[r]}: time, caret → note in the field, median (wall clock, scripted)`,
              value: figures[r].msMedian,
              unit: 'ms',
              clock: 'wall',
              detail: `p95 ${fmt(figures[r].msP95)} ms over ${figures[r].rounds} rounds`,
            }),
          ]),
        ],
        tables: [figuresTable(figures)],
        findings:
          notes.size > 1 ? [`The routes inserted ${notes.size} different notes: the filled values differ.`] : [],
        notes: [
          'Counted from the pages’ own events in the host page and the panel’s frame (a capture listener on each ' +
            'window, ahead of the page’s and the extension’s own): keydown (a chord such as Shift+Tab is one key; a ' +
            'printable character into a text field is a typed character, any other key a navigation key), ' +
            'pointerdown (clicks), wheel, and scroll (Σ |Δ scrollTop| of every element and the document).',
          'Two kinds of press no page sees are added by the bench and shown apart: a keyboard command (headless ' +
            'Chromium cannot press one; the bench sends the command’s own message from the service worker, one key ' +
            'each) and the pick in a <select>’s popup (headless Chromium’s popup takes no clicks: 2 clicks, open and pick).',
          'Keyboard routes walk to each control with Tab or Shift+Tab until it has focus, open folded optional fields ' +
            'with Enter on their summary, pick a <select> option by its first letter (then arrow down), a radio by arrow ' +
            'keys, a checkbox by Space, and insert with Ctrl+Enter. The mouse route scrolls by wheel (100 px a notch) ' +
            'until the control can be hit, then clicks. The keyboard route enters the panel with the toggle command ' +
            'twice (fold, unfold: unfolding focuses the frame), which is main’s way in today.',
          'Time is wall clock from arming the counters (caret in the field) to the host field’s input event that put ' +
            'the note there, on the host’s clock; it is the scripted route’s time (the UI’s reactions plus the ' +
            'driver’s round trips), not a person’s.',
          `The note: ${fmt(s.noteChars)} characters; the same values on every route (${notes.size === 1 ? 'the notes were identical' : 'the notes differed'}).`,
        ],
        raw: Object.fromEntries(ROUTES.map((r) => [r, samples[r].map(({ note: _, ...rest }) => rest)])),
      };
    } finally {
      await browser.close();
    }
  },
};
