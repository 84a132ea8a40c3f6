import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshTestRepository } from '../../tests/unit/test-key';

const t = freshTestRepository();

describe('database', () => {
  it('opens with strict durability', () => {
    expect(
      (t.db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability,
    ).toBe('strict');
    expect(Dexie.semVer).toMatch(/^4\./);
  });
});
