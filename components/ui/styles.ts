/**
 * The shared design tokens: Tailwind class strings for inputs and buttons.
 * Pages built with their own style sheet (summary, access report) list this
 * folder in their `@source` so the classes are generated there too.
 */

/** A compact input in a section (summary facts, contacts, deadlines). */
export const inputClass =
  'w-full rounded border border-slate-400 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-700';
/** An input in a labelled form that marks itself invalid (`aria-invalid`); the caller adds the top margin. */
export const validatedInputClass =
  'block w-full rounded border border-slate-400 px-2 py-1 text-sm focus:border-sky-700 focus:outline-2 focus:outline-sky-700 aria-invalid:border-red-700';
/** An input in the lock forms (passphrase, recovery key). */
export const lockInputClass = 'mt-1 w-full rounded border border-slate-500 px-2 py-1';

/** An ordinary button next to a section's content. */
export const buttonClass =
  'rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
/** A secondary button on a white card that can be disabled (the pack editor). */
export const secondaryButtonClass =
  'rounded border border-slate-400 bg-white px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:text-slate-400';
/** The one main action of a view. */
export const primaryButtonClass =
  'rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
/** The main action when it can be disabled (the lock forms). */
export const primaryDisabledButtonClass = `${primaryButtonClass} disabled:bg-slate-500`;
/** A button that reads as a link. */
export const linkButtonClass = 'text-sm text-sky-800 underline hover:text-sky-950';
