/** Every table that holds data about a citizen, keyed (or indexed) by the citizen key. A leaf module: no imports. */
export const CITIZEN_TABLES = [
  'citizens',
  'notes',
  'drafts',
  'formDrafts',
  'history',
  'summaries',
  'deadlines',
  'checklistRuns',
] as const;
export type CitizenTable = (typeof CITIZEN_TABLES)[number];
