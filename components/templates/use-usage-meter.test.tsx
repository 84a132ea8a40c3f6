// @vitest-environment happy-dom
import { act, StrictMode, useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { UsageRepository } from '@/lib/usage/repository';
import type { TemplateUseInput } from '@/lib/usage/repository';
import { renderSettled, unmount } from '../../tests/unit/react-root';
import { useUsageMeter } from './use-usage-meter';

const TEMPLATE = { id: 'samtale', title: 'Samtale' };
let meter: ReturnType<typeof useUsageMeter>;

function fakeUsage() {
  const uses: TemplateUseInput[] = [];
  const usage = { templateUsed: vi.fn((u: TemplateUseInput) => void uses.push(u)) } as unknown as UsageRepository;
  return { usage, uses };
}

function Form(props: { usage: UsageRepository; citizen: string; loaded: boolean; hadDraft: boolean }) {
  const m = useUsageMeter(props.usage, props.citizen, TEMPLATE.id, props);
  useEffect(() => {
    meter = m;
  });
  return (
    <form {...m.handlers}>
      <input aria-label="felt" />
    </form>
  );
}

/** Mounts the form as the panel does: its values load after the first render (and strict mode's effect rerun). */
async function mount(props: Parameters<typeof Form>[0]) {
  const render = (loaded: boolean) =>
    renderSettled(
      <StrictMode>
        <Form {...props} loaded={loaded} />
      </StrictMode>,
    );
  await render(false);
  return (await render(props.loaded)).querySelector('input')!;
}

const key = (input: HTMLInputElement, k: string) =>
  act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('the usage meter of a template form', () => {
  it('counts keys (not modifier keys alone) and clicks, never what was typed', async () => {
    const { usage, uses } = fakeUsage();
    const input = await mount({ usage, citizen: 'a'.repeat(32), loaded: true, hadDraft: false });
    for (const k of ['Shift', 'H', 'e', 'j', 'Backspace', 'Control', 'Tab']) await key(input, k);
    await act(() => void input.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })));
    await act(() => meter.templateUsed(TEMPLATE, 'Hej med dig'));
    expect(uses).toEqual([
      expect.objectContaining({ templateId: 'samtale', noteChars: 11, keystrokes: 5, clicks: 1, resumed: false }),
    ]);
    expect(JSON.stringify(uses)).not.toContain('Hej');
    // The next use starts from nothing.
    await act(() => meter.templateUsed(TEMPLATE, 'x'));
    expect(uses[1]).toMatchObject({ keystrokes: 0, clicks: 0, resumed: false });
  });

  it('a draft from an earlier session counts as resumed; one left and taken up in this panel does not', async () => {
    const { usage, uses } = fakeUsage();
    await mount({ usage, citizen: 'b'.repeat(32), loaded: true, hadDraft: true });
    await act(() => meter.templateUsed(TEMPLATE, 'x'));
    expect(uses[0]).toMatchObject({ resumed: true });

    // Opened here, left for another tab (unmounted), taken up again: its time goes on counting.
    await unmount();
    await mount({ usage, citizen: 'c'.repeat(32), loaded: true, hadDraft: false });
    await unmount();
    await mount({ usage, citizen: 'c'.repeat(32), loaded: true, hadDraft: true });
    await act(() => meter.templateUsed(TEMPLATE, 'x'));
    expect(uses[1]).toMatchObject({ resumed: false });
  });
});
