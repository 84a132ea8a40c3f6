import type { TemplateInput } from './schema';

type Fields = TemplateInput['fields'];

/**
 * The default Danish templates, one per meeting type in the domain brief. They
 * are data in the same format team leads author; they load on first run.
 * Legal references follow shared/domain/brief.md; a team lead re-checks them
 * (checkedAt) when the law moves.
 */

const FORVALTNINGSLOVEN = 'https://www.retsinformation.dk/eli/lta/2014/433';
const OFFENTLIGHEDSLOVEN = 'https://www.retsinformation.dk/eli/lta/2020/145';
const STAR = 'https://star.dk/';
const CHECKED = '2026-11-23';

const common = {
  checkedAt: CHECKED,
  validFrom: '2026-07-01',
} as const;

const who: Fields = [
  { id: 'dato', kind: 'date', label: 'Dato for samtalen', required: true, prefill: 'today' },
  {
    id: 'kanal',
    kind: 'choice',
    label: 'Samtaleform',
    required: true,
    default: 'fremmoede',
    options: [
      { value: 'fremmoede', label: 'personligt fremmøde' },
      { value: 'telefon', label: 'telefon' },
      { value: 'video', label: 'video' },
    ],
  },
  { id: 'borger', kind: 'text', label: 'Borger', required: true, prefill: 'citizen.name' },
  { id: 'sagsbehandler', kind: 'text', label: 'Sagsbehandler', required: true, prefill: 'caseworker.name' },
  {
    id: 'bisidder',
    kind: 'yesno',
    label: 'Deltog en bisidder eller partsrepræsentant?',
    required: true,
    default: false,
  },
  {
    id: 'bisidderNavn',
    kind: 'text',
    label: 'Bisidderens navn',
    required: true,
    showWhen: { field: 'bisidder', equals: true },
  },
  {
    id: 'bisidderRolle',
    kind: 'choice',
    label: 'Rolle',
    required: true,
    default: 'bisidder',
    showWhen: { field: 'bisidder', equals: true },
    options: [
      { value: 'bisidder', label: 'bisidder' },
      { value: 'partsrepraesentant', label: 'partsrepræsentant' },
    ],
  },
];

const whoBody = `{{kanal}}, {{dato}}
Deltagere: {{borger}} og {{sagsbehandler}} (sagsbehandler).
{{#bisidder}}
{{bisidderNavn}} deltog som {{bisidderRolle}}.
{{/bisidder}}
{{^bisidder}}
Borgeren er vejledt om retten til at have en bisidder med (forvaltningsloven § 8) og deltog uden.
{{/bisidder}}`;

const consent: Fields = [
  {
    id: 'samtykke',
    kind: 'choice',
    label: 'Samtykke til at indhente helbredsoplysninger',
    required: true,
    default: 'ikke-relevant',
    options: [
      { value: 'ikke-relevant', label: 'ikke relevant' },
      { value: 'givet', label: 'givet' },
      { value: 'afslaaet', label: 'afslået' },
    ],
  },
  {
    id: 'samtykkeOmfang',
    kind: 'textarea',
    label: 'Hvilke oplysninger, fra hvem og til hvilken sag',
    help: 'Samtykket skal være konkret (retssikkerhedsloven § 11 c).',
    required: true,
    showWhen: { field: 'samtykke', equals: 'givet' },
  },
];

const consentBody = `{{#samtykke=givet}}
Borgeren har givet konkret samtykke til at indhente: {{samtykkeOmfang}}. Borgeren er oplyst om, hvad det betyder at sige nej (retssikkerhedsloven § 11 c).
{{/samtykke=givet}}
{{#samtykke=afslaaet}}
Borgeren har ikke givet samtykke til at indhente helbredsoplysninger og er vejledt om konsekvensen af det.
{{/samtykke=afslaaet}}`;

const next: Fields = [
  { id: 'aftaler', kind: 'textarea', label: 'Aftaler og ændringer i Min Plan', required: true },
  { id: 'naesteKontakt', kind: 'date', label: 'Næste kontakt', required: true, prefill: 'citizen.naesteMoede' },
];

const nextBody = `Aftaler: {{aftaler}}
Næste kontakt: {{naesteKontakt}}.`;

export const defaultTemplates: TemplateInput[] = [
  {
    ...common,
    id: 'dk.default.foerste-jobsamtale',
    title: 'Første jobsamtale',
    meetingType: 'foerste-jobsamtale',
    description: 'Første samtale med en ny borger på kontanthjælp (inden for 1 uge efter første henvendelse).',
    legalBasis:
      'Lov om en aktiv beskæftigelsesindsats (samtaler); aktivloven § 35 (vejledning om rådighed og sanktioner); forvaltningsloven §§ 7 og 8; offentlighedsloven § 13 (notatpligt).',
    sourceUrl: STAR,
    fields: [
      ...who,
      { id: 'oensker', kind: 'textarea', label: 'Borgerens ønsker til job og uddannelse', required: true },
      {
        id: 'forhold',
        kind: 'choices',
        label: 'Borgerens forhold',
        style: 'sentences',
        options: [
          { value: 'enlig', label: 'Borgeren er enlig' },
          { value: 'par', label: 'Borgeren er gift eller samlevende' },
          { value: 'boern', label: 'Borgeren har hjemmeboende børn' },
          { value: 'ingen-helbred', label: 'Borgeren har ingen helbredsmæssige begrænsninger for at arbejde' },
          { value: 'helbred', label: 'Borgeren har helbredsmæssige forhold, der kan påvirke arbejdet' },
          { value: 'sprog', label: 'Borgeren har behov for hjælp til dansk' },
        ],
      },
      { id: 'forholdTekst', kind: 'textarea', label: 'Borgerens forhold i øvrigt' },
      {
        id: 'cv',
        kind: 'choice',
        label: 'CV på Jobnet',
        required: true,
        default: 'opdateret',
        options: [
          { value: 'opdateret', label: 'CV er opdateret' },
          { value: 'gennemgaaet', label: 'CV er gennemgået, og borgeren opdaterer det' },
          { value: 'mangler', label: 'CV mangler og skal udarbejdes' },
        ],
      },
      { id: 'antalJob', kind: 'number', label: 'Aftalt antal ansøgninger om ugen', default: 3, min: 0, max: 20 },
      {
        id: 'kanaler',
        kind: 'choices',
        label: 'Jobsøgningen sker via',
        default: ['jobnet'],
        options: [
          { value: 'jobnet', label: 'Jobnet' },
          { value: 'uopfordret', label: 'uopfordrede ansøgninger' },
          { value: 'netvaerk', label: 'netværk' },
          { value: 'vikar', label: 'vikarbureauer' },
        ],
      },
      { id: 'jobsoegning', kind: 'textarea', label: 'Konkrete job og virksomheder' },
      {
        id: 'vurdering',
        kind: 'choice',
        label: 'Visitation',
        required: true,
        options: [
          { value: 'jobparat', label: 'jobparat' },
          { value: 'aktivitetsparat', label: 'aktivitetsparat' },
        ],
      },
      {
        id: 'grunde',
        kind: 'choices',
        label: 'Begrundelse for visitationen',
        style: 'sentences',
        required: true,
        options: [
          { value: 'erfaring', label: 'Borgeren har relevant erhvervserfaring' },
          { value: 'straks', label: 'Borgeren kan påtage sig arbejde straks' },
          { value: 'kun-ledighed', label: 'Borgeren har ingen problemer ud over ledighed' },
          { value: 'helbred', label: 'Borgerens helbred står i vejen for arbejde lige nu' },
          { value: 'sociale', label: 'Borgeren har sociale udfordringer, der kræver en indsats først' },
          { value: 'uddannelse', label: 'Borgeren mangler kvalifikationer, der kræver opkvalificering' },
        ],
      },
      { id: 'begrundelse', kind: 'textarea', label: 'Begrundelse i øvrigt' },
      {
        id: 'vejledtRaadighed',
        kind: 'yesno',
        label: 'Skriftlig vejledning om rådighed og sanktioner givet',
        help: 'En sanktion forudsætter forudgående skriftlig og konkret vejledning (aktivloven § 35).',
        required: true,
        default: true,
      },
      { id: 'tilbud', kind: 'yesno', label: 'Behov for tilbud?', required: true, default: false },
      {
        id: 'tilbudBeskrivelse',
        kind: 'textarea',
        label: 'Hvilket tilbud og hvorfor',
        required: true,
        showWhen: { field: 'tilbud', equals: true },
      },
      {
        id: 'aftalt',
        kind: 'choices',
        label: 'Aftaler i Min Plan',
        style: 'sentences',
        required: true,
        options: [
          { value: 'cv', label: 'Borgeren opdaterer sit CV på Jobnet inden næste samtale' },
          { value: 'soeg', label: 'Borgeren søger det aftalte antal job hver uge og registrerer dem i joblog' },
          { value: 'kursus', label: 'Borgeren deltager i jobsøgningsforløb' },
          { value: 'virksomhed', label: 'Jobcentret kontakter relevante virksomheder sammen med borgeren' },
        ],
      },
      { id: 'aftaler', kind: 'textarea', label: 'Øvrige aftaler' },
      { id: 'naesteKontakt', kind: 'date', label: 'Næste kontakt', required: true, prefill: 'citizen.naesteMoede' },
      ...consent,
    ],
    body: `Første jobsamtale – ${whoBody}

Formålet med samtalen er forklaret for borgeren.

Borgerens ønsker til job og uddannelse:
{{oensker}}
{{#forhold}}

{{forhold}}
{{/forhold}}
{{#forholdTekst}}
{{forholdTekst}}
{{/forholdTekst}}

{{cv}}. Borgeren søger {{antalJob}} job om ugen via {{kanaler}}.
{{#jobsoegning}}
Konkrete job og virksomheder: {{jobsoegning}}
{{/jobsoegning}}

Borgeren er visiteret {{vurdering}}. {{grunde}}
{{#begrundelse}}
{{begrundelse}}
{{/begrundelse}}
{{#vejledtRaadighed}}

Borgeren har fået skriftlig og konkret vejledning om pligten til at stå til rådighed, om hvilke forsømmelser der kan give sanktion, hvilken sanktion og hvordan retten til hjælp genvindes (aktivloven § 35).
{{/vejledtRaadighed}}
{{#tilbud}}

Behov for tilbud: {{tilbudBeskrivelse}} Min Plan er aftalt med borgeren, før tilbuddet gives.
{{/tilbud}}
${consentBody}

Aftalt i Min Plan: {{aftalt}}
{{#aftaler}}
Øvrige aftaler: {{aftaler}}
{{/aftaler}}
Næste kontakt: {{naesteKontakt}}.`,
  },
  {
    ...common,
    id: 'dk.default.opfoelgning-sygedagpenge',
    title: 'Opfølgningssamtale, sygedagpenge',
    meetingType: 'opfoelgning-sygedagpenge',
    description: 'Første opfølgning inden udgangen af uge 8, derefter mindst hver 4. uge.',
    legalBasis: 'Sygedagpengeloven (opfølgning); retssikkerhedsloven § 11 c (samtykke); offentlighedsloven § 13.',
    sourceUrl: STAR,
    fields: [
      ...who,
      {
        id: 'kilder',
        kind: 'choices',
        label: 'Oplysninger, der er lagt vægt på',
        required: true,
        default: ['borgeren'],
        options: [
          { value: 'borgeren', label: 'borgerens egne oplysninger' },
          { value: 'laege', label: 'lægens oplysninger' },
          { value: 'arbejdsgiver', label: 'arbejdsgiverens oplysninger' },
        ],
      },
      { id: 'uarbejdsdygtighed', kind: 'textarea', label: 'Vurdering af uarbejdsdygtighed', required: true },
      { id: 'arbejdsgiverKontakt', kind: 'textarea', label: 'Kontakt med arbejdsgiver og gradvis tilbagevenden' },
      ...consent,
      {
        id: 'fristOverskredet',
        kind: 'yesno',
        label: 'Er en frist for opfølgning overskredet?',
        required: true,
        default: false,
      },
      {
        id: 'fristBegrundelse',
        kind: 'textarea',
        label: 'Hvorfor',
        required: true,
        showWhen: { field: 'fristOverskredet', equals: true },
      },
      ...next,
    ],
    body: `Opfølgningssamtale, sygedagpenge – ${whoBody}

Der er lagt vægt på: {{kilder}}.

Vurdering af uarbejdsdygtighed:
{{uarbejdsdygtighed}}
{{#arbejdsgiverKontakt}}

Arbejdsgiver og tilbagevenden: {{arbejdsgiverKontakt}}
{{/arbejdsgiverKontakt}}
${consentBody}
{{#fristOverskredet}}

Fristen for opfølgning er overskredet. Begrundelse: {{fristBegrundelse}}
{{/fristOverskredet}}

${nextBody}`,
  },
  {
    ...common,
    id: 'dk.default.afklaring',
    title: 'Samtale om afklaring (samlet beskrivelse)',
    meetingType: 'afklaring',
    description: 'Grundlag for den samlede beskrivelse af borgerens forudsætninger (efter reformen 2026).',
    legalBasis: 'Lov nr. 1750 af 29/12/2025 (beskæftigelsesreformen); forvaltningsloven § 7; offentlighedsloven § 13.',
    sourceUrl: STAR,
    fields: [
      ...who,
      { id: 'arbejdeUddannelse', kind: 'textarea', label: 'Arbejde og uddannelse', required: true },
      { id: 'ressourcer', kind: 'textarea', label: 'Ressourcer og netværk', required: true },
      { id: 'udfordringer', kind: 'textarea', label: 'Udfordringer', required: true },
      { id: 'oensker', kind: 'textarea', label: 'Borgerens egne ønsker', required: true },
      { id: 'helbred', kind: 'textarea', label: 'Helbred, dokumentation og betydning for arbejdsevnen' },
      { id: 'tidligereIndsats', kind: 'textarea', label: 'Ydelseshistorik og tidligere indsats' },
      { id: 'laegeVurdering', kind: 'textarea', label: 'Egen læges vurdering' },
      ...consent,
      ...next,
    ],
    body: `Samtale om afklaring – ${whoBody}

Arbejde og uddannelse: {{arbejdeUddannelse}}
Ressourcer og netværk: {{ressourcer}}
Udfordringer: {{udfordringer}}
Borgerens egne ønsker: {{oensker}}
{{#helbred}}
Helbred: {{helbred}}
{{/helbred}}
{{#tidligereIndsats}}
Tidligere indsats: {{tidligereIndsats}}
{{/tidligereIndsats}}
{{#laegeVurdering}}
Egen læges vurdering: {{laegeVurdering}}
{{/laegeVurdering}}
${consentBody}

${nextBody}`,
  },
  {
    ...common,
    id: 'dk.default.partshoering',
    title: 'Partshøring før afgørelse',
    meetingType: 'partshoering',
    description: 'Før afgørelse om fx stop af ydelse, sanktion, fleksjob eller førtidspension.',
    legalBasis: 'Forvaltningsloven § 19 (partshøring) og §§ 22–25 (begrundelse og klagevejledning).',
    sourceUrl: FORVALTNINGSLOVEN,
    fields: [
      { id: 'dato', kind: 'date', label: 'Dato for partshøringen', required: true, prefill: 'today' },
      { id: 'borger', kind: 'text', label: 'Borger', required: true, prefill: 'citizen.name' },
      { id: 'sagsbehandler', kind: 'text', label: 'Sagsbehandler', required: true, prefill: 'caseworker.name' },
      {
        id: 'sagen',
        kind: 'choice',
        label: 'Afgørelsen vedrører',
        required: true,
        options: [
          { value: 'ophoer', label: 'ophør af ydelse' },
          { value: 'sanktion', label: 'sanktion' },
          { value: 'fleksjob', label: 'fleksjob' },
          { value: 'foertidspension', label: 'førtidspension' },
          { value: 'andet', label: 'anden afgørelse' },
        ],
      },
      {
        id: 'oplysninger',
        kind: 'textarea',
        label: 'Oplysninger til ugunst for borgeren, som er væsentlige for afgørelsen',
        help: 'Én oplysning pr. linje, med kilde og dato.',
        required: true,
      },
      { id: 'frist', kind: 'date', label: 'Frist for bemærkninger', required: true },
      {
        id: 'undtagelse',
        kind: 'yesno',
        label: 'Gælder en undtagelse fra partshøring (§ 19, stk. 2)?',
        required: true,
        default: false,
      },
      {
        id: 'undtagelseBegrundelse',
        kind: 'textarea',
        label: 'Hvilken undtagelse og hvorfor',
        required: true,
        showWhen: { field: 'undtagelse', equals: true },
      },
      { id: 'kopiRepraesentant', kind: 'yesno', label: 'Kopi sendt til partsrepræsentant', default: false },
    ],
    body: `Partshøring før afgørelse om {{sagen}} – {{dato}}
Borger: {{borger}}. Sagsbehandler: {{sagsbehandler}}.
{{^undtagelse}}

Borgeren er partshørt over følgende oplysninger, som er til ugunst for borgeren og af væsentlig betydning for afgørelsen (forvaltningsloven § 19):
{{oplysninger}}

Frist for bemærkninger: {{frist}}. Der træffes ikke afgørelse før fristen.
{{#kopiRepraesentant}}
Kopi er sendt til borgerens partsrepræsentant.
{{/kopiRepraesentant}}
{{/undtagelse}}
{{#undtagelse}}

Der er ikke foretaget partshøring, da undtagelsen i forvaltningsloven § 19, stk. 2 finder anvendelse: {{undtagelseBegrundelse}}
Oplysninger lagt til grund: {{oplysninger}}
{{/undtagelse}}`,
  },
  {
    ...common,
    id: 'dk.default.kontaktnotat',
    title: 'Kort kontaktnotat (telefon eller hjemmebesøg)',
    meetingType: 'kontaktnotat',
    description: 'Notat om en kort kontakt: hvem, hvordan, hvad blev oplyst, aftaler og næste skridt.',
    legalBasis: 'Offentlighedsloven § 13 (notatpligt for mundtlige oplysninger); forvaltningsloven § 7.',
    sourceUrl: OFFENTLIGHEDSLOVEN,
    fields: [
      { id: 'dato', kind: 'date', label: 'Dato', required: true, prefill: 'today' },
      {
        id: 'kanal',
        kind: 'choice',
        label: 'Kontaktform',
        required: true,
        default: 'telefon',
        options: [
          { value: 'telefon', label: 'Telefonsamtale' },
          { value: 'hjemmebesoeg', label: 'Hjemmebesøg' },
          { value: 'fremmoede', label: 'Uanmeldt fremmøde' },
        ],
      },
      { id: 'hvem', kind: 'text', label: 'Kontakt med', required: true, prefill: 'citizen.name' },
      { id: 'oplyst', kind: 'textarea', label: 'Hvad blev oplyst', required: true },
      { id: 'vejledning', kind: 'textarea', label: 'Vejledning givet' },
      { id: 'aftaler', kind: 'textarea', label: 'Aftaler og næste skridt', required: true },
    ],
    body: `{{kanal}} {{dato}} med {{hvem}}.

Oplyst: {{oplyst}}
{{#vejledning}}
Vejledning: {{vejledning}}
{{/vejledning}}
Aftaler og næste skridt: {{aftaler}}`,
  },
];
