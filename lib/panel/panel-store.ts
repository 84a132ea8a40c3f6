import { create } from 'zustand';
import { DEFAULT_LAYOUT } from '../messaging/constants';
import type { CitizenOnPage, Detection, Layout } from '../messaging/protocol';
import type { SaveFailure } from '../db/storage-errors';

/** The panel's UI state: what the host page shows, layout, and view choices. */

export type Connection = 'connecting' | 'connected' | 'disconnected';
/** Where this panel page is shown: a frame in the host page, or the browser's side panel. */
export type Surface = 'frame' | 'side';
export type PanelTab = 'summary' | 'notes' | 'templates' | 'checklists' | 'history';

/**
 * A template to open (or the picker to show) in the templates tab: from a
 * shortcut typed in a host field (aimed at that target, with the field
 * script's request id for the cancel), or to reopen a refused form.
 */
export type TemplateRequest =
  | { kind: 'template'; templateId: string; target?: string; requestId?: string; cpr?: string }
  | { kind: 'picker'; target: string; requestId: string };

/** Whether a form's values are kept as a draft: stored, nothing to keep, or why the save failed. */
export type DraftKept = 'kept' | 'none' | SaveFailure;

/** A note not inserted because the page showed another citizen than the form's (issue 32, item 2). */
export interface Refused {
  cpr: string;
  name: string;
  templateId?: string;
  /** The form's draft, once written after the refusal (until then, nothing is said of it). */
  draft?: DraftKept;
  /** The panel has shown another citizen since (coming back to them reopens the form). */
  away?: boolean;
}

export interface PanelState {
  connection: Connection;
  /**
   * The bridge in this tab accepted the handshake (its first message arrived).
   * Until then a frame renders nothing but "Forbinder …" and tracks no activity:
   * its URL can be copied and framed by another page (issue 27, item 9).
   */
  linked: boolean;
  detection: Detection;
  layout: Layout;
  /** The host page is too large to push aside, so the panel lies over it whatever the mode. */
  heavyHost: boolean;
  surface: Surface;
  /** The host shows a modal dialog: an in-page panel is inert until it closes. */
  modalOpen: boolean;
  /** The host cannot be pushed aside without breaking its layout: the panel lies over it. */
  pushBlocked: boolean;
  /** On a page with several citizens: the CPR the caseworker chose. */
  chosenCpr: string | null;
  cprRevealed: boolean;
  /** The citizen tab in view; it stays when the caseworker moves to another citizen. */
  tab: PanelTab;
  templateRequest: TemplateRequest | null;
  /** The template form open in the templates tab, open again on coming back to the tab (same citizen only). */
  openForm: { citizenKey: string; templateId: string } | null;
  refused: Refused | null;
  setConnection(connection: Connection): void;
  setLinked(): void;
  setDetection(detection: Detection): void;
  setLayout(layout: Layout, heavyHost?: boolean): void;
  setSurface(surface: Surface): void;
  setModalOpen(open: boolean): void;
  setPushBlocked(): void;
  chooseCitizen(cpr: string | null): void;
  toggleCprRevealed(): void;
  setTab(tab: PanelTab): void;
  requestTemplate(request: TemplateRequest | null): void;
  setOpenForm(openForm: PanelState['openForm']): void;
  setRefused(refused: Refused | null): void;
  /** What became of the refused form's draft: only on the refusal it belongs to, whatever changed it since. */
  setRefusedDraft(of: Refused, draft: DraftKept): void;
  /** The panel has shown another citizen since the refusal. */
  markRefusedAway(): void;
}

export const usePanelStore = create<PanelState>()((set, get) => ({
  connection: 'connecting',
  linked: false,
  detection: { status: 'none' },
  layout: DEFAULT_LAYOUT,
  heavyHost: false,
  surface: 'frame',
  modalOpen: false,
  pushBlocked: false,
  chosenCpr: null,
  cprRevealed: false,
  tab: 'summary',
  templateRequest: null,
  openForm: null,
  refused: null,
  setConnection: (connection) => set({ connection }),
  setLinked: () => set({ linked: true }),
  setDetection: (detection) => {
    const { chosenCpr } = get();
    const stillShown = detection.status === 'ambiguous' && detection.candidates.some((c) => c.cpr === chosenCpr);
    const sameCitizen = activeCitizenOf(detection, chosenCpr)?.cpr === selectActiveCitizen(get())?.cpr;
    set({
      detection,
      chosenCpr: stillShown ? chosenCpr : null,
      // A revealed CPR is hidden again as soon as the citizen changes.
      cprRevealed: sameCitizen ? get().cprRevealed : false,
    });
  },
  setLayout: (layout, heavyHost) => set(heavyHost === undefined ? { layout } : { layout, heavyHost }),
  setSurface: (surface) => set({ surface }),
  setModalOpen: (modalOpen) => set({ modalOpen }),
  setPushBlocked: () => set({ pushBlocked: true }),
  chooseCitizen: (chosenCpr) => set({ chosenCpr, cprRevealed: false }),
  toggleCprRevealed: () => set((s) => ({ cprRevealed: !s.cprRevealed })),
  setTab: (tab) => set({ tab }),
  requestTemplate: (templateRequest) => set({ templateRequest }),
  setOpenForm: (openForm) => set({ openForm }),
  setRefused: (refused) => set({ refused }),
  setRefusedDraft: (of, draft) =>
    set((s) =>
      s.refused && s.refused.cpr === of.cpr && s.refused.templateId === of.templateId
        ? { refused: { ...s.refused, draft } }
        : {},
    ),
  markRefusedAway: () => set((s) => (s.refused && !s.refused.away ? { refused: { ...s.refused, away: true } } : {})),
}));

function activeCitizenOf(detection: Detection, chosenCpr: string | null): CitizenOnPage | undefined {
  if (detection.status === 'found') return detection.citizen;
  if (detection.status === 'ambiguous') return detection.candidates.find((c) => c.cpr === chosenCpr);
  return undefined;
}

/** The citizen the panel works on, if the page names one unambiguously or the caseworker chose. */
export const selectActiveCitizen = (s: PanelState): CitizenOnPage | undefined =>
  activeCitizenOf(s.detection, s.chosenCpr);
