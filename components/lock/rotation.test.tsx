import { expect, it } from 'vitest';
import { fixedKey } from '../../tests/unit/fixed-key';
import { SidevognDb } from '@/lib/db/database';
import { setUpEncryption, unlock } from '@/lib/db/keyring-store';
import { openRows } from '@/lib/db/sealed';
import { createRepositories } from '@/lib/repositories';
import { startRotation } from './rotation';

const PASS = 'korrekt hest batteri hæfteklamme';
const NEW_PASS = 'blæksprutten synger i regnvejr om fredagen';

it('a record written under the old key as the new one is stored is re-encrypted without waiting for the caseworker to press on', async () => {
  const db = new SidevognDb(`rotation-${crypto.randomUUID()}`);
  await db.open();
  const { dataKey: oldKey } = await setUpEncryption(db, PASS);
  const repo = createRepositories(db, Date.now, fixedKey(oldKey));
  const anna = await repo.citizens.open('070761-4285', 'Anna Jensen');
  await startRotation(db, PASS, NEW_PASS);
  // A page that still had the old key in the moment of the commit writes with it.
  await repo.deadlines.add(anna, 'Skrevet med den gamle nøgle', '2027-01-01');
  const newKey = await unlock(db, NEW_PASS);
  // The recovery key is still on screen: nobody has pressed "Fortsæt" (finish()).
  const opensUnderNewKey = () =>
    db
      .table('deadlines')
      .toArray()
      .then((rows) => openRows(newKey, 'deadlines', rows))
      .then(
        () => true,
        () => false,
      );
  await expect.poll(opensUnderNewKey, { timeout: 5_000, interval: 200 }).toBe(true);
  db.close();
}, 20_000);
