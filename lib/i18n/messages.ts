import * as core from './messages/core';
import * as notes from './messages/notes';
import * as templates from './messages/templates';

/**
 * UI strings, one file per feature under ./messages. Danish is the source;
 * each feature's English catalogue must have exactly its Danish keys (the
 * types enforce it). `{name}` placeholders are filled by t().
 */
export const da = { ...core.da, ...notes.da, ...templates.da };

export type MessageKey = keyof typeof da;

export const en: Record<MessageKey, string> = { ...core.en, ...notes.en, ...templates.en };
