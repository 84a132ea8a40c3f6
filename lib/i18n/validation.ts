import type { Locale } from './i18n';

/**
 * Validation messages in the caseworker's language. The schemas, the template
 * renderer and the pack checks report `path: reason` in English (stable text
 * for tests and logs); what a Danish team lead sees in the pack editor and on
 * import goes through here: the path is kept, the reason translated.
 */

type Rule = [RegExp, (...m: string[]) => string];

const KINDS: Record<string, string> = { templates: 'skabeloner', checklists: 'tjeklister', adapters: 'adaptere' };
const TYPES: Record<string, string> = {
  string: 'tekst',
  number: 'et tal',
  boolean: 'ja/nej',
  object: 'et objekt',
  array: 'en liste',
  undefined: 'ingenting',
  null: 'ingenting',
  nonoptional: 'en værdi',
};
const type = (t: string) => TYPES[t] ?? t;
/** `"a", "b" and "c"` → `»a«, »b« og »c«`. */
const and = (s: string) =>
  s
    .replace(/" and "/g, '« og »')
    .replace(/", "/g, '«, »')
    .replace(/^"/, '»')
    .replace(/"$/, '«');

const RULES: Rule[] = [
  [/^Use a date written YYYY-MM-DD$/, () => 'Skriv datoen som ÅÅÅÅ-MM-DD'],
  [/^Use a semantic version such as (.+)$/, (v) => `Brug et versionsnummer som ${v}`],
  [/^Use lower-case letters, digits, dots and hyphens$/, () => 'Brug små bogstaver, tal, punktum og bindestreg'],
  [/^Use lower-case letters, digits and hyphens$/, () => 'Brug små bogstaver, tal og bindestreg'],
  [
    /^Use letters, digits and _, starting with a lower-case letter$/,
    () => 'Brug bogstaver, tal og _, og begynd med et lille bogstav',
  ],
  [
    /^A template that is not internal needs a legal basis$/,
    () => 'En skabelon, der ikke er intern, skal have et lovgrundlag',
  ],
  [
    /^A template that is not internal needs a source \(an https:\/\/ link\)$/,
    () => 'En skabelon, der ikke er intern, skal have en kilde (et https://-link)',
  ],
  [
    /^Use letters, digits and hyphens, starting with a letter$/,
    () => 'Brug bogstaver, tal og bindestreg, og begynd med et bogstav',
  ],
  [/^Use an https:\/\/ link$/, () => 'Brug et link, der begynder med https://'],
  [
    /^Unsupported pack format \(this Sidevogn reads (.+)\)$/,
    (f) => `Ukendt pakkeformat (denne Sidevogn læser ${and(f)})`,
  ],
  [/^Duplicate id "(.+)" in (\w+)$/, (id, kind) => `Id'et »${id}« findes to gange i ${KINDS[kind] ?? kind}`],
  [/^"(.+)" is not a template in this pack$/, (id) => `»${id}« er ikke en skabelon i pakken`],
  [
    /^"(.+)" is not another item among the (\w+) of this pack$/,
    (id, kind) => `»${id}« er ikke en anden af pakkens ${KINDS[kind] ?? kind}`,
  ],
  [
    /^A successor must start after the item it replaces \("(.+)"\)$/,
    (id) => `En efterfølger skal gælde fra en senere dato end den, den afløser (»${id}«)`,
  ],
  [/^"(.+)" is not a field of the template "(.+)"$/, (f, t) => `»${f}« er ikke et felt i skabelonen »${t}«`],
  [
    /^A checklist linked to no template cannot link an item to a field$/,
    () => 'En tjekliste uden skabelon kan ikke knytte et punkt til et felt',
  ],
  [
    /^An item linked to a field or ticked by the panel writes nothing into the note$/,
    () => 'Et punkt, der er knyttet til et felt eller afkrydses af panelet, skriver ikke selv i notatet',
  ],
  [
    /^An item ticked by the panel after inserting cannot be required before inserting$/,
    () => 'Et punkt, som panelet afkrydser efter indsættelse, kan ikke kræves før indsættelse',
  ],
  [/^validTo is before validFrom$/, () => 'Gyldig til (validTo) ligger før gyldig fra (validFrom)'],
  [
    /^Use one of ; : \/ ! # \+ - \. followed by 1 to 15 letters or digits, e\.g\. ;fj$/,
    () => 'Brug et af tegnene ; : / ! # + - . efterfulgt af 1 til 15 bogstaver eller tal, fx ;fj',
  ],
  [
    /^The shortcut "(.+)" is already the template "(.+)"'s$/,
    (s, t) => `Genvejen »${s}« bruges allerede af skabelonen »${t}«`,
  ],
  [/^Duplicate field id "(.+)"$/, (id) => `Felt-id'et »${id}« findes to gange`],
  [/^Duplicate item id "(.+)"$/, (id) => `Punkt-id'et »${id}« findes to gange`],
  [/^"(.+)" must be a field declared before this one$/, (id) => `»${id}« skal være et felt, der står før dette`],
  [/^The default is not one of the options$/, () => 'Standardværdien er ikke en af valgmulighederne'],
  [/^Option values must be unique$/, () => 'Valgmulighedernes værdier skal være forskellige'],
  [/^\{\{(.+)\}\} is not a field of this template$/, (n) => `{{${n}}} er ikke et felt i skabelonen`],
  [/^Line (\d+): (.+)$/, (line, rest) => `Linje ${line}: ${reasonDa(rest!)}`],
  [
    /^\{\{\/(.+)\}\} closes a section that was never opened$/,
    (k) => `{{/${k}}} lukker en sektion, der aldrig blev åbnet`,
  ],
  [
    /^\{\{\/(.+)\}\} closes \{\{#(.+)\}\} \(opened on line (\d+)\)$/,
    (k, o, l) => `{{/${k}}} lukker {{#${o}}} (åbnet i linje ${l})`,
  ],
  [/^\{\{(.+)\}\}: "=" only belongs in a section$/, (k) => `{{${k}}}: »=« hører kun til i en sektion`],
  [/^\{\{#(.+)\}\} is never closed$/, (k) => `{{#${k}}} bliver aldrig lukket`],
  [/^Unreadable placeholder \(use \{\{name\}\}\)$/, () => 'Ulæselig pladsholder (skriv {{navn}})'],
  [/^Key "(.+)" is not allowed$/, (k) => `Nøglen »${k}« er ikke tilladt`],
  // Installing (lib/packs/config-repository.ts) and policy (lib/packs/signing.ts).
  [/^"(.+)" is already provided by the pack "(.+)"$/, (id, p) => `»${id}« findes allerede i pakken »${p}«`],
  [
    /^Version (.+) of "(.+)" is already installed with different content; give the new one a higher version$/,
    (v, p) =>
      `Version ${v} af »${p}« er allerede installeret med et andet indhold; giv den nye et højere versionsnummer`,
  ],
  [/^(.+) is not installed$/, (v) => `${v} er ikke installeret`],
  [
    /^This pack is installed by your organisation and cannot be removed$/,
    () => 'Pakken er installeret af din organisation og kan ikke fjernes',
  ],
  [
    /^Your organisation does not allow packs added by the caseworker$/,
    () => 'Din organisation tillader ikke pakker, som sagsbehandleren selv tilføjer',
  ],
  [/^Your organisation no longer installs this pack$/, () => 'Din organisation installerer ikke længere denne pakke'],
  [
    /^Your organisation does not allow templates added by the caseworker$/,
    () => 'Din organisation tillader ikke skabeloner, som sagsbehandleren selv tilføjer',
  ],
  [
    /^Your organisation only accepts signed packs; a template on its own cannot be signed$/,
    () => 'Din organisation accepterer kun signerede pakker, og en skabelon alene kan ikke signeres',
  ],
  [
    /^The signature does not match the pack: it was changed after signing$/,
    () => 'Signaturen passer ikke til pakken: den er ændret, efter den blev signeret',
  ],
  [/^The signature or its public key is malformed$/, () => 'Signaturen eller dens offentlige nøgle er ugyldig'],
  [
    /^Your organisation only accepts signed packs, and this pack is not signed$/,
    () => 'Din organisation accepterer kun signerede pakker, og denne pakke er ikke signeret',
  ],
  [
    /^Signed by key (\w+), which your organisation does not trust$/,
    (k) => `Signeret med nøglen ${k}, som din organisation ikke stoler på`,
  ],
  [/^HTML or script is not allowed in pack text$/, () => 'HTML og script er ikke tilladt i pakkens tekst'],
  [
    /^The pack is ([\d.]+) MB; the limit is (\d+) MB$/,
    (a, b) => `Pakken fylder ${a.replace('.', ',')} MB; grænsen er ${b} MB`,
  ],
  [/^Not valid JSON(?:: .*)?$/, () => 'Filen er ikke gyldig JSON'],
  [/^A pack is a JSON object$/, () => 'En pakke skal være et JSON-objekt'],
  [/^A template is a JSON object$/, () => 'En skabelon skal være et JSON-objekt'],
  // zod's own reasons.
  [/^Too small: expected string to have >=1 characters?$/, () => 'Skal udfyldes'],
  [/^Too small: expected string to have >=(\d+) characters$/, (n) => `Skal være mindst ${n} tegn`],
  [/^Too big: expected string to have <=(\d+) characters$/, (n) => `Må højst være ${n} tegn`],
  [/^Too small: expected array to have >=(\d+) items?$/, (n) => `Skal have mindst ${n}`],
  [/^Too big: expected array to have <=(\d+) items$/, (n) => `Må højst have ${n}`],
  [/^Too (?:small|big): expected number to be ([<>]=?)(-?[\d.]+)$/, (op, n) => `Tallet skal være ${op} ${n}`],
  [/^Invalid input: expected (\w+), received (\w+)$/, (e, r) => `Forkert type: forventede ${type(e)}, fik ${type(r)}`],
  [/^Invalid input: expected (\w+)$/, (e) => `Forkert type: forventede ${type(e)}`],
  [/^Invalid option: expected one of (.+)$/, (o) => `Ugyldigt valg: skal være en af ${o.replace(/\|/g, ', ')}`],
  [/^Unrecognized keys?: (.+)$/, (k) => `Ukendt nøgle: ${k}`],
  [/^Invalid input$/, () => 'Ugyldig værdi'],
  [/^Invalid string: must match pattern .+$/, () => 'Teksten har ikke den rigtige form'],
  [/^Invalid URL$/, () => 'Ugyldig adresse'],
  [/^Invalid ISO date$/, () => 'Skriv datoen som ÅÅÅÅ-MM-DD'],
  [/^Invalid base64 encoded string$/, () => 'Ugyldig base64-tekst'],
];

function reasonDa(reason: string): string {
  for (const [re, to] of RULES) {
    const m = re.exec(reason);
    if (m) return to(...m.slice(1).map((s) => s ?? ''));
  }
  return reason;
}

const PLACES: Record<string, string> = { '(file)': '(fil)', '(pack)': '(pakke)', '(template)': '(skabelon)' };

/** `fields.2.options: Option values must be unique` → `fields.2.options: Valgmulighedernes værdier skal være forskellige`. */
export function translateIssue(line: string, locale: Locale): string {
  if (locale !== 'da') return line;
  const m = /^((?:\(\w+\))|[\w$.-]+): (.*)$/s.exec(line);
  if (!m) return reasonDa(line);
  return `${PLACES[m[1]!] ?? m[1]}: ${reasonDa(m[2]!)}`;
}

/** Whether a reason was translated (a test walks the corpus of bad packs and templates with it). */
export function isTranslated(line: string): boolean {
  return translateIssue(line, 'da') !== line || !/[a-z]/.test(line.replace(/^[^:]*: /, ''));
}
