import { useEffect, useRef, useState } from 'react';
import type { CitizenOnPage, TargetChoice } from '@/lib/messaging/protocol';
import { loadCaseworkerName } from '@/lib/panel/preferences';
import { localDay } from '@/lib/summary/dates';
import { HANDOVER_TITLE, renderHandover } from '@/lib/summary/handover';
import { useT } from '@/components/ui/i18n';
import { usePanelServices } from '@/components/ui/panel-services';
import { buttonClass, primaryButtonClass } from '@/components/ui/styles';
import { flushAllAutosaves } from '@/components/ui/use-autosave';
import { openOwnPage } from '@/components/ui/open-page';
import { HIDDEN_KEY, insertFailure, useInsertFlow, type InsertPlan } from '@/components/ui/use-insert-flow';
import { FailedStep, afterwards, type OutcomeStatus } from '@/components/ui/Afterwards';

/** Print and hand over are not everyday actions: small, on one line above the overview. */
const smallButtonClass =
  'rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-700';
const smallPrimaryClass =
  'rounded bg-sky-800 px-2 py-0.5 text-xs font-medium text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700';

/** `after`: what could not be recorded after the note was delivered (said beside it). */
type Status = OutcomeStatus | null;

/**
 * Print the summary on one A4 page, or insert it into the journal as a handover
 * note. The handover carries the caseworker's private fields (health, barriers,
 * contacts), so it is never one click: the first shows the exact text and the
 * field it goes into, and only a click on that confirmation inserts it, into
 * that field, and only while the panel can be seen (issue 27, item 1).
 */
export function SummaryActions({ citizen, citizenKey }: { citizen: CitizenOnPage; citizenKey: string }) {
  const t = useT();
  const { repository, host } = usePanelServices();
  // Written for this citizen: refused on a page that shows another (components/shared/use-insert-flow.tsx).
  const flow = useInsertFlow({ rememberAs: 'handover', prefer: 'journal', citizen });
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<{ text: string; plan: InsertPlan } | null>(null);

  // What is still being typed goes in too: write it first, then read the stored summary.
  const note = async () => {
    await flushAllAutosaves();
    return renderHandover({
      today: localDay(Date.now()),
      name: citizen.name,
      caseworker: await loadCaseworkerName(),
      summary: await repository.summaries.get(citizenKey),
      deadlines: await repository.deadlines.list(citizenKey),
    });
  };

  // The first click: refused while the panel cannot be seen, else the confirmation. It waits
  // for the visibility observer's report on the moment of the click (about 250 ms), so a page
  // that hides the panel just before the click is caught here too, not only at the confirming click.
  const prepare = async () => {
    setStatus(null);
    const hidden = await host.hiddenSettled();
    if (hidden) return setStatus({ tone: 'error', key: HIDDEN_KEY[hidden] });
    setBusy(true);
    try {
      const [text, plan] = await Promise.all([note(), flow.plan()]);
      setConfirming({ text, plan });
    } catch (e) {
      setStatus(insertFailure(e));
    } finally {
      setBusy(false);
    }
  };

  // The confirming click: the same insertion path and history as a template (components/templates/TemplateForm.tsx).
  const insert = async (text: string, target: TargetChoice | null) => {
    setBusy(true);
    setStatus(null);
    try {
      await flow.confirmed(text, target, async ({ target: into, status: next }) => {
        setConfirming(null);
        setStatus(next);
        // Delivered as `next` says, whatever fails from here (afterwards): said beside it.
        const after = await afterwards([() => repository.summaries.handoverInserted(citizenKey, HANDOVER_TITLE, into)]);
        if (after) setStatus({ ...next, after });
      });
    } catch (e) {
      setStatus(insertFailure(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={smallButtonClass}
          onClick={() => {
            setStatus(null);
            void openOwnPage('/summary.html', { citizen: citizenKey, print: '1' }).then(
              (error) => error && setStatus({ tone: 'error', key: 'common.openFailed', params: { error } }),
            );
          }}
        >
          {t('summary.print')}
        </button>
        <button
          type="button"
          className={smallPrimaryClass}
          aria-disabled={busy}
          onClick={() => void (busy || prepare())}
        >
          {busy && !confirming ? t('templates.inserting') : t('summary.handover')}
        </button>
      </div>
      {/* Where it goes is said in the confirmation (the everyday view stays short). */}
      {confirming && (
        <HandoverConfirm
          text={confirming.text}
          plan={confirming.plan}
          busy={busy}
          onInsert={(target) => void (busy || insert(confirming.text, target))}
          onCancel={() => setConfirming(null)}
        />
      )}
      <div role="status" className="text-sm" data-testid="summary-status">
        {status && (
          <p
            className={`mt-2 rounded p-2 ${status.tone === 'ok' ? 'bg-green-50 text-green-900' : status.tone === 'warning' ? 'bg-amber-50 text-amber-900' : 'bg-red-50 text-red-900'}`}
          >
            {t(status.key, status.params)}
          </p>
        )}
      </div>
      {status?.after && <FailedStep message="insert.notRecorded" failure={status.after} testId="not-recorded" />}
    </div>
  );
}

/** The handover note's exact text and the field it goes into, for a confirming click. */
function HandoverConfirm({
  text,
  plan,
  busy,
  onInsert,
  onCancel,
}: {
  text: string;
  plan: InsertPlan;
  busy: boolean;
  onInsert(target: TargetChoice | null): void;
  onCancel(): void;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { expected, choices } = plan;
  const targets: TargetChoice[] =
    expected.kind === 'target' ? choices.filter((c) => c.id === expected.id) : expected.kind === 'ask' ? choices : [];
  return (
    <section
      className="mt-2 rounded border border-sky-700 p-2"
      aria-labelledby="handover-confirm-title"
      data-testid="handover-confirm"
    >
      <h3 id="handover-confirm-title" ref={heading} tabIndex={-1} className="text-sm font-semibold">
        {t('handover.confirm.title')}
      </h3>
      <p className="mt-1 text-sm">
        {expected.kind === 'target'
          ? t('handover.confirm.goesInto', { target: expected.label })
          : expected.kind === 'ask'
            ? t('handover.confirm.ask')
            : t('handover.confirm.none')}
      </p>
      <pre
        className="mt-1 max-h-64 overflow-y-auto rounded bg-slate-50 p-2 font-sans text-xs whitespace-pre-wrap text-slate-900"
        tabIndex={0}
        aria-label={t('handover.confirm.title')}
        data-testid="handover-text"
      >
        {text}
      </pre>
      <div className="mt-2 flex flex-wrap gap-2">
        {targets.map((target) => (
          <button
            key={target.id}
            type="button"
            className={primaryButtonClass}
            aria-disabled={busy}
            onClick={() => onInsert(target)}
          >
            {busy ? t('templates.inserting') : t('handover.confirm.insertInto', { target: target.label })}
          </button>
        ))}
        {targets.length === 0 && (
          <button type="button" className={primaryButtonClass} aria-disabled={busy} onClick={() => onInsert(null)}>
            {t('handover.confirm.copy')}
          </button>
        )}
        <button type="button" className={buttonClass} onClick={onCancel}>
          {t('handover.confirm.cancel')}
        </button>
      </div>
    </section>
  );
}
