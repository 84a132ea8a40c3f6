import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SidevognDb } from '../db/database';
import {
  acknowledgeDataLoss,
  backupReminderDue,
  checkDataLoss,
  markCitizenData,
  readDataMarker,
  syncDataMarker,
} from './marker';

let db: SidevognDb;
beforeEach(async () => {
  db = new SidevognDb(`test-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});
const aCitizenRow = () =>
  db.citizens.put({ key: 'a'.repeat(32), lastActivityAt: 1, sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'A'.repeat(24) } });

describe('data marker', () => {
  it('a fresh installation is not a loss', async () => {
    expect(await checkDataLoss(db)).toBeNull();
  });

  it('an empty database where the marker says data was: reported, and kept until acknowledged', async () => {
    await markCitizenData(100);
    expect(await readDataMarker()).toEqual({ citizens: true, at: 100 });
    expect(await checkDataLoss(db, 200)).toEqual({ lostAt: 200 });
    // Opening a citizen afterwards does not hide the finding.
    await aCitizenRow();
    await markCitizenData(250);
    await syncDataMarker(db, 260);
    expect(await checkDataLoss(db, 300)).toEqual({ lostAt: 200 });
    await acknowledgeDataLoss(db, 400);
    expect(await checkDataLoss(db, 500)).toBeNull();
    expect(await readDataMarker()).toEqual({ citizens: true, at: 400 });
  });

  it('a database with data, or emptied on purpose, is not a loss', async () => {
    await aCitizenRow();
    await markCitizenData(100);
    expect(await checkDataLoss(db)).toBeNull();
    await db.citizens.clear();
    await syncDataMarker(db, 200); // erase all / retention
    expect(await readDataMarker()).toEqual({ citizens: false, at: 200 });
    expect(await checkDataLoss(db)).toBeNull();
  });

  it('reminds about a backup only when there is data and none for 30 days', () => {
    const day = 86_400_000;
    expect(backupReminderDue(null, null, 0)).toBe(false);
    expect(backupReminderDue({ citizens: true, at: 0 }, null, 0)).toBe(true);
    expect(backupReminderDue({ citizens: true, at: 0 }, 0, 10 * day)).toBe(false);
    expect(backupReminderDue({ citizens: true, at: 0 }, 0, 31 * day)).toBe(true);
    expect(backupReminderDue({ citizens: false, at: 0 }, null, 31 * day)).toBe(false);
  });
});
