import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '@/components/ui/i18n';

export type UsageStatus = { tone: 'ok' | 'error'; key: MessageKey; params?: Record<string, string | number> } | null;

/** The outcome of an action in the usage section, announced to screen readers. */
export function StatusLine({ status, testId }: { status: UsageStatus; testId: string }) {
  const t = useT();
  const tone = status?.tone === 'ok' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900';
  return (
    <div role="status" className="mt-2 text-sm" data-testid={testId}>
      {status && <p className={`rounded p-2 ${tone}`}>{t(status.key, status.params)}</p>}
    </div>
  );
}

/** The kit's buttons, and a red one for erasing. */
export { buttonClass as usageButton, primaryButtonClass as usagePrimary } from '@/components/ui/styles';
export const usageDanger =
  'rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';
