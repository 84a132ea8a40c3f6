// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLayout, createPanelFrame, PUSH_MAX_ELEMENTS } from './panel-frame';

const pushStyle = () => document.getElementById('sidevogn-push-style')?.textContent;

describe('applyLayout', () => {
  beforeEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  it('pushes an ordinary page aside by the panel width, and the folded tab width', () => {
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    expect(applyLayout(document, frame, { collapsed: false, width: 420, mode: 'push' })).toBe(false);
    expect(pushStyle()).toBe('html{margin-right:420px !important}');
    applyLayout(document, frame, { collapsed: true, width: 420, mode: 'push' });
    expect(pushStyle()).toBe('html{margin-right:36px !important}');
    applyLayout(document, frame, { collapsed: false, width: 420, mode: 'overlay' });
    expect(pushStyle()).toBeUndefined();
  });

  it('lies over a page too large to lay out again, and says so', () => {
    const table = document.createElement('table');
    for (let i = 0; i < PUSH_MAX_ELEMENTS / 2; i++) table.append(document.createElement('tr'));
    document.body.append(table);
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'push' })).toBe(false);
    expect(pushStyle()).toBeDefined();

    for (let i = 0; i < PUSH_MAX_ELEMENTS / 2; i++) table.append(document.createElement('tr'));
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'push' })).toBe(true);
    expect(pushStyle()).toBeUndefined();
    expect(frame.style.width).toBe('400px');
    // Overlay was chosen anyway: nothing was set aside.
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'overlay' })).toBe(false);
  });
});
