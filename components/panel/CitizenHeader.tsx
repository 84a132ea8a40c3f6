import { maskCpr } from '@/lib/cpr/cpr';
import type { CitizenOnPage } from '@/lib/messaging/protocol';
import { usePanelStore } from '@/lib/panel/panel-store';
import { useT } from '@/components/ui/i18n';

export function CitizenHeader({ citizen }: { citizen: CitizenOnPage }) {
  const t = useT();
  const revealed = usePanelStore((s) => s.cprRevealed);
  const toggle = usePanelStore((s) => s.toggleCprRevealed);
  const several = usePanelStore((s) => s.detection.status === 'ambiguous');
  const choose = usePanelStore((s) => s.chooseCitizen);

  return (
    <section className="border-b border-slate-300 bg-slate-50 px-4 py-3" aria-labelledby="citizen-name">
      <h1 id="citizen-name" className="text-lg leading-tight font-semibold">
        {citizen.name || t('citizen.noName')}
      </h1>
      <div className="mt-1 flex items-center gap-3 text-sm">
        <button
          type="button"
          data-testid="citizen-cpr"
          className="shrink-0 rounded font-mono whitespace-nowrap text-slate-800 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-sky-700"
          aria-pressed={revealed}
          aria-label={`CPR ${revealed ? citizen.cpr : maskCpr(citizen.cpr)}. ${t(revealed ? 'citizen.cprShown' : 'citizen.cprMasked')}`}
          title={t(revealed ? 'citizen.cprShown' : 'citizen.cprMasked')}
          onClick={toggle}
        >
          {revealed ? citizen.cpr : maskCpr(citizen.cpr)}
        </button>
        {citizen.facts.malgruppe && <span className="text-slate-700">{citizen.facts.malgruppe}</span>}
        {several && (
          <button
            type="button"
            className="ml-auto text-sky-800 underline hover:text-sky-950"
            onClick={() => choose(null)}
          >
            {t('choice.change')}
          </button>
        )}
      </div>
    </section>
  );
}
