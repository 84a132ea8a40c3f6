// Filling a template form in the panel as a caseworker does: by mouse (wheel
// to the control, click, type) or by keyboard alone (Tab or Shift+Tab until
// the control has focus, then keys). Both find each control by its label and
// walk to it through the UI as it is, so the keys, clicks and scrolling the
// probe counts (lib/input-probe.mjs) are what the UI asks for today.
import { sleep } from './host-page.mjs';
import { panelFrameOf } from './panel-ready.mjs';

export { panelFrameOf };

/**
 * The første jobsamtale as the caseworker fills it (the same values as
 * templates.mjs), in the form's order: required fields first, then the
 * optional ones. kind: 'select' (option by its label), 'radio' (Ja/Nej in the
 * group named by the label), 'tick' (a checkbox by the start of its label),
 * 'text' (typed; `ifEmpty`: only when not pre-filled).
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
};

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
 */
export function mouseDriver(page, panel, scripted) {
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
      // Wheel scrolling is animated: wait for it to settle.
      await sleep(120);
    }
    throw new Error(`Could not scroll ${locator} into view by wheel: ${JSON.stringify(last)}`);
  }
  const click = async (locator) => {
    await wheelTo(locator);
    await locator.click();
  };
  return {
    click,
    async step(step) {
      const target = control(panel, step);
      const summary = await foldedSummary(panel, target);
      if (summary) await click(summary);
      if (step.kind === 'text') {
        if (step.ifEmpty && (await target.inputValue())) return;
        await click(target);
        await page.keyboard.type(step.text);
      } else if (step.kind === 'select') {
        await wheelTo(target);
        await target.selectOption({ label: step.option });
        scripted.clicks += 2;
      } else if (!(await target.isChecked())) await click(target);
    },
  };
}

/** By keyboard alone: Tab or Shift+Tab (whichever way the control lies) until it has focus. */
export function keyboardDriver(page, panel) {
  const focusState = (locator) =>
    locator.evaluate((el) => {
      const active = document.activeElement;
      if (!document.hasFocus()) return 'away';
      if (active === el || (active && el.contains(active))) return 'here';
      return active && el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'back' : 'forward';
    });
  async function tabTo(locator) {
    const trail = [];
    for (let i = 0; i < 200; i++) {
      const state = await focusState(locator);
      if (state === 'here') return;
      if (state === 'away') throw new Error('Focus is not in the panel');
      if (trail.length > 6 && trail.at(-1) !== state && trail.at(-2) === state)
        throw new Error(`Tab and Shift+Tab go round a control they cannot reach: ${locator}`);
      trail.push(state);
      await page.keyboard.press(state === 'back' ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Could not reach the control by Tab: ${locator}`);
  }
  /** Arrow keys until `wanted` (a locator) has focus, at most `max` presses. */
  async function arrowTo(wanted, key, max = 8) {
    for (let i = 0; i < max && (await focusState(wanted)) !== 'here'; i++) await page.keyboard.press(key);
    if ((await focusState(wanted)) !== 'here') throw new Error('Could not reach the control by arrow keys');
  }
  return {
    tabTo,
    /** A tab of the panel's tab list (ARIA tabs: one Tab stop, arrow keys between them). */
    async selectTab(name) {
      await tabTo(panel.locator('[role=tab][aria-selected=true]'));
      await arrowTo(panel.getByRole('tab', { name }), 'ArrowRight');
    },
    async step(step) {
      const target = control(panel, step);
      const summary = await foldedSummary(panel, target);
      if (summary) {
        await tabTo(summary);
        await page.keyboard.press('Enter');
      }
      if (step.kind === 'text') {
        if (step.ifEmpty && (await target.inputValue())) return;
        await tabTo(target);
        await page.keyboard.type(step.text);
      } else if (step.kind === 'select') {
        await tabTo(target);
        // Type-ahead on the closed list: the option's first letter, then down to it.
        await page.keyboard.press(step.option[0].toLowerCase());
        for (let i = 0; i < 10; i++) {
          const shown = await target.evaluate((el) => el.selectedOptions[0]?.textContent);
          if (shown === step.option) return;
          await page.keyboard.press('ArrowDown');
        }
        throw new Error(`Could not choose »${step.option}« by keyboard`);
      } else if (step.kind === 'radio') {
        // Into the group (Tab stops at its checked radio, or its first), then arrows check the one wanted.
        await tabTo(panel.getByRole('group', { name: step.label, includeHidden: true }));
        await arrowTo(target, 'ArrowRight', 3);
        if (!(await target.isChecked())) await page.keyboard.press('Space');
      } else {
        await tabTo(target);
        if (!(await target.isChecked())) await page.keyboard.press('Space');
      }
    },
  };
}
