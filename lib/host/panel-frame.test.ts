// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLayout, createPanelFrame, PUSH_MAX_ELEMENTS, removePushMargin } from './panel-frame';

const pushMargin = () => document.documentElement.style.getPropertyValue('margin-right');
const pushPriority = () => document.documentElement.style.getPropertyPriority('margin-right');

describe('applyLayout', () => {
  beforeEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
  });

  it('pushes an ordinary page aside by the panel width, and the folded tab width', () => {
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    expect(applyLayout(document, frame, { collapsed: false, width: 420, mode: 'push' })).toBe(false);
    expect([pushMargin(), pushPriority()]).toEqual(['420px', 'important']);
    applyLayout(document, frame, { collapsed: true, width: 420, mode: 'push' });
    expect(pushMargin()).toBe('36px');
    applyLayout(document, frame, { collapsed: false, width: 420, mode: 'overlay' });
    expect(pushMargin()).toBe('');
  });

  it('gives the host back its own inline margin when it stops pushing', () => {
    document.documentElement.style.setProperty('margin-right', '12px');
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    applyLayout(document, frame, { collapsed: false, width: 400, mode: 'push' });
    expect([pushMargin(), pushPriority()]).toEqual(['400px', 'important']);
    removePushMargin(document);
    expect([pushMargin(), pushPriority()]).toEqual(['12px', '']);
    document.documentElement.style.removeProperty('margin-right');
  });

  it('lies over a page too large to lay out again, and says so', () => {
    const table = document.createElement('table');
    for (let i = 0; i < PUSH_MAX_ELEMENTS / 2; i++) table.append(document.createElement('tr'));
    document.body.append(table);
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'push' })).toBe(false);
    expect(pushMargin()).toBe('400px');

    for (let i = 0; i < PUSH_MAX_ELEMENTS / 2; i++) table.append(document.createElement('tr'));
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'push' })).toBe(true);
    expect(pushMargin()).toBe('');
    expect(frame.style.width).toBe('400px');
    // Overlay was chosen anyway: nothing was set aside.
    expect(applyLayout(document, frame, { collapsed: false, width: 400, mode: 'overlay' })).toBe(false);
  });
});

describe('the frame keeps its own style', () => {
  it('puts back at once what the page changes in the frame’s inline style, and keeps its own layout changes', async () => {
    const frame = createPanelFrame(document, 'chrome-extension://x/panel.html', 'Sidevogn');
    applyLayout(document, frame, { collapsed: false, width: 420, mode: 'overlay' });
    const ours = frame.style.cssText;
    frame.style.opacity = '0';
    frame.style.cssText += ';transform:translateX(2000px)';
    await Promise.resolve();
    expect(frame.style.cssText).toBe(ours);
    // The bridge's own change (folding) stays.
    applyLayout(document, frame, { collapsed: true, width: 420, mode: 'overlay' });
    await Promise.resolve();
    expect(frame.style.width).toBe('36px');
    frame.remove();
  });
});
