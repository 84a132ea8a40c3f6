import type { Page } from '@playwright/test';
import { defaultPack } from '@/lib/packs/default-pack';
import { packSchema } from '@/lib/packs/schema';
import { expiringWithin } from '@/lib/packs/validity';
import { isoToday } from '@/lib/templates/form';
import { aTeamPack } from '../fixtures/packs';
import { wcagViolations } from './axe';
import { citizen } from './demo-data';
import { expect, test, unlock } from './fixtures';
import { CaseSystem } from './pages/case-system';
import { LockScreen } from './pages/lock';
import { startPackServer } from './pack-server';
import { panelFrame } from './extension';

const file = (name: string, value: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

async function importFile(options: Page, name: string, value: unknown) {
  await options.getByLabel('Importér pakke (JSON-fil)').setInputFiles(file(name, value));
}

test('a pack file is previewed, installed, and its template and checklist reach the panel', async ({
  openOptions,
  caseSystem,
}) => {
  const options = await openOptions();
  // A bad pack: refused with path and reason, nothing installed.
  const bad = aTeamPack({ templateTitle: 'Hjemmebesøg <script>alert(1)</script>' });
  await importFile(options, 'bad.json', bad);
  await expect(options.getByTestId('pack-message')).toContainText(
    'templates.0.title: HTML og script er ikke tilladt i pakkens tekst',
  );
  await importFile(options, 'broken.json', '{"format": "sidevogn-pack/1", ');
  await expect(options.getByTestId('pack-message')).toContainText('Filen er ikke gyldig JSON');
  await expect(options.getByTestId('installed-pack')).toHaveCount(1); // the default pack only

  await importFile(options, 'team.json', aTeamPack());
  await expect(options.getByText('Ny pakke: 1 skabeloner, 1 tjeklister, 0 sagssystemer.')).toBeVisible();
  await options.getByRole('button', { name: 'Installér' }).click();
  await expect(options.getByTestId('pack-message')).toContainText('»Team Vesthavn« version 1.0.0 er taget i brug');
  await expect(options.getByTestId('installed-pack')).toHaveCount(2);
  expect(await wcagViolations(options)).toEqual([]);

  // An update shows what changes before it applies; the older version can be restored.
  await importFile(options, 'team-1.1.json', aTeamPack({ version: '1.1.0', templateTitle: 'Hjemmebesøg (ny)' }));
  await expect(options.getByTestId('pack-diff')).toContainText('Ændringer fra version 1.0.0 til 1.1.0');
  await expect(options.getByTestId('pack-diff')).toContainText('Hjemmebesøg (ny) (skabelon)');
  await options.getByRole('button', { name: 'Installér' }).click();
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team.getByLabel('Version i brug')).toHaveValue('1.1.0');
  await team.getByLabel('Version i brug').selectOption('1.0.0');
  await expect(team.getByLabel('Version i brug')).toHaveValue('1.0.0');

  await caseSystem.gotoCase(citizen(0).caseId, 'journal');
  await caseSystem.panel.openTemplate('hjemmeb');
  await expect(caseSystem.panel.frame.getByRole('heading', { name: 'Hjemmebesøg (Vesthavn)' })).toBeVisible();
});

test('validity in time: a pack with nothing in force says so on install, the team lead sees what expires within 60 days, and the panel hides expired items unless asked', async ({
  openOptions,
  caseSystem,
}) => {
  const options = await openOptions();
  const today = isoToday();
  // The default pack's items on rules that change on 1 January 2027 are listed while they are within 60 days of ending.
  const soon = expiringWithin(packSchema.parse(structuredClone(defaultPack)), today).length;
  const standard = options.getByTestId('installed-pack').filter({ hasText: 'Sidevogn standardpakke' });
  if (soon > 0) {
    await standard.getByText(`${soon} punkter udløber inden for 60 dage`).click();
    await expect(standard.getByTestId('pack-expiring')).toContainText(
      '»Første jobsamtale« (skabelon) gælder til og med 31.12.2026: ingen efterfølger i pakken.',
    );
  } else await expect(standard.getByTestId('pack-expiring')).toHaveCount(0);

  const expired = aTeamPack({ templateTitle: 'Hjemmebesøg (udløbet)' });
  expired.templates![0] = { ...expired.templates![0]!, validFrom: '2026-01-01', validTo: '2026-06-30' };
  expired.checklists![0]!.validTo = '2026-06-30';
  await importFile(options, 'expired.json', expired);
  await expect(options.getByTestId('pack-preview-all-expired')).toContainText('Alt i pakken er udløbet');
  await options.getByRole('button', { name: 'Installér' }).click();
  const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
  await expect(team.getByTestId('pack-all-expired')).toBeVisible();
  expect(await wcagViolations(options)).toEqual([]);

  await caseSystem.gotoCase(citizen(0).caseId, 'journal');
  const frame = caseSystem.panel.frame;
  await frame.getByRole('tab', { name: 'Skabeloner' }).click();
  await frame.getByLabel('Søg skabelon').fill('udløbet');
  await expect(frame.getByText('Ingen skabeloner matcher.')).toBeVisible();
  await frame.getByLabel(/^Vis også udløbne og kommende skabeloner/).check();
  await expect(frame.getByRole('button', { name: /Hjemmebesøg \(udløbet\).*udløbet 30\.06\.2026/ })).toBeVisible();

  await frame.getByRole('tab', { name: 'Tjeklister' }).click();
  const choose = frame.getByLabel('Tjekliste', { exact: true });
  await expect(choose.locator('option', { hasText: 'Hjemmebesøg (Vesthavn)' })).toHaveCount(0);
  await frame.getByLabel(/^Vis også udløbne og kommende tjeklister/).check();
  await expect(choose.locator('option', { hasText: 'Hjemmebesøg (Vesthavn) (gælder ikke i dag)' })).toHaveCount(1);
});

test('a pack is subscribed to by URL; refreshing sends the ETag and a new version waits for approval', async ({
  openOptions,
}) => {
  let pack = aTeamPack();
  const server = await startPackServer(() => JSON.stringify(pack));
  try {
    const options = await openOptions();
    await options.getByLabel('Abonnér på en pakke-adresse (https)').fill(server.url);
    await options.getByRole('button', { name: 'Hent' }).click();
    await options.getByRole('button', { name: 'Installér' }).click();
    const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
    await expect(team).toContainText(`Fra adressen ${server.url}`);

    await team.getByRole('button', { name: 'Opdatér nu' }).click();
    await expect(options.getByTestId('pack-message')).toContainText('Ingen ny version.');
    expect(server.requests.at(-1)!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);

    pack = aTeamPack({ version: '1.2.0', templateTitle: 'Hjemmebesøg 2' });
    await team.getByRole('button', { name: 'Opdatér nu' }).click();
    await expect(options.getByTestId('pack-diff')).toContainText('Ændringer fra version 1.0.0 til 1.2.0');
    await expect(team.getByLabel('Version i brug')).toHaveValue('1.0.0');
    await options.getByRole('button', { name: 'Installér' }).click();
    await expect(team.getByLabel('Version i brug')).toHaveValue('1.2.0');
  } finally {
    await server.close();
  }
});

test('pack addresses: a redirect to http, 50 MB without Content-Length and a replayed older version are refused', async ({
  openOptions,
}) => {
  let pack = aTeamPack({ version: '1.1.0' });
  const server = await startPackServer(() => JSON.stringify(pack));
  try {
    const options = await openOptions();
    const address = options.getByLabel('Abonnér på en pakke-adresse (https)');
    const message = options.getByTestId('pack-message');
    await address.fill(server.redirectToHttpUrl);
    await options.getByRole('button', { name: 'Hent' }).click();
    await expect(message).toContainText('redirected to an address that is not https');
    await address.fill(server.hugeUrl);
    await options.getByRole('button', { name: 'Hent' }).click();
    await expect(message).toContainText('The pack is larger than 5 MB', { timeout: 15_000 });
    await expect(options.getByTestId('installed-pack')).toHaveCount(1);

    await address.fill(server.url);
    await options.getByRole('button', { name: 'Hent' }).click();
    await options.getByRole('button', { name: 'Installér' }).click();
    const team = options.getByTestId('installed-pack').filter({ hasText: 'Team Vesthavn' });
    await expect(team.getByLabel('Version i brug')).toHaveValue('1.1.0');
    expect(server.requests.every((r) => r.cookie === null)).toBe(true);

    // The server now replays an older (signed or not) version: nothing changes.
    pack = aTeamPack({ version: '1.0.0' });
    await team.getByRole('button', { name: 'Opdatér nu' }).click();
    await expect(message).toContainText('older than version 1.1.0 in use');
    await expect(team.getByLabel('Version i brug')).toHaveValue('1.1.0');
  } finally {
    await server.close();
  }
});

test('a checklist run survives a browser restart, writes its part of the note, and warns about required items', async ({
  launch,
  caseSystemUrl,
}) => {
  const c = citizen(1);
  let context = await launch();
  let cs = new CaseSystem(context.pages()[0] ?? (await context.newPage()), caseSystemUrl);
  await cs.gotoCase(c.caseId, 'journal');
  const panel = cs.panel;
  await panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await panel.frame
    .getByLabel('Tjekliste', { exact: true })
    .selectOption({ label: 'Kort kontakt (telefon/hjemmebesøg)' });
  // A double click starts one run, not two (the older one's ticks never reached the note).
  await panel.frame.getByRole('button', { name: 'Start tjekliste' }).dblclick();
  await panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' }).click();
  await expect(panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();
  await expect(panel.frame.getByTestId('checklist-run')).toHaveCount(1);
  await panel.frame.getByRole('button', { name: 'Ikke relevant: Aftaler og næste skridt' }).click();
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').fill('Kun en besked');
  await panel.frame.getByPlaceholder('Hvorfor ikke relevant?').press('Enter');
  await expect(panel.frame.getByText('Ikke relevant: Kun en besked')).toBeVisible();
  await context.close();

  context = await launch();
  await unlock(context);
  cs = new CaseSystem(context.pages()[0] ?? (await context.newPage()), caseSystemUrl);
  await cs.gotoCase(c.caseId, 'journal');
  await cs.panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(cs.panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();
  // One ticked and one not relevant: "not relevant" is never counted as ticked.
  await expect(cs.panel.frame.getByText('1 af 4 afkrydset, 1 ikke relevant ·', { exact: false })).toBeVisible();
  // Ticked by the panel after inserting, never by hand.
  await expect(cs.panel.frame.getByRole('checkbox', { name: 'Notatet er indsat i journalfeltet' })).toBeDisabled();
  const frame = panelFrame(cs.page);
  expect(await wcagViolations(frame)).toEqual([]);

  // The linked template: the item "Hvad der blev oplyst" is the field of the same name, so
  // filling the field resolves it; the insertion read back ticks "Notatet er indsat i journalfeltet".
  await cs.panel.openTemplate('kontakt');
  await cs.panel.field(/Aftaler og næste skridt/).fill('Ingen.');
  await expect(cs.panel.frame.getByTestId('checklist-warning')).toContainText(
    'mangler: Hvad der blev oplyst er noteret',
  );
  await cs.panel.field(/Hvad blev oplyst/).fill('Borgeren ringede.');
  await expect(cs.panel.frame.getByTestId('checklist-warning')).toHaveCount(0);
  await cs.panel.insert();
  await cs.panel.chooseTarget('Notat (tekst)');
  await expect(cs.panel.templateStatus).toContainText('indsat');
  const note = await cs.page.locator('#journal-tekst').inputValue();
  expect(note).toMatch(/Oplyst: Borgeren ringede\./);
  // Ticked items write nothing the template already wrote.
  expect(note).not.toContain('noteret');

  // The run is finished and stays in the citizen's history.
  await cs.panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(cs.panel.frame.getByTestId('finished-run')).toContainText(
    'Tjekliste »Kort kontakt (telefon/hjemmebesøg)« afsluttet (3 af 4 afkrydset, 1 ikke relevant)',
  );
});

test('a checklist begun at an earlier meeting is not written into today’s note; the checklist and the form say so', async ({
  caseSystem,
  context,
  page,
}) => {
  const c = citizen(3);
  const { panel } = caseSystem;
  const today = Date.now();
  // Three days ago: the checklist is begun and one item ticked, and the meeting ends there.
  await context.clock.setFixedTime(today - 3 * 24 * 60 * 60 * 1000);
  await caseSystem.gotoCase(c.caseId, 'journal');
  await panel.startChecklist();
  await panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' }).click();
  await expect(panel.frame.getByRole('checkbox', { name: 'Hvem og kontaktform er noteret' })).toBeChecked();

  // Today: three days idle, so the panel opens locked (lib/crypto/session.ts, restore).
  await context.clock.setFixedTime(today);
  await page.reload();
  const lock = new LockScreen(panel.frame);
  await expect(lock.lockedHeading).toBeVisible();
  await lock.unlock();
  await expect(panel.citizenName).toHaveText(c.name);
  await panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(panel.frame.getByTestId('checklist-earlier')).toContainText('Begyndt ved et tidligere møde');
  await expect(panel.frame.getByText(/^Afkrydset \d+\. \S+ \d{4}/)).toBeVisible();

  // Today's note from the linked template: no warning about the old run's open items, and it stays open.
  await panel.openTemplate('kontakt');
  await expect(panel.frame.getByTestId('checklist-earlier-note')).toContainText(
    'Tjeklisten »Kort kontakt (telefon/hjemmebesøg)« er begyndt ved et tidligere møde',
  );
  await panel.field(/Aftaler og næste skridt/).fill('Ingen.');
  await expect(panel.frame.getByTestId('checklist-warning')).toHaveCount(0);
  await panel.field(/Hvad blev oplyst/).fill('Borgeren ringede.');
  await panel.insert();
  await panel.chooseTarget('Notat (tekst)');
  await expect(panel.templateStatus).toContainText('indsat');
  await panel.frame.getByRole('tab', { name: 'Tjeklister' }).click();
  await expect(panel.frame.getByTestId('checklist-run')).toHaveCount(1);
  await expect(panel.frame.getByTestId('finished-run')).toHaveCount(0);
});
