import { lazySchema, z } from '../zod';
import { CITIZEN_FIELD_IDS } from './citizen-fields';

/**
 * An adapter teaches Sidevogn one case system. It is data, not code: it ships in
 * packs and is built in the options page, so every part is validated here.
 */

const cssSelector = lazySchema(() =>
  z.string().trim().min(1, 'Selector must not be empty').max(500, 'Selector is too long'),
);

/** How to read one value from the page. */
export const fieldReaderSchema = lazySchema(() =>
  z.strictObject({
    selector: cssSelector,
    /** Read this attribute instead of the element's text (lower-cased, as HTML names it: the watch matches it exactly). */
    attribute: z.string().min(1).max(100).toLowerCase().optional(),
    /** A regular expression; the first capture group (or whole match) is the value. */
    pattern: z
      .string()
      .max(300)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'Not a valid regular expression')
      .optional(),
  }),
);

/**
 * A field Sidevogn may write into. `selector` may step into a same-origin
 * iframe's document or an open shadow root with `>>>` (`#journal_ifr >>> body`).
 */
export const journalTargetSchema = lazySchema(() =>
  z.strictObject({
    selector: cssSelector,
    /** The name the caseworker sees ("Journalnotat", "Intern bemærkning"). */
    label: z.string().min(1).max(100),
    /** What the field is for, so a template can name its default target: journal, remark, subject … */
    role: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,31}$/, 'Use lower-case letters, digits and hyphens')
      .optional(),
  }),
);

export const adapterSchema = lazySchema(() =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,63}$/, 'Use lower-case letters, digits, dots and hyphens'),
    name: z.string().min(1).max(100),
    version: z.number().int().min(1),
    /** WebExtension match patterns for the pages this adapter reads. */
    matches: z.array(z.string().regex(/^(https?|\*):\/\/[^/]+\/.*$/, 'Not a match pattern')).min(1),
    /** The host swaps content without reloading (pushState routing). */
    spa: z.boolean(),
    citizen: z.strictObject({
      /** Each element matching `scope` holds one citizen; without it, the page does. */
      scope: cssSelector.optional(),
      cpr: fieldReaderSchema,
      name: fieldReaderSchema,
      fields: z.partialRecord(z.enum(CITIZEN_FIELD_IDS), fieldReaderSchema).default({}),
    }),
    /** Host fields where the compulsory note is written, best first. */
    journal: z.array(journalTargetSchema).default([]),
  }),
);

export type FieldReader = z.infer<typeof fieldReaderSchema>;
export type Adapter = z.infer<typeof adapterSchema>;
