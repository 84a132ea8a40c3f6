import { describe, expect, it } from 'vitest';
import { StoredDataError } from '@/lib/db/records';
import { demoAdapter } from '@/lib/host/demo-adapter';
import { sealRecord } from '@/lib/db/sealed';
import { testKey, freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('summaries', () => {
  it('keeps the caseworker’s text with when it changed; an unchanged save writes nothing', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.repo.summaries.setText(key, 'goal', 'Blive elektriker');
    const first = await t.repo.summaries.get(key);
    await t.repo.summaries.setText(key, 'goal', 'Blive elektriker');
    expect((await t.repo.summaries.get(key)).text.goal).toEqual(first.text.goal);
    await t.repo.summaries.setText(key, 'goal', '');
    expect((await t.repo.summaries.get(key)).text.goal).toBeUndefined();
  });

  it('records when a host fact last changed, and never lets it overwrite the caseworker’s own value', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.repo.summaries.observeHostFacts(key, { naesteMoede: '03.12.2026 kl. 10:00' });
    const seen = (await t.repo.summaries.get(key)).hostFacts.naesteMoede!.at;
    await t.repo.summaries.observeHostFacts(key, { naesteMoede: '03.12.2026 kl. 10:00' });
    expect((await t.repo.summaries.get(key)).hostFacts.naesteMoede!.at).toBe(seen);
    await t.repo.summaries.setOwnFact(key, 'naesteMoede', '10.12.2026 kl. 09:00');
    await t.repo.summaries.observeHostFacts(key, { naesteMoede: '05.12.2026 kl. 11:00' });
    const s = await t.repo.summaries.get(key);
    expect(s.hostFacts.naesteMoede!.value).toBe('05.12.2026 kl. 11:00');
    expect(s.hostFacts.naesteMoede!.at).toBeGreaterThan(seen);
    expect(s.ownFacts.naesteMoede!.value).toBe('10.12.2026 kl. 09:00');
    await t.repo.summaries.observeHostFacts(key, {});
    expect((await t.repo.summaries.get(key)).hostFacts.naesteMoede).toBeUndefined();
  });

  it('adds, edits and removes contacts; refuses an empty name', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.repo.summaries.saveContact(key, { role: 'laege', name: 'Dr. Hansen', detail: '70 10 20 30' });
    const [contact] = (await t.repo.summaries.get(key)).contacts;
    await t.repo.summaries.saveContact(key, { ...contact!, detail: 'ny tlf.' });
    expect((await t.repo.summaries.get(key)).contacts).toEqual([expect.objectContaining({ detail: 'ny tlf.' })]);
    await expect(t.repo.summaries.saveContact(key, { role: 'mentor', name: ' ', detail: '' })).rejects.toThrow();
    await t.repo.summaries.removeContact(key, contact!.id);
    expect((await t.repo.summaries.get(key)).contacts).toEqual([]);
  });

  it('fails loudly on a stored summary of the wrong shape', async () => {
    const key = await t.repo.citizens.open('070761-4285', 'Mette');
    await t.db.summaries.put(await sealRecord(testKey, 'summaries', { citizenKey: key, text: 'oops' }));
    await expect(t.repo.summaries.get(key)).rejects.toBeInstanceOf(StoredDataError);
  });
});

describe('deadlines and the caseload', () => {
  it('lists open deadlines first by due day; the caseload shows each citizen’s next open one', async () => {
    const a = await t.repo.citizens.open('070761-4285', 'Anna');
    const b = await t.repo.citizens.open('010190-1234', 'Bo');
    const late = await t.repo.deadlines.add(a, 'Revurdering', '2026-12-20');
    await t.repo.deadlines.add(a, 'Opfølgning', '2026-11-01');
    const done = await t.repo.deadlines.add(a, 'Første samtale', '2026-10-01');
    await t.repo.deadlines.setDone(done.id, true);
    await expect(t.repo.deadlines.add(b, 'Dato', '20.11.2026')).rejects.toThrow();

    expect((await t.repo.deadlines.list(a)).map((d) => d.title)).toEqual([
      'Opfølgning',
      'Revurdering',
      'Første samtale',
    ]);
    expect(await t.repo.deadlines.openDueDays()).toEqual(['2026-11-01', '2026-12-20']);
    const caseload = await t.repo.caseload.list('2026-11-23');
    expect(caseload.map((c) => [c.name, c.nextDeadline?.title ?? null, c.overdue])).toEqual([
      ['Anna', 'Opfølgning', 1],
      ['Bo', null, 0],
    ]);
    await t.repo.deadlines.remove(late.id);
    expect(await t.repo.deadlines.openDueDays()).toEqual(['2026-11-01']);
  });
});

describe('adapters', () => {
  it('stores only valid adapters, with the schema’s errors for a bad one', async () => {
    await t.repo.adapters.save({ ...demoAdapter, id: 'fagsystem-nord', matches: ['http://127.0.0.2/*'] });
    expect((await t.repo.adapters.list()).map((a) => a.id)).toEqual(['fagsystem-nord']);
    await expect(t.repo.adapters.save({ ...demoAdapter, id: 'Bad Id' })).rejects.toThrow(/lower-case/);
    await t.repo.adapters.remove('fagsystem-nord');
    expect(await t.repo.adapters.list()).toEqual([]);
  });
});
