import * as core from './messages/core';
import * as notes from './messages/notes';
import * as packs from './messages/packs';
import * as templates from './messages/templates';
import * as summary from './messages/summary';
import * as adapters from './messages/adapters';
import * as editor from './messages/editor';
import * as lock from './messages/lock';
import * as privacy from './messages/privacy';
import * as storage from './messages/storage';
import * as search from './messages/search';
import * as usage from './messages/usage';
import * as packGuide from './messages/pack-guide';
import * as caseAddress from './messages/case-address';
import * as keyboard from './messages/keyboard';

/**
 * UI strings, one file per feature under ./messages. Danish is the source;
 * each feature's English catalogue must have exactly its Danish keys (the
 * types enforce it). `{name}` placeholders are filled by t().
 */
export const da = {
  ...core.da,
  ...notes.da,
  ...templates.da,
  ...summary.da,
  ...adapters.da,
  ...packs.da,
  ...editor.da,
  ...lock.da,
  ...privacy.da,
  ...storage.da,
  ...search.da,
  ...usage.da,
  ...packGuide.da,
  ...caseAddress.da,
  ...keyboard.da,
};

export type MessageKey = keyof typeof da;

export const en: Record<MessageKey, string> = {
  ...core.en,
  ...notes.en,
  ...templates.en,
  ...summary.en,
  ...adapters.en,
  ...packs.en,
  ...editor.en,
  ...lock.en,
  ...privacy.en,
  ...storage.en,
  ...search.en,
  ...usage.en,
  ...packGuide.en,
  ...caseAddress.en,
  ...keyboard.en,
};
