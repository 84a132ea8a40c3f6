/**
 * UI strings: the pack editor for team leads who are not programmers (issue 30
 * item 6): the guided "new template" path and internal templates. Danish is
 * the source; English has the same keys.
 */
export const da = {
  'guide.start': 'Ny skabelon trin for trin',
  'guide.heading': 'Ny skabelon',
  'guide.steps': 'Trin',
  'guide.step': 'Trin {n} af {of}: {name}',
  'guide.step1': 'Mødet og navnet',
  'guide.step2': 'Felterne',
  'guide.step3': 'Notatets tekst',
  'guide.step1.help': 'Hvilket møde skabelonen er til, og det navn sagsbehandleren finder den under.',
  'guide.step2.help':
    'Det sagsbehandleren udfylder. Hvert felt får et navn i notatteksten, lavet af feltets navn; det følger feltets navn, indtil notatteksten bruger det, og ligger derefter fast.',
  'guide.step3.help':
    'Skriv notatet, og klik på et felt for at sætte det ind ved markøren. Forhåndsvisningen viser formularen og notatet, som sagsbehandleren får dem.',
  'guide.title': 'Skabelonens navn',
  'guide.internal': 'Intern skabelon',
  'guide.internalHelp': 'Til teamets eget brug, uden lovgrundlag: lovgrundlag og kilde kan udelades.',
  'guide.next': 'Næste',
  'guide.back': 'Tilbage',
  'guide.done': 'Færdig',
  'guide.skip': 'Åbn den fulde editor',
  'guide.noFields': 'Ingen felter endnu.',
  'guide.placeholder': 'I notatteksten:',
  'guide.options': 'Valgmuligheder (én pr. linje)',
  'guide.fixFirst': 'Ret {count} {count|fejl|fejl} på dette trin først.',
  'editor.internal': 'Intern skabelon (til teamets eget brug, uden lovgrundlag)',
  'editor.legalBasisOptional': 'Lovgrundlag (valgfri)',
  'editor.sourceUrlOptional': 'Kilde (valgfri https-link)',
  'templates.internal': 'Intern skabelon: til teamets eget brug, uden lovgrundlag',
  'editor.field.idFollows': 'Det følger feltets navn, indtil notatteksten bruger det.',
  'editor.field.idFixed': 'Det ligger fast, så det, der allerede er skrevet, virker.',
};

export const en: Record<keyof typeof da, string> = {
  'guide.start': 'New template, step by step',
  'guide.heading': 'New template',
  'guide.steps': 'Steps',
  'guide.step': 'Step {n} of {of}: {name}',
  'guide.step1': 'The meeting and the name',
  'guide.step2': 'The fields',
  'guide.step3': 'The note text',
  'guide.step1.help': 'Which meeting the template is for, and the name caseworkers find it by.',
  'guide.step2.help':
    'What the caseworker fills in. Each field gets a name in the note text, made from its label; it follows the label until the note text uses it, and then stays as it is.',
  'guide.step3.help':
    'Write the note and click a field to put it in at the cursor. The preview shows the form and the note as the caseworker gets them.',
  'guide.title': "The template's name",
  'guide.internal': 'Internal template',
  'guide.internalHelp': "For the team's own use, with no legal basis: legal basis and source may be left out.",
  'guide.next': 'Next',
  'guide.back': 'Back',
  'guide.done': 'Done',
  'guide.skip': 'Open the full editor',
  'guide.noFields': 'No fields yet.',
  'guide.placeholder': 'In the note text:',
  'guide.options': 'Options (one per line)',
  'guide.fixFirst': 'Fix {count} {count|error|errors} on this step first.',
  'editor.internal': "Internal template (for the team's own use, no legal basis)",
  'editor.legalBasisOptional': 'Legal basis (optional)',
  'editor.sourceUrlOptional': 'Source (optional https link)',
  'templates.internal': "Internal template: for the team's own use, no legal basis",
  'editor.field.idFollows': 'It follows the field name until the note text uses it.',
  'editor.field.idFixed': 'It stays as it is, so what is already written keeps working.',
};
