// Item 6 (and issue 3's measures): how much typing the template saves, and how
// long insertion takes. The panel is driven as a caseworker would, with real
// clicks and key presses, and a probe counts them in the panel frame.
import { citizens as demoCitizens } from '../case-system/public/data.js';
import { launchBrowser, serviceWorkerOf } from './lib/browsers.mjs';
import { firstRunSetUp } from './lib/extension-profile.mjs';
import { cell, fmt, metric, p95 } from './lib/section.mjs';
import { median } from './lib/stats.mjs';

/**
 * What the caseworker writes in their own words, and what they must choose: the
 * default pack (2.0.0 on) answers no question for them (no defaults), so every
 * choice is a click or a key here.
 */
const CASE = {
  oensker: 'Vil gerne arbejde som lagermedarbejder eller chauffør, gerne i dagtimerne.',
  forhold: ['Borgeren oplyser ingen helbredsmæssige begrænsninger'],
  jobsoegning: 'Har søgt hos Bilka og Salling Group.',
  grunde: ['Borgeren har relevant erhvervserfaring', 'Borgeren kan påtage sig arbejde straks'],
  aftalt: ['Borgeren opdaterer sit CV', 'Borgeren søger det aftalte antal job'],
  dokument35: 'indkaldelse af 1.12.2026',
  status: 'Har været til samtale hos Bilka og venter på svar; har søgt fire job siden sidst.',
  afgoerelse: 'Borgeren får ikke kontanthjælp for 2.12.2026, da borgeren udeblev fra jobsamtalen uden rimelig grund.',
  regler: 'Aktivloven § 36, stk. 1 og § 35, stk. 1.',
  fakta: 'Borgeren var indkaldt ved brev af 25.11.2026 og har ikke oplyst en grund til udeblivelsen.',
  hensyn: 'Borgeren var skriftligt vejledt om konsekvensen i indkaldelsen.',
};

/** Runs in every frame before the page's scripts: counts input in the panel, and when the host saw text arrive. */
function probe() {
  const now = () => performance.timeOrigin + performance.now();
  if (location.protocol === 'chrome-extension:') {
    const s = (window.__svTemplates = { keys: 0, clicks: 0, pressed: [] });
    const isInsert = (el) => el?.closest?.('button')?.textContent?.includes('Indsæt');
    addEventListener(
      'keydown',
      (e) => {
        s.keys++;
        if (e.key === 'Enter' && isInsert(document.activeElement)) s.pressed.push(now());
      },
      true,
    );
    addEventListener(
      'pointerdown',
      (e) => {
        s.clicks++;
        if (isInsert(e.target)) s.pressed.push(now());
      },
      true,
    );
  } else {
    const s = (window.__svTemplates = { inputs: [] });
    addEventListener('input', () => s.inputs.push(now()), true);
  }
}

const panelFrame = (page) => page.frames().find((f) => f.url().startsWith('chrome-extension://'));

export default {
  id: 'templates',
  item: 6,
  title: 'Templates: keystrokes saved and insertion time',

  async run(ctx) {
    const rounds = ctx.quick ? 5 : 40;
    const citizen = demoCitizens[0];
    const browser = await launchBrowser({ withExtension: true });
    try {
      const worker = await serviceWorkerOf(browser);
      await worker.evaluate(() => chrome.storage.local.set({ caseworkerName: 'Lene Bruun' }));
      await firstRunSetUp(browser.context);
      const page = await browser.context.newPage();
      await page.addInitScript(probe);
      await page.goto(`${ctx.caseSystemUrl}/borger/${citizen.caseId}/journal`);
      const panel = page.frameLocator('iframe[title^="Sidevogn"]');
      await panel.getByRole('tab', { name: 'Skabeloner' }).waitFor();

      // Each note as a caseworker produces it: real clicks and keys in the panel.
      // The form folds its optional fields under a summary (issue 30): a control
      // in there is shown first with a click on it, as a caseworker does.
      const hidden = { includeHidden: true };
      const reveal = async (locator) => {
        if (await locator.evaluate((el) => !!el.closest('details:not([open])')))
          await panel.getByTestId('template-optional').locator(':scope > summary').click();
        return locator;
      };
      const type = async (label, text) => {
        await (await reveal(panel.getByLabel(label))).click();
        await page.keyboard.type(text);
      };
      const tick = async (labels) => {
        for (const label of labels)
          await (await reveal(panel.getByRole('checkbox', { name: new RegExp(`^${label}`), ...hidden }))).click();
      };
      /** A closed <select>: click, type-ahead on the option's first letter, close. */
      const pick = async (label, key) => {
        await (await reveal(panel.getByLabel(label))).click();
        await page.keyboard.press(key);
        await page.keyboard.press('Escape');
      };
      const answer = async (question, yes) =>
        (
          await reveal(
            panel
              .getByRole('group', { name: question, ...hidden })
              .getByRole('radio', { name: yes ? 'Ja' : 'Nej', exact: true, ...hidden }),
          )
        ).click();
      // A date is filled, and counted as the 8 digits a caseworker types (the date
      // input's own field order follows the browser's locale).
      let dateKeys = 0;
      const date = async (label, iso) => {
        await (await reveal(panel.getByLabel(label))).fill(iso);
        dateKeys += 8;
      };
      /** The next contact is pre-filled only from a future meeting in the case system. */
      const nextContact = async () => {
        if (!(await panel.getByLabel(/^Næste kontakt/).inputValue())) await date(/^Næste kontakt/, '2027-01-12');
      };
      const meetingStart = async () => {
        await pick(/^Samtaleform/, 'p'); // personligt fremmøde
        await answer(/^Deltog en bisidder/, false);
        await answer(/^Er borgeren vejledt om retten til bisidder/, true);
        await answer(/^Er formålet med samtalen forklaret/, true);
      };
      const guidance35 = async () => {
        await answer(/^Har borgeren fået skriftlig og konkret vejledning/, true);
        await date(/^Dato for den skriftlige vejledning/, '2026-12-01');
        await type(/^Dokumentet, vejledningen blev givet i/, CASE.dokument35);
      };
      // "← Alle skabeloner" in the form; "Alle skabeloner" once a note is inserted (issue 30's success state).
      const backToList = /^(← )?Alle skabeloner$/;
      const writeNote = async (query, fill) => {
        await panel.getByRole('tab', { name: 'Skabeloner' }).click();
        if (await panel.getByRole('button', { name: backToList }).count())
          await panel.getByRole('button', { name: backToList }).click();
        await page.locator('#journal-tekst').fill('');
        await panelFrame(page).evaluate(() => Object.assign(window.__svTemplates, { keys: 0, clicks: 0 }));
        dateKeys = 0;
        await panel.getByLabel('Søg skabelon').click();
        await page.keyboard.type(query);
        await page.keyboard.press('Enter');
        await fill();
        const missing = panel.getByTestId('template-missing');
        if (await missing.count()) throw new Error(`The template still needs: ${await missing.textContent()}`);
        await panel.getByRole('button', { name: 'Indsæt i journal' }).click();
        await panel.getByTestId('template-status').getByText('indsat').waitFor();
        const counts = await panelFrame(page).evaluate(() => ({ ...window.__svTemplates, pressed: undefined }));
        const note = await page.locator('#journal-tekst').inputValue();
        // Typing the same note by hand: one key per character (Enter for a line break).
        const byHand = [...note].length;
        const keys = counts.keys + dateKeys;
        return {
          keys,
          clicks: counts.clicks,
          note,
          byHand,
          keyRatio: keys / byHand,
          inputRatio: (keys + counts.clicks) / byHand,
        };
      };

      ctx.log('  writing the første jobsamtale note through the template…');
      const first = await writeNote('første', async () => {
        await meetingStart();
        await type(/Borgerens ønsker til job/, CASE.oensker);
        await tick(CASE.forhold);
        await pick(/^CV på Jobnet/, 'c'); // CV er opdateret
        await type(/Konkrete job og virksomheder/, CASE.jobsoegning);
        await pick(/^Visitation/, 'j'); // jobparat
        await tick(CASE.grunde);
        await guidance35();
        await answer(/^Er der behov for et tilbud/, false);
        await tick(CASE.aftalt);
        await nextContact();
        await pick(/^Samtykke til at indhente/, 'i'); // ikke relevant
      });

      ctx.log('  writing the løbende jobsamtale note through the template…');
      const followUp = await writeNote('løbende', async () => {
        await meetingStart();
        await type(/^Status siden sidste samtale/, CASE.status);
        await pick(/^CV på Jobnet/, 'c');
        await answer(/^Er visitationen ændret/, false);
        await guidance35();
        await answer(/^Er der behov for et tilbud/, false);
        await tick(CASE.aftalt);
        await nextContact();
        await pick(/^Samtykke til at indhente/, 'i');
      });

      ctx.log('  writing a decision note through the template…');
      const decision = await writeNote('afgørelse med', async () => {
        await type(/^Afgørelsen(?! er meddelt)/, CASE.afgoerelse);
        await type(/^Retsregler/, CASE.regler);
        await type(/^Faktiske oplysninger/, CASE.fakta);
        await type(/^Hovedhensyn ved skønnet/, CASE.hensyn);
        await pick(/^Partshøring/, 'b'); // Borgeren er partshørt før afgørelsen
        await pick(/^Afgørelsen er meddelt/, 's'); // skriftligt
        await answer(/^Er afgørelsen meddelt med klagevejledning/, true);
      });
      const counts = { keys: first.keys, clicks: first.clicks };
      const note = first.note;
      const byHand = first.byHand;
      const keyRatio = first.keyRatio;
      const inputRatio = first.inputRatio;

      // Insertion time: press insert → the host field's own input event.
      ctx.log(`  insertion time: ${rounds} rounds`);
      const latencies = [];
      await panel.getByRole('button', { name: backToList }).click();
      await panel.getByLabel('Søg skabelon').fill('kontakt');
      await panel.getByLabel('Søg skabelon').press('Enter');
      for (let i = 0; i < rounds + 1; i++) {
        await page.locator('#journal-tekst').fill('');
        await panel.getByLabel(/Hvad blev oplyst/).fill(`Runde ${i}: borgeren ringede.`);
        await panel.getByLabel(/Aftaler og næste skridt/).fill('Ingen.');
        const before = await page.evaluate(() => window.__svTemplates.inputs.length);
        await panel.getByRole('button', { name: 'Indsæt i journal' }).click();
        await page.waitForFunction((n) => window.__svTemplates.inputs.length > n, before);
        const pressed = await panelFrame(page).evaluate(() => window.__svTemplates.pressed.at(-1));
        const arrived = await page.evaluate((n) => window.__svTemplates.inputs[n], before);
        if (i > 0) latencies.push(arrived - pressed); // the first is warm-up
        // After inserting, the form gives way to what went where (issue 30): a new draft for the next round.
        await panel.getByRole('button', { name: 'Ny kladde' }).click();
      }

      return {
        rounds: `1 complete note; insertion ${rounds} rounds + 1 warm-up`,
        metrics: [
          metric({
            id: 'templates.keystroke-ratio',
            label: 'Keystrokes through the template ÷ typing the same note by hand (første jobsamtale)',
            value: 100 * keyRatio,
            unit: '%',
            goal: { max: 20, text: '≤ 20 %' },
            detail: `${counts.keys} keys (+ ${counts.clicks} clicks) vs ${byHand} keys by hand`,
          }),
          metric({
            id: 'templates.keystroke-ratio.loebende',
            label: 'Keystrokes through the template ÷ typing the same note by hand (løbende jobsamtale)',
            value: 100 * followUp.keyRatio,
            unit: '%',
            goal: { max: 20, text: '≤ 20 %' },
            detail: `${followUp.keys} keys (+ ${followUp.clicks} clicks) vs ${followUp.byHand} keys by hand`,
          }),
          metric({
            id: 'templates.keystroke-ratio.afgoerelse',
            label:
              'Keystrokes through the template ÷ typing by hand (afgørelse; no goal: the begrundelse is written for the case)',
            value: 100 * decision.keyRatio,
            unit: '%',
            detail: `${decision.keys} keys (+ ${decision.clicks} clicks) vs ${decision.byHand} keys by hand`,
          }),
          metric({
            id: 'templates.input-ratio',
            label: 'Keystrokes and clicks through the template ÷ typing by hand',
            value: 100 * inputRatio,
            unit: '%',
          }),
          metric({
            id: 'templates.insert.median',
            label: 'Press “Indsæt i journal” → text in the host field (end to end, median)',
            value: median(latencies),
            unit: 'ms',
            goal: { max: 16, text: '≤ 16 ms median (content-script part; this figure includes the message hop)' },
          }),
          metric({ id: 'templates.insert.p95', label: 'Same, p95', value: p95(latencies), unit: 'ms' }),
        ],
        tables: [
          {
            title: 'Writing the første jobsamtale note',
            columns: ['', 'Keys', 'Clicks', 'Characters in the note'],
            rows: [
              ['Through the template', String(counts.keys), String(counts.clicks), String(note.length)],
              ['Typed by hand into the journal', String(byHand), '0', String(note.length)],
            ],
          },
          {
            title: 'The other notes (keys include 8 per date)',
            columns: ['Note', 'Keys', 'Clicks', 'Typed by hand'],
            rows: [
              ['Løbende jobsamtale', String(followUp.keys), String(followUp.clicks), String(followUp.byHand)],
              ['Afgørelse', String(decision.keys), String(decision.clicks), String(decision.byHand)],
            ],
          },
          {
            title: 'Insertion, press → host input event (ms)',
            columns: ['Median (p95)', 'Min', 'Max'],
            rows: [[cell(latencies), fmt(Math.min(...latencies)), fmt(Math.max(...latencies))]],
          },
        ],
        notes: [
          'The caseworker types what only they know (the citizen’s wishes, named employers) and ticks standard ' +
            'wording (circumstances, reasons for the visitation, agreements); the template writes the rest: the legal ' +
            'wording, participants, dates and names. Since default pack 2.0.0 no question is pre-answered: the ' +
            'caseworker chooses the channel, bisidder, CV status, § 35 guidance (with its date and document), offer ' +
            'and consent, and those clicks and keys are counted. A date counts as 8 keys.',
          'End-to-end insertion time is measured across processes with epoch timestamps (performance.timeOrigin + now) ' +
            'and includes the panel→content-script message; the content script’s own share is smaller.',
        ],
        raw: { counts, noteLength: note.length, byHand, latencies, followUp, decision },
      };
    } finally {
      await browser.close();
    }
  },
};
