import { lazySchema, z } from '../zod';
import { CITIZEN_FIELD_IDS } from '../host/citizen-fields';
import { fieldReaderSchema } from '../host/adapter';
import {
  INSERT_OUTCOMES,
  LAYOUT_MODES,
  MAX_INSERT_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_PREFER_CHARS,
  MAX_TARGET_ID_CHARS,
  PANEL_MAX_WIDTH,
  PANEL_MIN_WIDTH,
} from './constants';

/**
 * The one message contract of Sidevogn, named by direction. Every receiver
 * parses what it receives and drops what does not fit, including anything
 * larger than MAX_MESSAGE_CHARS. The panel and service worker parse with these
 * schemas; the content script, which must stay tiny, uses the equivalent guards
 * in ./host-guards (a test keeps the two in agreement).
 */

const cpr = lazySchema(() => z.string().regex(/^\d{6}-\d{4}$/));
const shortText = lazySchema(() => z.string().max(500));

export const citizenOnPageSchema = lazySchema(() =>
  z.strictObject({
    cpr,
    name: shortText,
    facts: z.partialRecord(z.enum(CITIZEN_FIELD_IDS), shortText),
  }),
);

/** What the content script found on the host page. */
export const detectionSchema = lazySchema(() =>
  z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('none') }),
    /** The page has a citizen field, but no CPR in it can be read. */
    z.strictObject({ status: z.literal('unreadable') }),
    z.strictObject({ status: z.literal('found'), citizen: citizenOnPageSchema }),
    z.strictObject({ status: z.literal('ambiguous'), candidates: z.array(citizenOnPageSchema).min(2).max(20) }),
    /** More citizens than the panel offers as a choice (a list page). */
    z.strictObject({ status: z.literal('many'), count: z.int().min(21) }),
    /** The bridge sent a citizen message that failed validation: the panel shows no citizen, and says so. */
    z.strictObject({ status: z.literal('invalid') }),
  ]),
);

export const layoutModeSchema = lazySchema(() => z.enum(LAYOUT_MODES));
const panelWidth = lazySchema(() => z.int().min(PANEL_MIN_WIDTH).max(PANEL_MAX_WIDTH));

export const layoutSchema = lazySchema(() =>
  z.strictObject({
    collapsed: z.boolean(),
    width: panelWidth,
    mode: layoutModeSchema,
  }),
);

const requestId = lazySchema(() => z.string().min(1).max(64));

export const insertOutcomeSchema = lazySchema(() => z.enum(INSERT_OUTCOMES));

const targetId = lazySchema(() => z.string().min(1).max(MAX_TARGET_ID_CHARS));
const targetChoiceSchema = lazySchema(() =>
  z.strictObject({ id: targetId, label: z.string().max(200), role: z.string().max(32).optional() }),
);

/** Content script → panel, over the tab-scoped port the panel opened. */
export const hostToPanelSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('citizen'), detection: detectionSchema }),
    z.strictObject({
      type: z.literal('layout'),
      layout: layoutSchema,
      /** Push mode is set aside: the page is too large to lay out again (lib/host/panel-frame.ts). */
      heavy: z.boolean(),
    }),
    /**
     * The host shows a modal <dialog>: everything outside it, the in-page panel
     * included, is inert until it closes (lib/host/page-script.ts).
     */
    z.strictObject({ type: z.literal('modal'), open: z.boolean() }),
    /**
     * Push mode is set aside on this page: something of the host at the right
     * edge cannot be moved clear of the panel (lib/host/page-script.ts).
     */
    z.strictObject({ type: z.literal('push-blocked') }),
    z.strictObject({
      type: z.literal('insert-result'),
      requestId,
      outcome: insertOutcomeSchema,
      /** The host field's label, when the text went into one. */
      target: z.string().max(200).nullable(),
      /** With 'choose-target': the targets on the page, by the names the team lead gave them. */
      choices: z.array(targetChoiceSchema).max(20).optional(),
      /** Time spent inserting in the content script. */
      ms: z.number().nonnegative(),
    }),
    /** The targets on the page now, and the one the caret is in (asked with 'targets'). */
    z.strictObject({
      type: z.literal('targets'),
      requestId,
      targets: z.array(targetChoiceSchema).max(20),
      current: targetId.nullable(),
      /** The caret is in a field that is none of the targets: an insert will ask. */
      elsewhere: z.boolean(),
    }),
  ]),
);

/** Panel → content script, over the same port. */
export const panelToHostSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('set-collapsed'), collapsed: z.boolean() }),
    z.strictObject({ type: z.literal('set-width'), width: panelWidth }),
    z.strictObject({ type: z.literal('set-mode'), mode: layoutModeSchema }),
    /** Put text the caseworker approved into the host's journal field. */
    z.strictObject({
      type: z.literal('insert'),
      requestId,
      text: z.string().min(1).max(MAX_INSERT_CHARS),
      /** The target the caseworker chose; else the caret's, the preferred or the only one. */
      target: targetId.optional(),
      prefer: z.string().min(1).max(MAX_PREFER_CHARS).optional(),
      /** The citizen the text was written for: the field script refuses it on another citizen's page. */
      citizen: cpr.optional(),
    }),
    /** Which targets are on the page, and which one the caret is in. */
    z.strictObject({ type: z.literal('targets'), requestId }),
  ]),
);

/** Service worker → content script (tabs.sendMessage). */
export const backgroundToHostSchema = lazySchema(() =>
  z.discriminatedUnion('type', [z.strictObject({ type: z.literal('toggle-panel') })]),
);

/**
 * The bridge → service worker (runtime.sendMessage): whether this tab wants the
 * browser's side panel (side layout, or a modal dialog that makes the in-page
 * panel inert). The worker enables the side panel for the tab, so the toggle
 * command can open it synchronously in its handler (lib/background/side-panel.ts).
 */
export const hostToBackgroundSchema = lazySchema(() =>
  z.strictObject({ type: z.literal('side-panel'), wanted: z.boolean() }),
);

/**
 * The field script's shortcut listener → the panel of its tab (runtime.sendMessage;
 * lib/host/shortcut-api.ts): open a template's form, or the picker, aimed at a
 * taught target. Only ids: nothing typed in the host.
 */
export const fieldsToPanelSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('shortcut'),
      requestId,
      templateId: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,79}$/),
      target: targetId,
    }),
    z.strictObject({ type: z.literal('shortcut-picker'), requestId, target: targetId }),
  ]),
);

/** The panel → the field script (tabs.sendMessage, top frame): the caseworker cancelled; put the shortcut back. */
export const shortcutCancelSchema = lazySchema(() => z.strictObject({ type: z.literal('shortcut-cancel'), requestId }));

/** The field script → service worker: which key opens the panel (for the hint when the side panel is closed). */
export const toggleKeyQuestionSchema = lazySchema(() => z.strictObject({ type: z.literal('toggle-key') }));

/**
 * The field script → service worker: the caseworker is at work in the case system (a key
 * or a click there, at most one message each 10 s), which keeps the idle lock off
 * (lib/crypto/idle.ts). Nothing of what was typed.
 */
export const hostActivitySchema = lazySchema(() => z.strictObject({ type: z.literal('host-activity') }));

/** Extension pages (panel, options) → service worker (runtime.sendMessage). */
export const extensionToBackgroundSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    /** Deadlines were added, changed or removed: reschedule the reminder alarm. */
    z.strictObject({ type: z.literal('deadlines-changed') }),
  ]),
);

/** What the element picker proposes: selectors only, no values read from the page. */
export const pickedSelectorsSchema = lazySchema(() =>
  z.strictObject({
    cpr: fieldReaderSchema,
    name: fieldReaderSchema,
    fields: z.partialRecord(z.enum(CITIZEN_FIELD_IDS), fieldReaderSchema),
    /** The record each citizen stands in, inferred on a page showing several CPRs (the adapter's `citizen.scope`). */
    scope: z.string().trim().min(1).max(500).optional(),
    /** The page showed several CPRs and no record could be inferred: the options page asks. */
    severalCitizens: z.boolean().optional(),
    /** The fields notes go into, each with the name the host shows for it. */
    targets: z.array(z.strictObject({ selector: z.string().min(1).max(500), label: z.string().max(100) })).max(10),
  }),
);

/** Element picker (injected on demand into the case-system tab) → options page. */
export const pickerToOptionsSchema = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('picker-done'), picks: pickedSelectorsSchema }),
    z.strictObject({ type: z.literal('picker-cancelled') }),
  ]),
);

export type CitizenOnPage = z.infer<typeof citizenOnPageSchema>;
export type Detection = z.infer<typeof detectionSchema>;
export type Layout = z.infer<typeof layoutSchema>;
export type LayoutMode = z.infer<typeof layoutModeSchema>;
export type HostToPanel = z.infer<typeof hostToPanelSchema>;
export type PanelToHost = z.infer<typeof panelToHostSchema>;
export type HostToBackground = z.infer<typeof hostToBackgroundSchema>;
export type HostActivity = z.infer<typeof hostActivitySchema>;
export type BackgroundToHost = z.infer<typeof backgroundToHostSchema>;
export type InsertOutcome = z.infer<typeof insertOutcomeSchema>;
export type ExtensionToBackground = z.infer<typeof extensionToBackgroundSchema>;
export type PickedSelectors = z.infer<typeof pickedSelectorsSchema>;
export type PickerToOptions = z.infer<typeof pickerToOptionsSchema>;
export type FieldsToPanel = z.infer<typeof fieldsToPanelSchema>;
export type ShortcutCancel = z.infer<typeof shortcutCancelSchema>;

export function isWithinSizeLimit(raw: unknown): boolean {
  try {
    return (JSON.stringify(raw)?.length ?? 0) <= MAX_MESSAGE_CHARS;
  } catch {
    return false;
  }
}

/** Parses a received message; undefined means drop it. Never logs the content. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (!isWithinSizeLimit(raw)) return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** Content script → its own panel frame (window.postMessage): the port's token (see PANEL_PORT_NAME). */
export const panelTokenSchema = lazySchema(() => z.string().regex(/^[0-9a-f]{32}$/));

export type TargetChoice = z.infer<typeof targetChoiceSchema>;
