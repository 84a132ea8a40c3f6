import { describe, expect, it } from 'vitest';
import { defaultPack } from './default-pack';
import { packSchema } from './schema';
import { addDays, allExpired, expiringWithin, isInForce } from './validity';

const pack = () => packSchema.parse(structuredClone(defaultPack));
const item = (id: string, validFrom: string, validTo?: string, replaces?: string) => ({
  id,
  title: id,
  validFrom,
  validTo,
  replaces,
});

describe('validity in time', () => {
  it('an item is in force from its first to its last day, not before or after', () => {
    const x = item('a', '2026-07-01', '2026-12-31');
    expect(isInForce(x, '2026-06-30')).toBe(false);
    expect(isInForce(x, '2026-07-01')).toBe(true);
    expect(isInForce(x, '2026-12-31')).toBe(true);
    expect(isInForce(x, '2027-01-01')).toBe(false);
    expect(isInForce(item('b', '2026-07-01'), '2099-01-01')).toBe(true);
  });

  it('lists what expires within 60 days, soonest first, with its successor or none', () => {
    const p = {
      templates: [
        item('old', '2026-07-01', '2026-12-31'),
        item('new', '2027-01-01', undefined, 'old'),
        item('later', '2026-07-01', '2027-03-01'),
        item('gone', '2026-07-01', '2026-11-30'),
      ],
      checklists: [item('soon', '2026-07-01', '2026-12-10')],
    };
    expect(expiringWithin(p, '2026-12-06')).toEqual([
      { kind: 'checklist', id: 'soon', title: 'soon', validTo: '2026-12-10', successor: null },
      {
        kind: 'template',
        id: 'old',
        title: 'old',
        validTo: '2026-12-31',
        successor: { id: 'new', title: 'new', validFrom: '2027-01-01' },
      },
    ]);
    expect(expiringWithin(p, '2026-12-06', 90).map((e) => e.id)).toContain('later');
    expect(addDays('2026-12-06', 60)).toBe('2027-02-04');
  });

  it('the default pack: on 6 December 2026 every item ends on 31 December 2026 or later, and those ending have no successor yet', () => {
    const p = pack();
    const soon = expiringWithin(p, '2026-12-06');
    const dated = [...p.templates, ...p.checklists].filter((i) => i.validTo);
    expect(soon).toHaveLength(dated.length);
    expect(soon.every((e) => e.validTo === '2026-12-31' && e.successor === null)).toBe(true);
    expect(allExpired(p, '2026-12-06')).toBe(false);
    // Items on rules that do not change (forvaltningsloven, offentlighedsloven) stay in force.
    expect(allExpired(p, '2027-01-01')).toBe(false);
  });

  it('says when all of a pack has expired', () => {
    const p = {
      templates: [item('a', '2026-01-01', '2026-12-31')],
      checklists: [item('b', '2026-01-01', '2026-06-30')],
    };
    expect(allExpired(p, '2026-12-31')).toBe(false);
    expect(allExpired(p, '2027-01-01')).toBe(true);
    expect(allExpired({ templates: [], checklists: [] }, '2027-01-01')).toBe(false);
    expect(
      allExpired({ validTo: '2026-12-31', templates: [item('c', '2026-01-01')], checklists: [] }, '2027-01-01'),
    ).toBe(true);
  });
});
