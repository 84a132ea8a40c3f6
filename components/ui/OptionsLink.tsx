import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';

/** A link-styled button that opens the options page (the case system has no other way in: no toolbar action). */
export function OptionsLink({ className = '', children }: { className?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={`text-sky-800 underline hover:text-sky-950 ${className}`}
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      {children}
    </button>
  );
}
