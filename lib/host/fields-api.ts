import type { Detection, HostToPanel, InsertOutcome, PanelToHost } from '../messaging/protocol';
import type { Adapter } from './adapter';

/**
 * The contract between the bridge (host.js, ≤ 10 KB, on every case-system page
 * load) and the field script (host-fields.js): caret tracking, choosing and
 * verifying the target, inserting into the host's editors. Both are content
 * scripts of the same injection, so they share the isolated world; the field
 * script runs right after the bridge and leaves its API on the global object.
 */
export const FIELDS_GLOBAL = '__sidevognFields';

export interface TargetChoice {
  id: string;
  label: string;
  role?: string;
}

export interface InsertReport {
  outcome: InsertOutcome;
  /** The target's name, when the text went (or was meant to go) into one. */
  target: string | null;
  /** With 'choose-target': the targets on the page, for the caseworker to pick one. */
  choices?: TargetChoice[];
}

export interface InsertRequest {
  /** The target the caseworker chose (a TargetChoice id). */
  target?: string;
  /** The target a template prefers: an id, a role or a label. The caret still wins. */
  prefer?: string;
  /** The CPR of the citizen the text was written for: refused ('wrong-citizen') unless the page shows them. */
  citizen?: string;
}

/**
 * Reads the page's citizens now: the bridge's own reader, lent to the field script
 * so the reading code (and the CPR rules) ships once, in the bridge.
 */
export type ReadCitizens = () => Detection;

export interface FieldsApi {
  /** Answers an insert or targets request (checked by the bridge's guards) through `reply`. */
  answer(adapter: Adapter, message: PanelToHost, reply: (message: HostToPanel) => void, read: ReadCitizens): void;
  insert(adapter: Adapter, text: string, request: InsertRequest, read: ReadCitizens): Promise<InsertReport>;
  /** The targets on the page now, and the one the caret is in. */
  targets(adapter: Adapter): { targets: TargetChoice[]; current: string | null; elsewhere: boolean };
}

export const fieldsApi = (): FieldsApi | undefined =>
  (globalThis as unknown as Record<string, FieldsApi | undefined>)[FIELDS_GLOBAL];
