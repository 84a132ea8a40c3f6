import type { Frame, Page } from '@playwright/test';
import axe from 'axe-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) inside a page or frame; returns the
 * violations. `include`: a CSS selector to check only that part (a new
 * section of a long page), else the whole document.
 */
export async function wcagViolations(target: Page | Frame, include?: string): Promise<AxeViolation[]> {
  await target.evaluate(axe.source);
  return target.evaluate(async (include) => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, include);
}
