import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import { DEFAULT_RETENTION_DAYS } from '../db/privacy';
import { checkDataLoss, markCitizenData, readDataMarker } from '../backup/marker';
import { runRetention } from './retention-alarm';

const DAY = 86_400_000;
let db: SidevognDb;
beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});
const aCitizenRow = (lastActivityAt: number) =>
  db.citizens.put({ key: 'a'.repeat(32), lastActivityAt, sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) } });

describe('retention at browser start', () => {
  it('reports a database that came back empty as lost instead of clearing the marker', async () => {
    await markCitizenData(100);
    expect(await runRetention(db, 200)).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100, lostAt: 200 });
    // The first page to open finds the loss.
    expect(await checkDataLoss(db, 300)).toEqual({ lostAt: 200 });
  });

  it('deleting every citizen on purpose is not a loss: the marker follows', async () => {
    await aCitizenRow(1);
    await markCitizenData(100);
    const now = 1 + (DEFAULT_RETENTION_DAYS + 1) * DAY;
    expect(await runRetention(db, now)).toBe(1);
    expect(await db.citizens.count()).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: false, at: now });
    expect(await checkDataLoss(db, now + 1)).toBeNull();
  });

  it('a citizen still within the retention period keeps the marker as it is', async () => {
    await aCitizenRow(1_000);
    await markCitizenData(100);
    expect(await runRetention(db, 2_000)).toBe(0);
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100 });
  });
});
