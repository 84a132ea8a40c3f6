import { useT } from './i18n';

/**
 * Runs what follows an operation that has already happened (a marker, a fresh
 * record): returns why it failed, or undefined. The operation's own message
 * stands; a failure here is said beside it (AfterwardsFailed), never as
 * "nothing has changed".
 */
export async function afterwards(steps: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await steps();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function AfterwardsFailed({ error }: { error: string }) {
  const t = useT();
  return (
    <p className="mt-1 rounded bg-amber-50 p-2 text-amber-900" data-testid="afterwards-failed">
      {t('common.afterwardsFailed', { error })}
    </p>
  );
}
