import * as data from '../case-system/public/data.js';

export interface DemoCitizen {
  caseId: string;
  name: string;
  cpr: string;
  malgruppe: string;
  husstand: string | null;
}

export const citizens = data.citizens as DemoCitizen[];
export const MOD11_FAILING_CASE_ID = data.MOD11_FAILING_CASE_ID as string;

export function citizen(index: number): DemoCitizen {
  const c = citizens[index];
  if (!c) throw new Error(`No demo citizen #${index}`);
  return c;
}

export const masked = (cpr: string) => `${cpr.slice(0, 6)}-••••`;
