import { useEffect, useState } from 'react';
import { useT } from '@/components/ui/i18n';
import type { OptionsSection } from './sections';

/** The id of the block that holds the lock gate: where a locked section's link leads while locked. */
export const LOCK_BLOCK_ID = 'options-lock';

const hashId = (ids: readonly string[]): string | null => {
  const id = decodeURIComponent(location.hash.slice(1));
  return ids.includes(id) ? id : null;
};

/** The section the address names (`options.html#pakker`), following the back and forward buttons. */
export function useHashSection(ids: readonly string[]): string | null {
  const [selected, setSelected] = useState(() => hashId(ids));
  useEffect(() => {
    const follow = () => setSelected(hashId(ids));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [ids]);
  return selected;
}

/**
 * Brings a section to the top and moves focus to its first heading, so keyboard
 * and screen-reader users land where they asked to go. While Sidevogn is locked
 * a locked section is not rendered: its link leads to the unlock form instead.
 */
export function showSection(id: string): void {
  const section = document.getElementById(id);
  if (!section) {
    document.getElementById(LOCK_BLOCK_ID)?.scrollIntoView({ block: 'start' });
    return;
  }
  section.scrollIntoView({ block: 'start' });
  keepAtTop(section);
  const heading = section.querySelector<HTMLElement>('h2') ?? section;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}

const SETTLE_MS = 3000;
let stopKeeping: (() => void) | null = null;

/**
 * The sections above load their lists after the page opens and push a section
 * shown from the address down: keep it at the top while the page settles, until
 * the caseworker scrolls, types or clicks.
 */
function keepAtTop(section: HTMLElement): void {
  stopKeeping?.();
  const observer = new ResizeObserver(() => section.scrollIntoView({ block: 'start' }));
  const events = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const e of events) window.removeEventListener(e, stop, true);
    if (stopKeeping === stop) stopKeeping = null;
  };
  const timer = setTimeout(stop, SETTLE_MS);
  // The page's content (html and body are as tall as the window, so they never resize).
  observer.observe(section.closest('main') ?? document.body);
  for (const e of events) window.addEventListener(e, stop, { capture: true, passive: true });
  stopKeeping = stop;
}

/** The side menu: one link per section; the one the address names is marked as the current place. */
export function OptionsNav({ sections, selected }: { sections: readonly OptionsSection[]; selected: string | null }) {
  const t = useT();
  return (
    <nav
      aria-label={t('options.nav.label')}
      className="mb-6 md:sticky md:top-4 md:mb-0 md:max-h-[calc(100vh-2rem)] md:overflow-y-auto"
    >
      <ul className="flex flex-wrap gap-x-4 gap-y-1 md:flex-col md:gap-0.5">
        {sections.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              aria-current={selected === s.id ? 'location' : undefined}
              className={`block rounded px-2 py-1 text-sm ${
                selected === s.id ? 'bg-sky-100 font-semibold text-sky-950' : 'text-sky-800 underline md:no-underline'
              } hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-800`}
              onClick={(e) => {
                // The same link again: the address does not change, so show the section here.
                if (location.hash !== `#${s.id}`) return;
                e.preventDefault();
                showSection(s.id);
              }}
            >
              {t(s.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A section's anchor: shows itself when the address names it, also when it mounts later (after unlocking). */
export function SectionAnchor({
  id,
  selected,
  children,
}: {
  id: string;
  selected: boolean;
  children: React.ReactNode;
}) {
  useEffect(() => {
    if (selected) showSection(id);
  }, [id, selected]);
  return (
    <div id={id} className="scroll-mt-4 [&>section:first-child]:mt-8">
      {children}
    </div>
  );
}
