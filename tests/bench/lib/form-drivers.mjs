// Filling a template form in the panel as a caseworker does: by mouse (wheel
// to the control, click, type) or by keyboard alone (Tab or Shift+Tab until
// the control has focus, then keys). Both find each control by its label and
// walk to it through the UI as it is, so the keys, clicks and scrolling the
// probe counts (lib/input-probe.mjs) are what the UI asks for today.
import { sleep } from './host-page.mjs';
import { panelFrameOf } from './panel-ready.mjs';

export { panelFrameOf };

/**
 * The første jobsamtale as the caseworker fills it, in the form's order:
 * required fields first, then the optional ones. kind: 'select' (option by
 * its label), 'radio' (Ja/Nej in the group named by the label), 'tick' (a
 * checkbox by the start of its label), 'text' (typed; `ifEmpty`: only when
 * not pre-filled). Two notes:
 * - `steps`, the full note: the required fields and a few optional ones (the
 *   same values as templates.mjs);
 * - `required`, the required fields only, with tests/e2e/keyboard.spec.ts's
 *   values (one reason for the visitation, "12.1" for the next contact), so
 *   the bench and that test count the same note.
 */
export const FOERSTE_JOBSAMTALE = {
  title: 'Første jobsamtale',
  shortcut: ';fj',
  steps: [
    { kind: 'select', label: /^Samtaleform/, option: 'personligt fremmøde' },
    { kind: 'radio', label: /^Deltog en bisidder/, option: 'Nej' },
    {
      kind: 'text',
      label: /^Borgerens ønsker til job/,
      text: 'Vil gerne arbejde som lagermedarbejder eller chauffør, gerne i dagtimerne.',
    },
    { kind: 'select', label: /^CV på Jobnet/, option: 'CV er opdateret' },
    { kind: 'select', label: /^Visitation/, option: 'jobparat' },
    { kind: 'tick', label: 'Borgeren har relevant erhvervserfaring' },
    { kind: 'tick', label: 'Borgeren kan påtage sig arbejde straks' },
    { kind: 'radio', label: /^Har borgeren fået skriftlig og konkret vejledning/, option: 'Ja' },
    { kind: 'text', label: /^Dato for den skriftlige vejledning/, text: '1.12' },
    { kind: 'text', label: /^Dokumentet, vejledningen blev givet i/, text: 'indkaldelse af 1.12.2026' },
    { kind: 'radio', label: /^Er der behov for et tilbud/, option: 'Nej' },
    { kind: 'text', label: /^Næste kontakt/, text: '12.1.27', ifEmpty: true },
    { kind: 'select', label: /^Samtykke til at indhente/, option: 'ikke relevant ved denne samtale' },
    { kind: 'radio', label: /^Er borgeren vejledt om retten til bisidder/, option: 'Ja' },
    { kind: 'radio', label: /^Er formålet med samtalen forklaret/, option: 'Ja' },
    { kind: 'tick', label: 'Borgeren oplyser ingen helbredsmæssige begrænsninger' },
    { kind: 'text', label: /^Konkrete job og virksomheder/, text: 'Har søgt hos Bilka og Salling Group.' },
    { kind: 'tick', label: 'Borgeren opdaterer sit CV' },
    { kind: 'tick', label: 'Borgeren søger det aftalte antal job' },
  ],
  required: [
    { kind: 'select', label: /^Samtaleform/, option: 'personligt fremmøde' },
    { kind: 'text', label: /^Sagsbehandler/, text: 'Lene Bruun', ifEmpty: true },
    { kind: 'radio', label: /^Deltog en bisidder/, option: 'Nej' },
    { kind: 'text', label: /^Borgerens ønsker til job/, text: 'Vil gerne arbejde som lagermedarbejder i dagtimerne.' },
    { kind: 'select', label: /^CV på Jobnet/, option: 'CV er opdateret' },
    { kind: 'select', label: /^Visitation/, option: 'jobparat' },
    { kind: 'tick', label: 'Borgeren har relevant erhvervserfaring' },
    { kind: 'radio', label: /^Har borgeren fået skriftlig og konkret vejledning/, option: 'Ja' },
    { kind: 'text', label: /^Dato for den skriftlige vejledning/, text: '1.12' },
    { kind: 'text', label: /^Dokumentet, vejledningen blev givet i/, text: 'indkaldelse af 1.12.2026' },
    { kind: 'radio', label: /^Er der behov for et tilbud/, option: 'Nej' },
    { kind: 'text', label: /^Næste kontakt/, text: '12.1', ifEmpty: true },
    { kind: 'select', label: /^Samtykke til at indhente/, option: 'ikke relevant ved denne samtale' },
  ],
};

/** A step's name in the report: its label (a radio's with the option), at most 44 characters. */
export function stepName(step) {
  const label = typeof step.label === 'string' ? step.label : step.label.source.replace(/^\^/, '');
  const name = step.kind === 'radio' ? `${label}: ${step.option}` : label;
  return name.length > 44 ? `${name.slice(0, 43)}…` : name;
}

/**
 * Where each step's presses went, as the driver made them: `begin(name)`
 * opens a step, `add(what, n)` counts a press (a key's name, 'typed',
 * 'click' or 'wheel'). `steps`: [{ name, presses: [[what, n], …] }], runs of
 * the same press joined. The totals the report gives come from the pages'
 * own events (input-probe.mjs); this list says where they went, and the bench
 * checks it adds up to the same.
 */
export function stepLog() {
  const steps = [];
  const log = {
    steps,
    begin(name) {
      steps.push({ name, presses: [] });
    },
    add(what, n = 1) {
      if (steps.length === 0) log.begin('(start)');
      const presses = steps.at(-1).presses;
      if (presses.at(-1)?.[0] === what) presses.at(-1)[1] += n;
      else presses.push([what, n]);
    },
    /** Navigation keys the driver pressed (typed characters, clicks and wheel notches not counted). */
    nav: () =>
      steps
        .flatMap((s) => s.presses)
        .reduce((n, [what, k]) => n + (['typed', 'click', 'wheel'].includes(what) ? 0 : k), 0),
  };
  return log;
}

/** One step's presses as text: "Tab×2 Space", "typed 52", "wheel×3 click"; "–" for none. */
export const pressesText = (presses) =>
  presses.length === 0
    ? '–'
    : presses.map(([what, n]) => (what === 'typed' ? `typed ${n}` : n === 1 ? what : `${what}×${n}`)).join(' ');

/** The control a step works on (a locator in the panel frame). */
function control(panel, step) {
  // includeHidden: a folded optional field is out of the accessibility tree until its <details> opens.
  const hidden = { includeHidden: true };
  if (step.kind === 'radio')
    return panel
      .getByRole('group', { name: step.label, ...hidden })
      .getByRole('radio', { name: step.option, exact: true, ...hidden });
  if (step.kind === 'tick') return panel.getByRole('checkbox', { name: new RegExp(`^${step.label}`), ...hidden });
  return panel.getByLabel(step.label);
}

/**
 * The closed <details> (the form's folded optional fields) a control is in:
 * a locator of its summary (marked with a data attribute the bench reads),
 * or null when the control is not folded away.
 */
async function foldedSummary(panel, locator) {
  const folded = await locator.evaluate((el) => {
    const details = el.closest('details');
    if (!details || details.open) return false;
    details.querySelector(':scope > summary')?.setAttribute('data-bench-summary', '');
    return true;
  });
  return folded ? panel.locator('[data-bench-summary]') : null;
}

/**
 * By mouse. `counts.clicks` gets the clicks no page sees: a <select>'s
 * option is picked in the browser's own popup, which headless Chromium does
 * not let a script click (Playwright's selectOption): 2 clicks, open and pick.
 * `log` (stepLog) gets each step's wheel notches, clicks and typed characters.
 */
export function mouseDriver(page, panel, scripted, log = stepLog()) {
  /** Wheel (100 px a notch, 24 px into the panel, clear of its resize handle) until the control's centre is hit-testable. */
  async function wheelTo(locator) {
    const frame = (await page.locator('iframe[title^="Sidevogn"]').boundingBox()) ?? { x: 0, y: 0, height: 900 };
    await page.mouse.move(frame.x + 24, frame.y + frame.height / 2);
    let last;
    for (let i = 0; i < 80; i++) {
      const where = await locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = r.left + Math.min(r.width / 2, 10);
        const y = r.top + r.height / 2;
        const hit = y >= 0 && y < innerHeight ? document.elementFromPoint(x, y) : null;
        if (hit && (hit === el || el.contains(hit) || hit.contains(el) || hit.closest('label')?.contains(el))) return 0;
        return { dir: y < innerHeight / 2 ? -1 : 1, y, hit: hit?.outerHTML.slice(0, 60) };
      });
      if (where === 0) return;
      last = where;
      await page.mouse.wheel(0, 100 * where.dir);
      log.add('wheel');
      // Wheel scrolling is animated: wait for it to settle.
      await sleep(120);
    }
    throw new Error(`Could not scroll ${locator} into view by wheel: ${JSON.stringify(last)}`);
  }
  const click = async (locator) => {
    await wheelTo(locator);
    await locator.click();
    log.add('click');
  };
  return {
    click,
    log,
    async step(step) {
      log.begin(stepName(step));
      const target = control(panel, step);
      const summary = await foldedSummary(panel, target);
      if (summary) await click(summary);
      if (step.kind === 'text') {
        if (step.ifEmpty && (await target.inputValue())) return;
        await click(target);
        await page.keyboard.type(step.text);
        log.add('typed', [...step.text].length);
      } else if (step.kind === 'select') {
        await wheelTo(target);
        await target.selectOption({ label: step.option });
        scripted.clicks += 2;
        log.add('click', 2);
      } else if (!(await target.isChecked())) await click(target);
    },
  };
}

/**
 * Until focus in the panel's frame has stopped moving (the same element over
 * three animation frames, at most a second): a caseworker does not press the
 * next key before the focus an Enter moved has landed, so neither does the
 * driver (a Tab pressed in between would be lost or land on the old stop).
 */
const focusSettled = (panelFrame) =>
  panelFrame.evaluate(
    () =>
      new Promise((resolve) => {
        const until = performance.now() + 1_000;
        let last = document.activeElement;
        let still = 0;
        const tick = () => {
          const now = document.activeElement;
          still = now === last ? still + 1 : 0;
          last = now;
          if (still >= 3 || performance.now() > until) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

/**
 * By keyboard alone: to the first required field still missing by the key
 * the form's footer names (Alt+N), else Tab or Shift+Tab (whichever way the
 * control lies) until it has focus. Every key goes through `press`, which writes it into `log`
 * (stepLog) under the step it serves.
 */
export function keyboardDriver(page, panel, log = stepLog()) {
  const frame = () => panelFrameOf(page);
  const press = async (key) => {
    await page.keyboard.press(key);
    log.add(key.length === 1 ? `'${key}'` : key);
  };
  const type = async (text) => {
    await page.keyboard.type(text);
    log.add('typed', [...text].length);
  };
  const focusState = (locator) =>
    locator.evaluate((el) => {
      const active = document.activeElement;
      if (!document.hasFocus()) return 'away';
      if (active === el || (active && el.contains(active))) return 'here';
      return active && el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'back' : 'forward';
    });
  /**
   * The form's footer names the first required field still missing, with its
   * key (Alt+N): when that is the control wanted, one key takes focus there,
   * as it does for a caseworker who reads the footer. False when it is not.
   */
  async function viaFirstMissing(locator) {
    const button = panel.getByTestId('template-next-missing');
    if ((await button.count()) === 0) return false;
    const named = /»(.*)«/.exec((await button.textContent()) ?? '')?.[1];
    const label = await locator.evaluate((el) => {
      const set = el.closest('fieldset');
      return (set ? set.querySelector('legend')?.textContent : el.labels?.[0]?.textContent) ?? '';
    });
    if (!named || (label !== named && !label.startsWith(`${named} *`))) return false;
    await press('Alt+n');
    await focusSettled(frame());
    return true;
  }
  async function tabTo(locator) {
    const trail = [];
    await focusSettled(frame());
    if ((await focusState(locator)) !== 'here') await viaFirstMissing(locator);
    for (let i = 0; i < 200; i++) {
      const state = await focusState(locator);
      if (state === 'here') return;
      if (state === 'away') throw new Error('Focus is not in the panel');
      if (trail.length > 6 && trail.at(-1) !== state && trail.at(-2) === state)
        throw new Error(`Tab and Shift+Tab go round a control they cannot reach: ${locator}`);
      trail.push(state);
      await press(state === 'back' ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Could not reach the control by Tab: ${locator}`);
  }
  /** Arrow keys until `wanted` (a locator) has focus, at most `max` presses. */
  async function arrowTo(wanted, key, max = 8) {
    for (let i = 0; i < max && (await focusState(wanted)) !== 'here'; i++) await press(key);
    if ((await focusState(wanted)) !== 'here') throw new Error('Could not reach the control by arrow keys');
  }
  return {
    tabTo,
    press,
    type,
    log,
    /** Until focus has landed after a key that moves it (Enter on a link, a template opening). */
    settled: () => focusSettled(frame()),
    async step(step) {
      log.begin(stepName(step));
      const target = control(panel, step);
      const summary = await foldedSummary(panel, target);
      if (summary) {
        await tabTo(summary);
        await press('Enter');
      }
      if (step.kind === 'text') {
        if (step.ifEmpty && (await target.inputValue())) return;
        await tabTo(target);
        await type(step.text);
      } else if (step.kind === 'select') {
        await tabTo(target);
        // Type-ahead on the closed list: the option's first letter, then down to it.
        await press(step.option[0].toLowerCase());
        for (let i = 0; i < 10; i++) {
          const shown = await target.evaluate((el) => el.selectedOptions[0]?.textContent);
          if (shown === step.option) return;
          await press('ArrowDown');
        }
        throw new Error(`Could not choose »${step.option}« by keyboard`);
      } else if (step.kind === 'radio') {
        // Into the group (Tab stops at its checked radio, or its first), then arrows check the one wanted.
        await tabTo(panel.getByRole('group', { name: step.label, includeHidden: true }));
        await arrowTo(target, 'ArrowRight', 3);
        if (!(await target.isChecked())) await press('Space');
      } else {
        await tabTo(target);
        if (!(await target.isChecked())) await press('Space');
      }
    },
  };
}
