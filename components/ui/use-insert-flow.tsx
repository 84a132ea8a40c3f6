import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { MessageKey } from '@/lib/i18n/messages';
import type { CitizenOnPage, TargetChoice } from '@/lib/messaging/protocol';
import { usePanelStore } from '@/lib/panel/panel-store';
import {
  INSERT_TIMEOUT_MS,
  NoAnswerError,
  type HostConnection,
  type InsertResult,
  type TargetsView,
} from '@/lib/panel/host-connection';
import { backToHost } from '@/lib/panel/focus';
import { expectedTarget, loadTargetChoice, saveTargetChoice, type Expected } from '@/lib/panel/target-choice';
import { PanelHiddenError, type Hidden } from '@/lib/panel/visibility';
import { useT } from './i18n';
import { usePanelServices } from './panel-services';

/** How an insertion ended, after any copy to the clipboard. */
export interface Delivered {
  outcome: InsertResult['outcome'];
  /** The target's name when the text was read back there; else null. */
  target: string | null;
  /** The status line to show. */
  status: { tone: 'ok' | 'warning'; key: MessageKey; params?: Record<string, string> };
}

const COPY_KEY: Partial<Record<InsertResult['outcome'], MessageKey>> = {
  'too-long': 'templates.tooLong',
  'not-verified': 'templates.notVerified',
  'not-writable': 'templates.notWritable',
};

export const HIDDEN_KEY: Record<Hidden, MessageKey> = {
  hidden: 'insert.hidden',
  'just-shown': 'insert.justShown',
  unsupported: 'insert.unsupported',
};

/**
 * The page shows another citizen than the one the text was written for: nothing
 * was inserted (the field script checked the page at the moment of insertion).
 */
export class WrongCitizenError extends Error {
  constructor(readonly citizen: CitizenOnPage) {
    super('The page shows another citizen');
  }
}

/** The status line for an insertion that failed: refused while the panel could not be seen, or an error. */
export function insertFailure(e: unknown): {
  tone: 'error' | 'warning';
  key: MessageKey;
  params?: Record<string, string>;
} {
  if (e instanceof PanelHiddenError) return { tone: 'error', key: HIDDEN_KEY[e.reason] };
  if (e instanceof NoAnswerError)
    return { tone: 'warning', key: 'insert.noAnswer', params: { seconds: String(INSERT_TIMEOUT_MS / 1000) } };
  if (e instanceof WrongCitizenError)
    return { tone: 'error', key: 'insert.wrongCitizen', params: { name: e.citizen.name } };
  return { tone: 'error', key: 'templates.copyFailed', params: { error: e instanceof Error ? e.message : String(e) } };
}

/** How an insertion ended: read back in the target, or else copied to the clipboard. */
async function settle(text: string, result: InsertResult, host: HostConnection): Promise<Delivered> {
  if (result.outcome === 'inserted')
    return {
      outcome: result.outcome,
      target: result.target ?? '',
      status: { tone: 'ok', key: 'templates.inserted', params: { target: result.target ?? '' } },
    };
  // The insertion focused the host's field; the clipboard takes text only from a focused document.
  window.focus();
  await navigator.clipboard.writeText(text);
  // Not seen in the field after all: back there, where Ctrl+V puts the note.
  if (result.outcome === 'not-verified') backToHost(host);
  return {
    outcome: result.outcome,
    target: null,
    status: {
      tone: 'warning',
      key: COPY_KEY[result.outcome] ?? 'templates.copied',
      params: { target: result.target ?? '' },
    },
  };
}

/** Where a confirmed insertion will go, read fresh from the page. */
export interface InsertPlan {
  expected: Expected;
  /** The page's targets, for the caseworker to choose from when `expected` asks. */
  choices: TargetChoice[];
}

/**
 * The host connection whose every insertion names the citizen the text was
 * written for; refused on a page that shows another (WrongCitizenError).
 */
function useCitizenHost(citizen: CitizenOnPage | undefined, template: string | undefined) {
  const { host: connection } = usePanelServices();
  const cpr = citizen?.cpr;
  return useMemo(
    () => ({
      ...connection,
      insert: async (...[text, request = {}, options]: Parameters<typeof connection.insert>) => {
        const result = await connection.insert(text, cpr ? { ...request, citizen: cpr } : request, options);
        if (result.outcome === 'wrong-citizen' && citizen) {
          usePanelStore.getState().setRefused({ cpr: citizen.cpr, name: citizen.name, templateId: template });
          throw new WrongCitizenError(citizen);
        }
        return result;
      },
    }),
    [connection, cpr, citizen, template],
  );
}

/**
 * The page's insert targets, looked at again each time the caseworker comes
 * back to the panel, and the target remembered for `rememberAs`.
 */
function useTargets(host: { targets(): Promise<TargetsView> }, rememberAs: string | undefined) {
  const [view, setView] = useState<TargetsView | null>(null);
  const [remembered, setRemembered] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    if (rememberAs) void loadTargetChoice(rememberAs).then((label) => live && setRemembered(label));
    // Where the caret is changes while the caseworker works in the host: look again on coming back.
    const look = () =>
      void host.targets().then(
        (next) => live && setView(next),
        () => live && setView(null),
      );
    look();
    window.addEventListener('focus', look);
    return () => {
      live = false;
      window.removeEventListener('focus', look);
    };
  }, [host, rememberAs]);
  /** Keeps the field chosen for next time; a failure to keep it changes nothing of the delivery. */
  const remember = useCallback(
    (label: string) => {
      if (!rememberAs) return;
      setRemembered(label);
      void saveTargetChoice(rememberAs, label).catch(() => undefined);
    },
    [rememberAs],
  );
  return { view, setView, remembered, remember };
}

/** The question which field a note goes into, open: what to insert, and whom to tell how it ended. */
interface Asking {
  text: string;
  choices: TargetChoice[];
  done(d: Delivered): Promise<void>;
  unknown(e: NoAnswerError | WrongCitizenError): Promise<void>;
}

/**
 * Copies `text` again (a note that went only to the clipboard): like every copy,
 * only while the panel can be seen. Resolves the line that says how it went.
 */
export async function copyWhileSeen(
  host: Pick<HostConnection, 'hiddenSettled'>,
  text: string,
): Promise<{ tone: 'ok' | 'error'; key: MessageKey; params?: Record<string, string> }> {
  const hidden = await host.hiddenSettled();
  if (hidden) return { tone: 'error', key: HIDDEN_KEY[hidden] };
  try {
    window.focus();
    await navigator.clipboard.writeText(text);
    return { tone: 'ok', key: 'templates.copiedAgain' };
  } catch (e) {
    return {
      tone: 'error',
      key: 'templates.copyAgainFailed',
      params: { error: e instanceof Error ? e.message : String(e) },
    };
  }
}

interface InsertFlowOptions {
  rememberAs?: string;
  prefer?: string;
  aim?: string;
  citizen?: CitizenOnPage;
  /** The template whose form this is: it opens again when the caseworker goes back to `citizen`. */
  template?: string;
}

/**
 * Inserting a note into the case system: the line that says where it will go,
 * the question when the page has several fields and the caret is in none, the
 * copy when it could not be read back there. `rememberAs` (a template id) keeps
 * the caseworker's answer to that question; `prefer` is the template's role;
 * `aim` the target a shortcut typed in the host's field named. Every insertion
 * carries `citizen`: on a page that shows another citizen it is refused
 * (WrongCitizenError), nothing is copied, and the panel offers to go back.
 */
export function useInsertFlow({ rememberAs, prefer, aim, citizen, template }: InsertFlowOptions = {}) {
  const host = useCitizenHost(citizen, template);
  const { view, setView, remembered, remember } = useTargets(host, rememberAs);
  const [asking, setAsking] = useState<Asking>();
  const [askRefused, setAskRefused] = useState<{ key: MessageKey; params?: Record<string, string> } | null>(null);
  const firstChoice = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) firstChoice.current?.focus();
  }, [asking]);

  /**
   * Inserts `text`; `done` runs once it is settled (at once, or after the caseworker chose a
   * field). `unknown` is told when the page did not answer the insertion into the chosen field
   * (it may be in), or refused it for another citizen: the question closes, as asking again
   * would invite a second insertion, or one for the wrong citizen.
   */
  const run = useCallback(
    async (
      text: string,
      done: (delivered: Delivered) => Promise<void>,
      unknown: (e: NoAnswerError | WrongCitizenError) => Promise<void>,
    ) => {
      const result = await host.insert(text, aim !== undefined ? { target: aim } : { prefer: remembered ?? prefer });
      if (result.outcome === 'choose-target' && result.choices?.length) {
        setAsking({ text, choices: result.choices, done, unknown });
        return;
      }
      await done(await settle(text, result, host));
    },
    [host, prefer, remembered, aim],
  );

  const choose = async (choice: TargetChoice | null) => {
    const pending = asking;
    if (!pending) return;
    const hidden = host.hidden();
    // The copy moves the text out of Sidevogn too: only while the panel can be seen.
    if (hidden) return setAskRefused({ key: HIDDEN_KEY[hidden] });
    setAskRefused(null);
    setAsking(undefined);
    let result: InsertResult;
    try {
      result = choice
        ? await host.insert(pending.text, { target: choice.id })
        : ({ outcome: 'no-target', target: null, ms: 0 } as InsertResult);
    } catch (e) {
      // Not answered (it may be in), or refused for another citizen: asking again would not help.
      if (e instanceof NoAnswerError || e instanceof WrongCitizenError) return pending.unknown(e);
      // Refused before anything was sent: ask again, and say why nothing happened.
      setAsking(pending);
      setAskRefused(insertFailure(e));
      return;
    }
    let delivered: Delivered;
    try {
      delivered = await settle(pending.text, result, host);
    } catch (e) {
      // Neither read back in the field nor copied: ask again, and say why.
      setAsking(pending);
      setAskRefused(insertFailure(e));
      return;
    }
    if (choice && result.outcome === 'inserted') remember(choice.label);
    await pending.done(delivered);
  };

  /** Where a confirmed insertion will go (the handover's confirmation shows it before the click). */
  const plan = useCallback(async (): Promise<InsertPlan> => {
    const fresh = await host.targets().catch(() => null);
    if (fresh) setView(fresh);
    return {
      expected: fresh ? expectedTarget(fresh, remembered ?? prefer) : { kind: 'none' },
      choices: fresh?.targets ?? [],
    };
  }, [host, prefer, remembered, setView]);

  /**
   * The confirming click: inserts `text` into exactly the target shown (or copies
   * it when `target` is null), once the observer has reported that the panel
   * could be seen at the click. Throws PanelHiddenError when it could not.
   */
  const confirmed = useCallback(
    async (text: string, target: TargetChoice | null, done: (delivered: Delivered) => Promise<void>) => {
      const result = target
        ? await host.insert(text, { target: target.id }, { settle: true })
        : await host.hiddenSettled().then((hidden): InsertResult => {
            if (hidden) throw new PanelHiddenError(hidden);
            return { outcome: 'no-target', target: null, ms: 0 };
          });
      const delivered = await settle(text, result, host);
      if (target && result.outcome === 'inserted') remember(target.label);
      await done(delivered);
    },
    [host, remember],
  );

  // Its line is there before the page's fields are known: the insert button below must not move
  // under a click when they are (it did, 24 px, about 70 ms after a form opened).
  const targetLine: ReactNode = view ? (
    <TargetLine expected={expectedTarget(view, remembered ?? prefer)} />
  ) : (
    <p className="mt-2 min-h-4 text-xs" aria-hidden="true" />
  );
  const chooser: ReactNode = asking && (
    <TargetChooser choices={asking.choices} refused={askRefused} firstChoice={firstChoice} onChoose={choose} />
  );

  return { run, plan, confirmed, targetLine, chooser, asking: !!asking };
}

/** Where the note will go: the target the caseworker will see it in, a question, or the clipboard. */
function TargetLine({ expected }: { expected: Expected }) {
  const t = useT();
  return (
    <p className="mt-2 text-xs text-slate-700" data-testid="insert-target">
      {expected.kind === 'target'
        ? t('templates.goesInto', { target: expected.label })
        : expected.kind === 'ask'
          ? t('templates.goesIntoAsk')
          : t('templates.goesIntoNone')}
    </p>
  );
}

/** The question when the page has several fields and the caret is in none; the copy is the way out. */
function TargetChooser({
  choices,
  refused,
  firstChoice,
  onChoose,
}: {
  choices: TargetChoice[];
  refused: { key: MessageKey; params?: Record<string, string> } | null;
  firstChoice: RefObject<HTMLButtonElement | null>;
  onChoose(choice: TargetChoice | null): Promise<void>;
}) {
  const t = useT();
  return (
    <fieldset className="mt-2 rounded border border-sky-700 p-2" data-testid="insert-chooser">
      <legend className="px-1 text-sm font-semibold">{t('templates.chooseTarget')}</legend>
      {refused && (
        <p role="alert" className="mb-2 rounded bg-red-50 p-2 text-sm text-red-900">
          {t(refused.key, refused.params)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {choices.map((c, i) => (
          <button
            key={c.id}
            ref={i === 0 ? firstChoice : undefined}
            type="button"
            className="rounded border border-sky-800 px-3 py-1.5 text-sm hover:bg-sky-50"
            onClick={() => void onChoose(c)}
          >
            {c.label}
          </button>
        ))}
        <button
          type="button"
          className="rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100"
          onClick={() => void onChoose(null)}
        >
          {t('templates.copyInstead')}
        </button>
      </div>
    </fieldset>
  );
}
