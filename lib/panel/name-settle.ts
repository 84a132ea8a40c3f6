import type { Detection } from '../messaging/protocol';

/** How long a new name beside the same CPR waits before the panel takes it (ms). */
export const NAME_SETTLE_MS = 750;

/** The same one citizen by CPR, with another name. */
function onlyNameChanged(current: Detection, next: Detection): boolean {
  return (
    current.status === 'found' &&
    next.status === 'found' &&
    current.citizen.cpr === next.citizen.cpr &&
    current.citizen.name !== next.citizen.name
  );
}

/**
 * Takes each detection the bridge reports, holding back one whose only change
 * is the name until NAME_SETTLE_MS pass with nothing newer. A host that shows
 * the next citizen's name before its CPR (the CPR in an attribute, or from a
 * later request) would otherwise have the panel pair the new name with the old
 * CPR: show the old citizen's notes under it, rename the old citizen's record
 * and remember the new page as theirs. A real change of name still comes, a
 * moment later; anything else (a new CPR, none) comes at once and drops it.
 */
export function settleDetections(
  current: () => Detection,
  apply: (detection: Detection) => void,
  ms = NAME_SETTLE_MS,
): (next: Detection) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (next) => {
    clearTimeout(timer);
    timer = undefined;
    if (onlyNameChanged(current(), next)) timer = setTimeout(() => apply(next), ms);
    else apply(next);
  };
}
