import type { TemplateField } from '@/lib/templates/schema';
import { fieldDomId } from '@/components/ui/FieldInput';

/** The key that goes to the first required field still missing (Alt+N, "næste"); also on the footer's button. */
export const NEXT_MISSING_KEY = 'Alt+N';

/** Alt+N, by the key's place (so Option+N on a Mac, which types a dead key, matches too); AltGr (Ctrl+Alt) does not. */
export const isNextMissingKey = (e: {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}) => e.code === 'KeyN' && e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;

/**
 * Focuses a field's control by the field's DOM id: a text field, select or
 * date input itself; in a fieldset (yes/no radios, checkboxes) the checked
 * input or else the first, where Tab would land. False when there is none.
 */
export function focusField(doc: Document, id: string): boolean {
  const el = doc.getElementById(id);
  const control = el?.tagName === 'FIELDSET' ? (el.querySelector('input:checked') ?? el.querySelector('input')) : el;
  if (!(control instanceof HTMLElement)) return false;
  control.focus();
  return doc.activeElement === control;
}

/** Focuses the first required field still missing (the form's order); false when none is. */
export function focusFirstMissing(doc: Document, missing: readonly TemplateField[]): boolean {
  const first = missing[0];
  return !!first && focusField(doc, fieldDomId(first.id));
}
