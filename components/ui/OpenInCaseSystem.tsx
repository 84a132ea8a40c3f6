import { useState } from 'react';
import type { Repositories } from '@/lib/repositories';
import { openCaseAddress } from '@/lib/summary/case-address';
import { useT } from './i18n';
import { buttonClass } from './styles';

/**
 * "Åbn i sagssystemet" for one citizen (the caseload list, the note search):
 * focuses the tab already showing where the case system last showed them, or
 * opens it in a new tab; a refusal says why, in place. `known`: an address
 * is remembered (without it there is nothing to open, and the row says so).
 */
export function OpenInCaseSystem({
  repository,
  citizenKey,
  name,
  known,
}: {
  repository: Pick<Repositories, 'citizens' | 'adapters'>;
  citizenKey: string;
  name: string;
  known: boolean;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  if (!known) return <span className="text-xs text-slate-600">{t('caseAddress.unknown')}</span>;

  const open = async () => {
    setProblem(null);
    try {
      const outcome = await openCaseAddress(repository, citizenKey);
      if (outcome.status !== 'refused') return;
      if (outcome.problem === 'untaught') setProblem(t('caseAddress.untaught', { origin: outcome.origin ?? '' }));
      else setProblem(t(outcome.problem === 'none' ? 'caseAddress.none' : 'caseAddress.invalid'));
    } catch (e) {
      setProblem(t('caseAddress.failed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <span className="inline-flex flex-col items-start gap-1">
      {/* The name says which citizen, for a screen reader going through a list of these buttons. */}
      <button
        type="button"
        className={buttonClass}
        aria-label={t('caseAddress.openFor', { name })}
        onClick={() => void open()}
      >
        {t('caseAddress.open')}
      </button>
      {problem && (
        <span role="alert" className="text-sm text-red-800">
          {problem}
        </span>
      )}
    </span>
  );
}
