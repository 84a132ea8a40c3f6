/**
 * Synthetic caseworker notes in Danish: deterministic, with the shape of the
 * real thing (job-centre vocabulary, inflections and compounds, dates and
 * amounts, lengths from one line to a page). No real person is in here.
 */

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = [
  'samtale',
  'jobsamtale',
  'lægeattest',
  'lægeerklæring',
  'læge',
  'sygedagpenge',
  'kontanthjælp',
  'uddannelseshjælp',
  'praktik',
  'virksomhedspraktik',
  'løntilskud',
  'fleksjob',
  'ressourceforløb',
  'rehabiliteringsteam',
  'jobafklaringsforløb',
  'mentor',
  'ansøgning',
  'sanktion',
  'partshøring',
  'bevilling',
  'afslag',
  'klage',
  'møde',
  'fremmøde',
  'udeblivelse',
  'sygemelding',
  'raskmelding',
  'helbred',
  'psykolog',
  'misbrug',
  'bolig',
  'økonomi',
  'gæld',
  'daginstitution',
  'transport',
  'kørekort',
  'sprogskole',
  'opfølgning',
  'handleplan',
  'delmål',
  'tilbud',
  'kursus',
  'truckcertifikat',
  'rengøring',
  'lager',
  'butik',
  'plejehjem',
  'kommune',
  'dagpenge',
  'ledighed',
  'arbejdsprøvning',
  'arbejdsgiver',
  'virksomhed',
  'konsulent',
  'netværk',
  'familie',
  'ægtefælle',
  'søn',
  'datter',
  'skole',
  'uddannelse',
  'vejleder',
  'studievalg',
  'kompetence',
  'erfaring',
  'smerte',
  'ryg',
  'skulder',
  'angst',
  'depression',
  'søvn',
  'medicin',
  'behandling',
  'speciallæge',
  'sagsbehandler',
  'tolk',
  'beskæftigelse',
  'ydelse',
  'rådighed',
  'jobsøgning',
  'jobnet',
  'cv',
  'portal',
  'aftale',
  'tid',
  'uge',
  'måned',
  'frist',
  'dokumentation',
  'udtalelse',
  'journal',
  'vurdering',
  'indsats',
];
const SUFFIXES = ['', '', '', 'en', 'et', 'er', 'erne', 's', 'ens', 'ernes'];
const VERBS = [
  'deltog',
  'oplyste',
  'fortalte',
  'ønsker',
  'mener',
  'aftalte',
  'afleverede',
  'sendte',
  'modtog',
  'udeblev',
  'mødte',
  'ringede',
  'skrev',
  'vurderer',
  'forventer',
  'har',
  'er',
  'blev',
  'skal',
  'vil',
  'kan',
  'bør',
  'starter',
  'afslutter',
  'søger',
  'påbegynder',
  'genoptager',
  'drøftede',
  'gennemgik',
  'bekræftede',
];
const SMALL = [
  'og',
  'at',
  'i',
  'på',
  'med',
  'til',
  'om',
  'for',
  'af',
  'fra',
  'ikke',
  'der',
  'det',
  'den',
  'de',
  'en',
  'et',
  'som',
  'efter',
  'inden',
  'hos',
  'ved',
];
const SUBJECTS = ['Borgeren', 'Hun', 'Han', 'Vi', 'Sagsbehandler', 'Mentor', 'Lægen', 'Arbejdsgiveren', 'Virksomheden'];
const ADJECTIVES = [
  'positiv',
  'motiveret',
  'træt',
  'usikker',
  'klar',
  'godkendt',
  'relevant',
  'midlertidig',
  'fuld',
  'delvis',
  'stabil',
  'bedre',
  'dårligere',
  'ny',
  'næste',
  'sidste',
  'åben',
  'ærlig',
];
const PLACES = [
  'Netto',
  'Føtex',
  'Dansk Supermarked',
  'Vesthavn Kommune',
  'Arla',
  'Danish Crown',
  'Coop',
  'Lidl',
  'Jysk',
  'Ørsted',
  'Aalborg Portland',
  'Bilka',
  'Rema 1000',
  'Mærsk',
  'Grundfos',
];

export interface SyntheticWriter {
  note(): string;
}

export function noteWriter(seed: number): SyntheticWriter {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const noun = () => {
    // Danish compounds: a second noun glued on, as caseworkers write them.
    const base = rnd() < 0.2 ? pick(NOUNS) + pick(NOUNS) : pick(NOUNS);
    return base + pick(SUFFIXES);
  };
  const date = () => `${1 + Math.floor(rnd() * 28)}.${1 + Math.floor(rnd() * 12)}.${2024 + Math.floor(rnd() * 3)}`;
  const sentence = () => {
    const words = [pick(SUBJECTS), pick(VERBS)];
    const n = 4 + Math.floor(rnd() * 12);
    for (let i = 0; i < n; i++) {
      const r = rnd();
      words.push(
        r < 0.35
          ? pick(SMALL)
          : r < 0.75
            ? noun()
            : r < 0.88
              ? pick(ADJECTIVES)
              : r < 0.94
                ? pick(VERBS)
                : r < 0.97
                  ? pick(PLACES)
                  : date(),
      );
    }
    if (rnd() < 0.1) words.push(`kl. ${8 + Math.floor(rnd() * 8)}.${pick(['00', '15', '30', '45'])}`);
    if (rnd() < 0.05) words.push(`${Math.floor(rnd() * 20000)} kr.`);
    return words.join(' ') + pick(['.', '.', '.', '?', ':', '.']);
  };
  return {
    note() {
      // Most notes are a few sentences; some run to a page (lognormal-ish).
      const sentences = Math.max(1, Math.round(Math.exp(1.2 + rnd() * 1.1 + (rnd() < 0.08 ? 1.2 : 0))));
      const parts: string[] = [];
      for (let i = 0; i < sentences; i++) parts.push(sentence() + (rnd() < 0.15 ? '\n\n' : ' '));
      return parts.join('').trim();
    },
  };
}

/** A valid-looking, fictional CPR: the date is real, the rest is made up. */
export function syntheticCpr(i: number): string {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 60 + (Math.floor(i / 336) % 40);
  const serial = String(1000 + ((i * 7919) % 8999)).padStart(4, '0');
  return `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${year}-${serial}`;
}
