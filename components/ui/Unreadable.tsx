import { Component, type ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import { Notice } from './Notice';
import { useT } from './i18n';

type UnreadableKey = Extract<MessageKey, `storage.unreadable.${string}`>;

/**
 * Says how many stored records a view could not read (lib/db/sealed.ts
 * openReadable) and that nothing was deleted; nothing when every row read.
 */
export function UnreadableNotice({ count, message }: { count: number; message: UnreadableKey }) {
  const t = useT();
  if (count === 0) return null;
  return <Notice tone="warning" title={t(message, { count })} />;
}

function ViewFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <Notice tone="error" title={t('storage.unreadable.view')}>
      <button type="button" className="mt-2 underline" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Notice>
  );
}

/**
 * A view whose reads throw while rendering (useLiveQuery rethrows a stored row
 * that fails its schema, e.g. the one summary row) shows a message here
 * instead of unmounting the whole panel; the rest of the panel stays, and
 * nothing is written. Key it by the view, so another tab starts afresh.
 */
export class ReadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) return <ViewFailed onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}
