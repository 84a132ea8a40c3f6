import { wcagViolations } from './axe';
import { citizen, citizens, masked } from './demo-data';
import { expect, test } from './fixtures';
import { deadlineAlarmTime, notificationIds, openOptions, panelFrame, serviceWorker, storedLocal } from './extension';

const danish = (iso: string) => iso.split('-').reverse().join('.');

test('the overview shows case-system facts with source and time, keeps what the caseworker writes, shows conflicts, and prints on one A4 page', async ({
  caseSystem,
  page,
  context,
}) => {
  const c = citizen(2);
  await caseSystem.gotoCase(c.caseId);
  const { frame } = caseSystem.panel;
  // The overview is the first tab and the default.
  await expect(frame.getByRole('tab', { name: 'Overblik' })).toHaveAttribute('aria-selected', 'true');
  const malgruppe = frame.getByTestId('fact-malgruppe');
  await expect(malgruppe.getByTestId('host-value')).toHaveText(c.malgruppe);
  // Sidevogn only knows since when it has seen a value, not when the case system changed it.
  await expect(malgruppe.getByTestId('source-host')).toContainText(/Fra sagssystemet · set sådan siden \d+\./);
  // The caseworker's own picture comes first; the case system's facts are folded below it.
  await expect(malgruppe).toBeHidden();
  await frame.getByTestId('facts').locator('summary').click();
  await expect(malgruppe).toBeVisible();

  await frame
    .getByLabel('Borgerens mål – med borgerens egne ord')
    .fill('Jeg vil være elektriker og have mit eget værksted.');
  await frame.getByLabel('Barrierer').fill('Rygsmerter; mangler kørekort.');
  // Health data (GDPR art. 9) belongs in the case system: the private field says so.
  await expect(frame.getByLabel('Helbred')).toHaveAccessibleDescription(/Helbredsoplysninger hører til i sagssystemet/);
  await frame.getByLabel('Helbred').fill('Lægeattest på vej fra egen læge.');
  // Adding a contact or a deadline unfolds its form ("Ny kontakt", "Ny frist").
  await frame.getByRole('button', { name: 'Ny kontakt' }).click();
  await frame.getByLabel('Rolle').selectOption({ label: 'Læge' });
  await frame.getByLabel('Navn', { exact: true }).fill('Dr. Hansen');
  await frame.getByLabel('Telefon eller note').fill('70 10 20 30');
  await frame.getByRole('button', { name: 'Tilføj kontakt' }).click();
  await expect(frame.getByTestId('contact')).toContainText('Læge: Dr. Hansen (70 10 20 30)');

  // The caseworker's own value for a fact the page shows: both stay, the difference is shown.
  const meeting = frame.getByTestId('fact-naesteMoede');
  await meeting.getByRole('button', { name: 'Skriv egen værdi: Næste møde' }).click();
  await meeting.getByLabel('Din egen værdi for Næste møde').fill('Flyttet til 10.12.2026 kl. 09:00');
  await meeting.getByRole('button', { name: 'Gem' }).click();
  await expect(meeting.getByTestId('own-value')).toHaveText('Flyttet til 10.12.2026 kl. 09:00');
  await expect(meeting.getByTestId('source-own')).toContainText('Skrevet af dig · ændret');
  await expect(meeting.getByRole('status')).toContainText('Intet er overskrevet');
  const hostMeeting = await meeting.getByTestId('host-value').textContent();
  expect(hostMeeting).toBeTruthy();

  // Persists: a reload brings it all back.
  // Saved when the field shows its own stamp (from the stored record), not after a guessed pause.
  await frame.getByLabel('Helbred').blur();
  await expect(frame.getByLabel('Helbred').locator('..').getByTestId('source-own')).toContainText('Skrevet af dig');
  await page.reload();
  await expect(frame.getByLabel('Borgerens mål – med borgerens egne ord')).toHaveValue(
    'Jeg vil være elektriker og have mit eget værksted.',
  );
  await expect(frame.getByLabel('Helbred')).toHaveValue('Lægeattest på vej fra egen læge.');
  await expect(frame.getByTestId('contact')).toHaveCount(1);
  await expect(frame.getByTestId('fact-naesteMoede').getByTestId('own-value')).toBeVisible();
  // Written after the reload, and still there on coming back from another tab.
  const barriers = frame.getByLabel('Barrierer');
  await barriers.fill('Rygsmerter.');
  await barriers.blur();
  await frame.getByRole('tab', { name: 'Noter' }).click();
  await frame.getByRole('tab', { name: 'Overblik' }).click();
  await expect(barriers).toHaveValue('Rygsmerter.');
  expect(await wcagViolations(panelFrame(page))).toEqual([]);

  // Print: the panel opens the printable page; it fits one A4 page and masks the CPR.
  const [printTab] = await Promise.all([
    context.waitForEvent('page'),
    frame.getByRole('button', { name: 'Udskriv overblik' }).click(),
  ]);
  await printTab.waitForLoadState();
  const url = new URL(printTab.url());
  expect(url.pathname).toBe('/summary.html');
  expect(url.searchParams.get('citizen')).toMatch(/^[0-9a-f]{32}$/);
  expect(url.searchParams.has('print')).toBe(true);
  url.searchParams.delete('print');
  const sheet = await context.newPage();
  await sheet.goto(url.href);
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(c.name);
  await expect(sheet.getByText(masked(c.cpr))).toBeVisible();
  await expect(sheet.locator('body')).not.toContainText(c.cpr);
  await expect(sheet.getByText('»Jeg vil være elektriker og have mit eget værksted.«')).toBeVisible();
  await expect(sheet.getByText(`sagssystemet: ${hostMeeting}`)).toBeVisible();
  expect(await wcagViolations(sheet)).toEqual([]);
  await sheet.screenshot({ path: test.info().outputPath('summary-sheet.png'), fullPage: true });
  const pdf = await sheet.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages).toHaveLength(1);
});

test('the overview goes into the journal as a handover note, through the insertion path and history', async ({
  caseSystem,
  page,
}) => {
  const c = citizen(3);
  await caseSystem.gotoCase(c.caseId, 'journal');
  const { frame } = caseSystem.panel;
  await frame.getByLabel('Aftaler').fill('Borgeren søger tre job om ugen.');
  // The caseworker's caret is in the journal textarea, one of the page's three fields.
  await page.locator('#journal-tekst').click();
  await frame.getByRole('button', { name: 'Indsæt som overdragelsesnotat' }).click();
  // It shows the exact text and the field first; nothing is in the journal until confirmed.
  const confirm = frame.getByTestId('handover-confirm');
  await expect(confirm).toContainText('Det indsættes i »Notat (tekst)«');
  await expect(confirm.getByTestId('handover-text')).toContainText('Aftaler: Borgeren søger tre job om ugen.');
  await expect(page.locator('#journal-tekst')).toHaveValue('');
  expect(await wcagViolations(panelFrame(page))).toEqual([]);
  await confirm.getByRole('button', { name: 'Indsæt i »Notat (tekst)«' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(frame.getByTestId('summary-status')).toContainText('Notatet er indsat i »Notat (tekst)«');
  const text = await page.locator('#journal-tekst').inputValue();
  expect(text).toContain(`Overdragelsesnotat`);
  expect(text).toContain(`– ${c.name}`);
  expect(text).toContain(`Målgruppe: ${c.malgruppe}`);
  expect(text).toContain('Aftaler: Borgeren søger tre job om ugen.');
  expect(text).not.toContain(c.cpr);
  await frame.getByRole('tab', { name: 'Historik' }).click();
  await expect(frame.getByTestId('history-entry')).toContainText(
    'Overdragelsesnotat (overblik) indsat i »Notat (tekst)«',
  );
});

/**
 * A time zone in which the local clock reads `hour` o'clock now, for the browser (TZ:
 * Chromium's pages and its service worker follow it), so a test of what happens before
 * or after the 08:00 reminder does not depend on when it runs (issue 28). Etc/GMT zones
 * have no daylight saving, so the local day and hour follow from the offset alone.
 */
function zoneWhereItIs(hour: number) {
  let offset = (hour - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24; // Etc/GMT zones run from UTC−12 to UTC+14
  const shift = offset * 3_600_000;
  const local = () => new Date(Date.now() + shift); // its getUTC* fields are the zone's local ones
  /** Epoch ms of `hh`:00 local time, `days` from the local today. */
  const at = (days: number, hh: number) => {
    const d = local();
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hh) - shift;
  };
  return {
    TZ: offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`,
    at,
    /** The local day `days` from today, yyyy-mm-dd. */
    day: (days = 0) => new Date(at(days, 12) + shift).toISOString().slice(0, 10),
    /** What Date#getTimezoneOffset says there. */
    offsetMinutes: (0 - offset) * 60, // (not -offset: -0 is not 0 to toBe)
  };
}

test.describe('at 11 in the morning', () => {
  const zone = zoneWhereItIs(11);
  test.use({ browserEnv: { TZ: zone.TZ } });

  test('deadlines: set, due and overdue shown; an opt-in reminder alarm is scheduled by the service worker', async ({
    caseSystem,
    context,
  }) => {
    const options = await openOptions(context);
    await options.getByLabel(/Vis en browsernotifikation/).check();

    const c = citizen(1);
    await caseSystem.gotoCase(c.caseId);
    const { frame } = caseSystem.panel;
    await frame.getByRole('button', { name: 'Ny frist' }).click();
    await frame.getByLabel('Hvad skal ske').fill('Opfølgning uge 8');
    // A look at the notes first: the half-typed deadline is there on coming back.
    await caseSystem.panel.showNotes();
    await frame.getByRole('tab', { name: 'Overblik' }).click();
    await expect(frame.getByLabel('Hvad skal ske')).toHaveValue('Opfølgning uge 8');
    // Back by the tab: the kept form does not take the focus from it.
    await expect(frame.getByRole('tab', { name: 'Overblik' })).toBeFocused();
    // Without a date (Enter in the title): said, and the date field takes focus; a date is typed as in the template forms.
    await frame.getByLabel('Hvad skal ske').press('Enter');
    await expect(frame.getByTestId('deadline-form').getByRole('alert')).toHaveText(
      'Skriv eller vælg datoen, fx 5.12 eller +2u.',
    );
    await expect(frame.getByLabel('Senest')).toBeFocused();
    await frame.getByLabel('Senest').fill('+1');
    await frame.getByRole('button', { name: 'Tilføj frist' }).click();
    // One line: the date without the year in this year.
    const tomorrow = zone.day(1);
    const shown = tomorrow.slice(0, 4) === zone.day(0).slice(0, 4) ? danish(tomorrow).slice(0, 6) : danish(tomorrow);
    await expect(frame.getByTestId('deadline')).toContainText(`${shown} Opfølgning uge 8`);
    await expect(frame.getByTestId('deadline')).toContainText('om 1 dag');

    const worker = serviceWorker(context);
    // (The browser's clock is the zone's: the service worker schedules in local time.)
    expect(await worker.evaluate(() => new Date().getTimezoneOffset())).toBe(zone.offsetMinutes);
    const tomorrowAtEight = zone.at(1, 8);
    await expect.poll(() => deadlineAlarmTime(worker)).toBe(tomorrowAtEight);

    // An overdue one stands out.
    await frame.getByLabel('Hvad skal ske').fill('Partshøring svar');
    await frame.getByLabel('Senest').fill(zone.day(-7));
    await frame.getByRole('button', { name: 'Tilføj frist' }).click();
    await expect(frame.getByTestId('deadline').first()).toContainText('overskredet 7 dage');

    // Due today, and it is past 08:00: notified at once, once a day, without name or CPR;
    // the next reminder is tomorrow's. (Before 08:00: the test below.)
    await frame.getByLabel('Hvad skal ske').fill('Ring til arbejdsgiver');
    await frame.getByLabel('Senest').fill(zone.day(0));
    await frame.getByRole('button', { name: 'Tilføj frist' }).click();
    await expect.poll(() => notificationIds(worker), { timeout: 15_000 }).toContain(`deadlines-${zone.day(0)}`);
    await expect.poll(() => deadlineAlarmTime(worker)).toBe(tomorrowAtEight);
    const stored = await storedLocal(worker);
    expect(JSON.stringify(stored)).not.toContain(c.name);
    expect(JSON.stringify(stored)).not.toContain(c.cpr);

    // Turning reminders off clears the alarm.
    await options.bringToFront();
    await options.getByLabel(/Vis en browsernotifikation/).uncheck();
    await expect.poll(() => deadlineAlarmTime(worker)).toBeNull();
  });
});

test.describe('at 5 in the morning', () => {
  const zone = zoneWhereItIs(5);
  test.use({ browserEnv: { TZ: zone.TZ } });

  test('a deadline due today is reminded of at 08:00, not before', async ({ caseSystem, context }) => {
    const options = await openOptions(context);
    await options.getByLabel(/Vis en browsernotifikation/).check();
    const c = citizen(1);
    await caseSystem.gotoCase(c.caseId);
    const { frame } = caseSystem.panel;
    await frame.getByRole('button', { name: 'Ny frist' }).click();
    await frame.getByLabel('Hvad skal ske').fill('Ring til arbejdsgiver');
    await frame.getByLabel('Senest').fill(zone.day(0));
    await frame.getByRole('button', { name: 'Tilføj frist' }).click();
    await expect(frame.getByTestId('deadline')).toContainText('i dag');

    const worker = serviceWorker(context);
    expect(await worker.evaluate(() => new Date().getTimezoneOffset())).toBe(zone.offsetMinutes);
    await expect.poll(() => deadlineAlarmTime(worker)).toBe(zone.at(0, 8));
    // Scheduling is all the service worker does until the alarm fires: no notification yet.
    expect(await notificationIds(worker)).toEqual([]);
  });
});

test('the caseload list shows 225 citizens with their next deadline, searchable, masked', async ({
  caseSystem,
  context,
}) => {
  // One real citizen opened through the panel, with a deadline …
  const c = citizen(0);
  await caseSystem.gotoCase(c.caseId);
  const { frame } = caseSystem.panel;
  await frame.getByRole('button', { name: 'Ny frist' }).click();
  await frame.getByLabel('Hvad skal ske').fill('Første samtale');
  await frame.getByLabel('Senest').fill('2026-01-15');
  await frame.getByRole('button', { name: 'Tilføj frist' }).click();
  await expect(frame.getByTestId('deadline')).toHaveCount(1);

  // … and 224 more, written straight into the extension's database (a big caseload).
  const options = await openOptions(context);
  await options.evaluate(async () => {
    // Citizen data is sealed at rest (lib/db/sealed.ts): seal as the repository does,
    // with the unlocked data key from storage.session.
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(k: string): Promise<Record<string, string>> } } };
    };
    const raw = (await chrome.storage.session.get('dataKey')).dataKey!;
    const dataKey = await crypto.subtle.importKey(
      'raw',
      Uint8Array.from(atob(raw), (ch) => ch.charCodeAt(0)),
      'AES-GCM',
      false,
      ['encrypt'],
    );
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const seal = async (table: string, pk: string, citizenKey: string, rest: object) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const additionalData = new TextEncoder().encode(`sidevogn/${table}/${pk}/${citizenKey}`);
      const plain = new TextEncoder().encode(JSON.stringify(rest));
      const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, plain);
      return { iv: b64(iv), ct: b64(new Uint8Array(ct)) };
    };
    const citizens: object[] = [];
    const deadlines: object[] = [];
    for (let i = 0; i < 224; i++) {
      const key = (i + 1).toString(16).padStart(32, '0');
      const cpr = `${String((i % 28) + 1).padStart(2, '0')}0${(i % 9) + 1}85-${String(1000 + i)}`;
      citizens.push({
        key,
        lastActivityAt: 1,
        sealed: await seal('citizens', key, key, { cpr, name: `Borger nr. ${i + 1}`, firstSeenAt: 1 }),
      });
      if (i % 2 === 0)
        deadlines.push({
          id: `d${i}`,
          citizenKey: key,
          due: `2027-0${(i % 9) + 1}-1${i % 10}`,
          doneAt: null,
          sealed: await seal('deadlines', `d${i}`, key, { title: `Opfølgning ${i + 1}`, createdAt: 1 }),
        });
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('sidevogn');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['citizens', 'deadlines'], 'readwrite');
    for (const row of citizens) tx.objectStore('citizens').put(row);
    for (const row of deadlines) tx.objectStore('deadlines').put(row);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await options.reload();
  await expect(options.getByTestId('caseload-count')).toHaveText('225 af 225 borgere');
  // Soonest deadline first: the real citizen's.
  await expect(options.getByTestId('caseload-row').first()).toContainText(c.name);
  await expect(options.getByTestId('caseload-row').first()).toContainText('15.01.2026 Første samtale');
  await expect(options.getByTestId('caseload-row').first()).toContainText(masked(c.cpr));
  await expect(options.locator('body')).not.toContainText(c.cpr);

  await options.getByLabel('Søg på navn eller CPR').fill('nr. 17');
  await expect(options.getByTestId('caseload-count')).toHaveText('11 af 225 borgere');
  await options.getByLabel('Søg på navn eller CPR').fill(c.cpr.slice(0, 6));
  await expect(options.getByTestId('caseload-row')).toHaveCount(1);
  await expect(options.getByTestId('caseload-row')).toContainText(c.name);
  expect(await wcagViolations(options)).toEqual([]);
});

test('sygedagpenge deadlines count from the first day of absence, and the 26-week exemption drops the week-8 follow-up', async ({
  caseSystem,
}) => {
  const c = citizens.find((x) => x.malgruppe === 'Sygedagpengemodtager')!;
  await caseSystem.gotoCase(c.caseId);
  const { frame } = caseSystem.panel;
  const absence = new Date();
  absence.setDate(absence.getDate() - 20);
  const iso = `${absence.getFullYear()}-${String(absence.getMonth() + 1).padStart(2, '0')}-${String(absence.getDate()).padStart(2, '0')}`;
  await frame.getByLabel('Første fraværsdag (til fristerne)').fill(iso);
  const suggested = frame.getByRole('list', { name: 'Foreslåede frister' });
  const from = `regnet fra første fraværsdag ${iso.split('-').reverse().join('.')}`;
  await expect(suggested).toContainText(`Første opfølgning (sygedagpenge, senest uge 8) (${from})`);
  await expect(suggested).toContainText('Revurdering (22 ugers sygedagpenge');
  await frame.getByLabel(/forventes tilbage inden for 26 uger/).check();
  await expect(suggested).not.toContainText('Første opfølgning');
  await expect(suggested).toContainText(
    `Revurdering (22 ugers sygedagpenge inden for 9 måneder – kontrollér udbetalingerne) (${from})`,
  );
});
