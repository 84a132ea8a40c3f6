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
