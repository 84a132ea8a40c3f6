/** UI strings: getting around the panel by keyboard (issue 30, item 4). Danish is the source; English has the same keys. */
export const da = {
  'skip.label': 'Gå til fane',
  'skip.back': 'Tilbage til sagssystemet (Esc)',
} as const;

export const en: Record<keyof typeof da, string> = {
  'skip.label': 'Go to tab',
  'skip.back': 'Back to the case system (Esc)',
};
