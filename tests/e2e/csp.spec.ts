import type { BrowserContext, Frame, Page } from '@playwright/test';
import { citizen } from './demo-data';
import { openOptions, panelFrame } from './extension';
import { expect, test } from './fixtures';

/**
 * The extension's pages keep to their content security policy (MV3's default:
 * no eval, no inline script): nothing in them even tries, so DevTools lists no
 * CSP issue for them. zod would try eval once per page, as a feature probe,
 * unless lib/zod.ts sets it up first.
 */

/** The CSP issues DevTools holds for a page or frame; Audits.enable replays those raised before. */
async function cspIssues(context: BrowserContext, target: Page | Frame) {
  const cdp = await context.newCDPSession(target);
  const issues: string[] = [];
  cdp.on('Audits.issueAdded', ({ issue }) => {
    const details = issue.details.contentSecurityPolicyIssueDetails;
    if (details) issues.push(`${details.contentSecurityPolicyViolationType} ${details.sourceCodeLocation?.url ?? ''}`);
  });
  await cdp.send('Audits.enable');
  return {
    issues,
    /**
     * Proves the issues reach us: an inline script added now is refused, and
     * its issue arrives after any replayed one.
     */
    async refuseInlineScript() {
      // Page and Frame evaluate alike; TypeScript cannot call the union's overloads.
      await (target as Page).evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.title = "ran"';
        document.head.append(script);
      });
      await expect.poll(() => issues.some((i) => i.startsWith('kInlineViolation'))).toBe(true);
    },
  };
}

test('the panel and the options page raise no CSP violation: nothing in them tries eval', async ({
  context,
  caseSystem,
}) => {
  const shown = citizen(0);
  await caseSystem.gotoCase(shown.caseId);
  await expect(caseSystem.panel.citizenName).toHaveText(shown.name);
  const frame = panelFrame(caseSystem.page);
  const options = await openOptions(context);

  for (const [where, target] of [
    ['panel', frame],
    ['options', options],
  ] as const) {
    const seen = await cspIssues(context, target);
    await seen.refuseInlineScript();
    expect(
      seen.issues.filter((i) => !i.startsWith('kInlineViolation')),
      `${where}: CSP issues other than the one provoked`,
    ).toEqual([]);
  }
});
