/**
 * Whether the caseworker's last input in this page was a key rather than the
 * pointer: a form opened by keyboard puts focus on its first empty required
 * field, one opened by a click does not (leaving that field for the one clicked
 * would mark it as touched). Listens from the first import, in the capture
 * phase, so it has seen the key or click that opens anything.
 */
let byKeyboard = false;

if (typeof document !== 'undefined') {
  document.addEventListener('keydown', () => (byKeyboard = true), { capture: true, passive: true });
  document.addEventListener('pointerdown', () => (byKeyboard = false), { capture: true, passive: true });
}

export const lastInputByKeyboard = (): boolean => byKeyboard;

/**
 * A submit button's click handler: the second click of a double click presses
 * nothing (a second checklist run, a second insertion, "Indsæt alligevel" past
 * a warning not yet seen).
 */
export const firstClickOnly = (e: { detail: number; preventDefault(): void }): void => {
  if (e.detail > 1) e.preventDefault();
};
