import { maskCpr } from '@/lib/cpr/cpr';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { usePanelStore } from '@/lib/panel/panel-store';
import { Notice } from '@/components/ui/Notice';
import { useT } from '@/components/ui/i18n';

export function CitizenChoice({ candidates }: { candidates: CitizenOnPage[] }) {
  const t = useT();
  const choose = usePanelStore((s) => s.chooseCitizen);
  return (
    <Notice tone="warning" title={t('choice.title')} body={t('choice.body')}>
      <ul className="mt-3 space-y-2">
        {candidates.map((c) => (
          <li key={c.cpr}>
            <button
              type="button"
              className="w-full rounded border border-slate-400 bg-white px-3 py-2 text-left hover:border-sky-700 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-700"
              onClick={() => choose(c.cpr)}
            >
              <span className="block font-semibold">{c.name || t('citizen.noName')}</span>
              <span className="block font-mono text-sm text-slate-700">{maskCpr(c.cpr)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
