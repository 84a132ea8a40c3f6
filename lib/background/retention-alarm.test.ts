import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS } from '../db/privacy';
import { checkDataLoss, markCitizenData, readDataMarker } from '../backup/marker';
import { freshTestRepository } from '../../tests/unit/test-key';
import { runRetention } from './retention-alarm';

const DAY = 86_400_000;
const fresh = freshTestRepository();
const aCitizenRow = (lastActivityAt: number) =>
  fresh.db.citizens.put({
    key: 'a'.repeat(32),
    lastActivityAt,
    sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) },
  });

describe('retention at browser start', () => {
  it('reports a database that came back empty as lost instead of clearing the marker', async () => {
    await markCitizenData(100);
    expect(await runRetention(fresh.db, 200)).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100, lostAt: 200 });
    // The first page to open finds the loss.
    expect(await checkDataLoss(fresh.db, 300)).toEqual({ lostAt: 200 });
  });

  it('deleting every citizen on purpose is not a loss: the marker follows', async () => {
    await aCitizenRow(1);
    await markCitizenData(100);
    const now = 1 + (DEFAULT_RETENTION_DAYS + 1) * DAY;
    expect(await runRetention(fresh.db, now)).toBe(1);
    expect(await fresh.db.citizens.count()).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: false, at: now });
    expect(await checkDataLoss(fresh.db, now + 1)).toBeNull();
  });

  it('a citizen still within the retention period keeps the marker as it is', async () => {
    await aCitizenRow(1_000);
    await markCitizenData(100);
    expect(await runRetention(fresh.db, 2_000)).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100 });
  });
});
