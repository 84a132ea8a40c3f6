/** UI strings: storage faults shared by every save path. Danish is the source; English has the same keys. */
export const da = {
  'storage.full':
    'Der er ikke plads til at gemme. Din tekst er ikke tabt og bliver stående her. Frigør plads på computeren (eller kontakt IT-afdelingen), og prøv igen.',
  'storage.reason.full': 'der er ikke plads på computerens disk',
  'storage.fullNothingChanged':
    'Der er ikke plads til at gemme, så intet er ændret. Frigør plads på computeren (eller kontakt IT-afdelingen), og prøv igen.',
  'storage.unreadable.notes':
    '{count} {count|note|noter} om borgeren kunne ikke læses og vises ikke. Intet er slettet: de gemte data er urørte. Kontakt IT-afdelingen, hvis det bliver ved.',
  'storage.unreadable.deadlines':
    '{count} {count|frist|frister} kunne ikke læses og vises ikke. Intet er slettet: de gemte data er urørte.',
  'storage.unreadable.checklists':
    '{count} {count|tjekliste|tjeklister} kunne ikke læses og vises ikke. Intet er slettet: de gemte data er urørte.',
  'storage.unreadable.history':
    '{count} {count|linje|linjer} i historikken kunne ikke læses og vises ikke. Intet er slettet: de gemte data er urørte.',
  'storage.unreadable.view':
    'Noget af det gemte om borgeren kunne ikke læses, så denne visning kan ikke vises. Intet er slettet: de gemte data er urørte. De andre faner virker stadig. Kontakt IT-afdelingen, hvis det bliver ved.',
} as const;

export const en: Record<keyof typeof da, string> = {
  'storage.full':
    'There is no room to save. Your text is not lost and stays here. Free up space on the computer (or contact your IT department), and try again.',
  'storage.reason.full': 'there is no room on the computer’s disk',
  'storage.fullNothingChanged':
    'There is no room to save, so nothing has changed. Free up space on the computer (or contact your IT department), and try again.',
  'storage.unreadable.notes':
    '{count} {count|note|notes} about this citizen could not be read and {count|is|are} not shown. Nothing was deleted: the stored data is untouched. Contact your IT department if it persists.',
  'storage.unreadable.deadlines':
    '{count} {count|deadline|deadlines} could not be read and {count|is|are} not shown. Nothing was deleted: the stored data is untouched.',
  'storage.unreadable.checklists':
    '{count} {count|checklist|checklists} could not be read and {count|is|are} not shown. Nothing was deleted: the stored data is untouched.',
  'storage.unreadable.history':
    '{count} history {count|entry|entries} could not be read and {count|is|are} not shown. Nothing was deleted: the stored data is untouched.',
  'storage.unreadable.view':
    'Some of what is stored about this citizen could not be read, so this view cannot be shown. Nothing was deleted: the stored data is untouched. The other tabs still work. Contact your IT department if it persists.',
};
