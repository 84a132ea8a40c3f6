/**
 * Validity in time of a pack's templates and checklists: which are in force
 * today, which expire soon (and whether a successor takes over), and whether a
 * pack has nothing left in force. Dates are ISO (YYYY-MM-DD), compared as text.
 */

export interface Dated {
  id: string;
  title: string;
  validFrom: string;
  validTo?: string | undefined;
  replaces?: string | undefined;
}

export interface DatedPack {
  validTo?: string | undefined;
  templates: Dated[];
  checklists: Dated[];
}

export const isExpired = (item: Pick<Dated, 'validTo'>, today: string) => !!item.validTo && item.validTo < today;

export const isNotYetValid = (item: Pick<Dated, 'validFrom'>, today: string) => today < item.validFrom;

/** In force today: begun and not ended. */
export const isInForce = (item: Dated, today: string) => !isExpired(item, today) && !isNotYetValid(item, today);

export interface Expiring {
  kind: 'template' | 'checklist';
  id: string;
  title: string;
  validTo: string;
  /** The item that names this one in `replaces`, if any. */
  successor: { id: string; title: string; validFrom: string } | null;
}

/** Adds `days` to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Items still in force today whose last day falls within `days` days, soonest first. */
export function expiringWithin(pack: DatedPack, today: string, days = 60): Expiring[] {
  const last = addDays(today, days);
  const out: Expiring[] = [];
  for (const [kind, items] of [
    ['template', pack.templates],
    ['checklist', pack.checklists],
  ] as const) {
    for (const item of items) {
      if (!item.validTo || item.validTo < today || item.validTo > last) continue;
      const next = items.find((x) => x.replaces === item.id);
      out.push({
        kind,
        id: item.id,
        title: item.title,
        validTo: item.validTo,
        successor: next ? { id: next.id, title: next.title, validFrom: next.validFrom } : null,
      });
    }
  }
  return out.sort((a, b) => a.validTo.localeCompare(b.validTo) || a.title.localeCompare(b.title, 'da'));
}

/** Whether a pack has items and every one of them (or the pack itself) has expired. */
export function allExpired(pack: DatedPack, today: string): boolean {
  if (pack.validTo && pack.validTo < today) return true;
  const items = [...pack.templates, ...pack.checklists];
  return items.length > 0 && items.every((i) => isExpired(i, today));
}
