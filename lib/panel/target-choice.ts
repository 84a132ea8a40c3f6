import { browser } from 'wxt/browser';
import type { TargetChoice } from '../messaging/protocol';
import { STORAGE_KEYS } from '../storage/keys';
import { lazySchema, z } from '../zod';
import type { TargetsView } from './host-connection';

/**
 * Which case-system field a template's note went into when the caseworker was
 * asked (by the field's name, which outlives its place in the adapter's list).
 * A UI preference, not citizen data.
 */
const choicesSchema = lazySchema(() => z.record(z.string().max(100), z.string().max(100)));

async function load(): Promise<Record<string, string>> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.targetChoices);
  return choicesSchema.catch({}).parse(stored[STORAGE_KEYS.targetChoices] ?? {});
}

export async function loadTargetChoice(templateId: string): Promise<string | undefined> {
  return (await load())[templateId];
}

export async function saveTargetChoice(templateId: string, label: string): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.targetChoices]: { ...(await load()), [templateId]: label } });
}

export type Expected = { kind: 'target'; label: string; id: string } | { kind: 'ask' } | { kind: 'none' };

/**
 * What the bridge will do with an insert now (lib/host/insert.ts chooseTarget,
 * in the same order): the caret's target; ask if the caret is in another field;
 * the preferred one, the only one, or ask.
 */
export function expectedTarget(view: TargetsView, prefer?: string): Expected {
  const found = (t: TargetChoice | undefined): Expected =>
    t ? { kind: 'target', label: t.label, id: t.id } : { kind: 'none' };
  const { targets, current } = view;
  if (current !== null) return found(targets.find((t) => t.id === current));
  if (view.elsewhere && targets.length > 0) return { kind: 'ask' };
  const preferred = prefer ? targets.filter((t) => t.id === prefer || t.role === prefer || t.label === prefer) : [];
  if (preferred.length === 1) return found(preferred[0]);
  if (targets.length === 1) return found(targets[0]);
  return targets.length > 1 ? { kind: 'ask' } : { kind: 'none' };
}
