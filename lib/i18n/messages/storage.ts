/** UI strings: storage faults shared by every save path. Danish is the source; English has the same keys. */
export const da = {
  'storage.full':
    'Der er ikke plads til at gemme. Din tekst er ikke tabt og bliver stående her. Frigør plads på computeren (eller kontakt IT-afdelingen), og prøv igen.',
  'storage.fullNothingChanged':
    'Der er ikke plads til at gemme, så intet er ændret. Frigør plads på computeren (eller kontakt IT-afdelingen), og prøv igen.',
} as const;

export const en: Record<keyof typeof da, string> = {
  'storage.full':
    'There is no room to save. Your text is not lost and stays here. Free up space on the computer (or contact your IT department), and try again.',
  'storage.fullNothingChanged':
    'There is no room to save, so nothing has changed. Free up space on the computer (or contact your IT department), and try again.',
};
