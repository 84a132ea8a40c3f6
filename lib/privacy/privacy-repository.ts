import type { DataContext } from '../db/data-context';
import { countCitizenData, eraseAllCitizenData, eraseCitizens } from './citizen-data';

/** Counting and erasing a citizen's data by the clear indexes (./citizen-data); reading is the domain repositories'. */
export function createPrivacyRepository({ db }: DataContext) {
  return {
    count: (citizenKey: string) => countCitizenData(db, citizenKey),
    erase: (citizenKey: string) => eraseCitizens(db, [citizenKey]),
    eraseAll: () => eraseAllCitizenData(db),
    citizenKeys: async () => (await db.citizens.toCollection().primaryKeys()) as string[],
  };
}

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
