import { urgencyOf, type DueStatus, type Urgency } from '@/lib/summary/deadlines';
import { useT } from '@/components/ui/i18n';

/** Overdue red, near amber (lib/summary/deadlines.ts NEAR_DAYS), in words as well as colour; AA contrast. */
const tone: Record<Urgency, string> = {
  overdue: 'bg-red-700 font-semibold text-white',
  near: 'bg-amber-200 font-semibold text-amber-950',
  later: 'bg-slate-100 font-medium text-slate-800',
  done: 'bg-green-50 font-medium text-green-900',
};

/** A deadline's or meeting's status as a small badge: "overskredet 2 dage", "om 2 dage", "i dag" … */
export function StatusBadge({ status }: { status: DueStatus }) {
  const t = useT();
  const urgency = urgencyOf(status);
  const text =
    status.kind === 'overdue'
      ? status.days === 0
        ? t('meeting.passedToday')
        : t('deadline.overdue', { days: status.days })
      : status.kind === 'today'
        ? t('deadline.today')
        : status.kind === 'upcoming'
          ? t('deadline.inDays', { days: status.days })
          : t('deadline.done');
  return (
    <span
      className={`shrink-0 rounded px-1.5 text-xs leading-4 whitespace-nowrap ${tone[urgency]}`}
      data-testid="due-badge"
      data-urgency={urgency}
    >
      {text}
    </span>
  );
}
