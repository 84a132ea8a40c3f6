import type { TemplateInput } from './schema';
import { CHECKED, SOURCES, UNTIL_2027 } from './legal-sources';

type Fields = TemplateInput['fields'];

/**
 * The default Danish templates. They are data in the same format team leads
 * author; they load on first run and replace the previous default version on
 * update (drafts move over, lib/templates/migrate.ts).
 *
 * Rules for every template here (a note is evidence):
 * - no default on a field that records guidance, a legal step or a fact about
 *   the citizen: the caseworker chooses;
 * - a sentence that says something was done comes from a field the caseworker
 *   set, never from fixed text;
 * - the legal basis names the paragraph, the source links the act or guide,
 *   and a rule that changes on 1 January 2027 gives the item `validTo`
 *   2026-12-31 (lib/templates/legal-sources.ts).
 */

const common = { checkedAt: CHECKED, validFrom: '2026-07-01' } as const;

const meeting: Fields = [
  { id: 'dato', kind: 'date', label: 'Dato for samtalen', required: true, prefill: 'today' },
  {
    id: 'kanal',
    kind: 'choice',
    label: 'Samtaleform',
    required: true,
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
  },
  {
    id: 'bisidderNavn',
    kind: 'text',
    label: 'Bisidderens eller partsrepræsentantens navn',
    required: true,
    showWhen: { field: 'bisidder', equals: true },
  },
  {
    id: 'bisidderRolle',
    kind: 'choice',
    label: 'Rolle',
    required: true,
    showWhen: { field: 'bisidder', equals: true },
    options: [
      { value: 'bisidder', label: 'bisidder' },
      { value: 'partsrepraesentant', label: 'partsrepræsentant' },
    ],
  },
  {
    id: 'bisidderVejledt',
    kind: 'yesno',
    label: 'Er borgeren vejledt om retten til bisidder eller partsrepræsentant (forvaltningsloven § 8)?',
  },
  { id: 'tolk', kind: 'yesno', label: 'Blev der brugt tolk?' },
  {
    id: 'tolkSprog',
    kind: 'text',
    label: 'Sprog',
    required: true,
    showWhen: { field: 'tolk', equals: true },
  },
  {
    id: 'andreDeltagere',
    kind: 'textarea',
    label: 'Andre deltagere og deres roller',
    help: 'Fx arbejdsgiver, a-kasse eller anden fagperson: navn og rolle.',
  },
  { id: 'formaal', kind: 'yesno', label: 'Er formålet med samtalen forklaret for borgeren?' },
];

const meetingBody = (title: string) => `${title} – {{kanal}}, {{dato}}
Deltagere: {{borger}} og {{sagsbehandler}} (sagsbehandler).
{{#bisidder=true}}
{{bisidderNavn}} deltog som {{bisidderRolle}}.
{{/bisidder=true}}
{{#bisidder=false}}
Der deltog ingen bisidder eller partsrepræsentant.
{{/bisidder=false}}
{{#andreDeltagere}}
Andre deltagere: {{andreDeltagere}}
{{/andreDeltagere}}
{{#tolk=true}}
Samtalen blev holdt med tolk på {{tolkSprog}}.
{{/tolk=true}}
{{#bisidderVejledt=true}}
Borgeren er vejledt om retten til at have en bisidder eller partsrepræsentant med (forvaltningsloven § 8).
{{/bisidderVejledt=true}}
{{#formaal=true}}
Formålet med samtalen er forklaret for borgeren.
{{/formaal=true}}`;

const consent: Fields = [
  {
    id: 'samtykke',
    kind: 'choice',
    label: 'Samtykke til at indhente helbredsoplysninger',
    required: true,
    options: [
      { value: 'ikke-relevant', label: 'ikke relevant ved denne samtale' },
      { value: 'givet', label: 'givet' },
      { value: 'afslaaet', label: 'ikke givet' },
    ],
  },
  {
    id: 'samtykkeOmfang',
    kind: 'textarea',
    label: 'Hvilke oplysninger, fra hvem og til hvilken sag',
    help: 'Samtykket skal være konkret (retssikkerhedsloven § 11 a, stk. 1).',
    required: true,
    showWhen: { field: 'samtykke', equals: 'givet' },
  },
  {
    id: 'samtykkeVejledt',
    kind: 'yesno',
    label: 'Er borgeren oplyst om, hvad det betyder ikke at give samtykke (retssikkerhedsloven § 12, nr. 3)?',
    showWhen: { field: 'samtykke', equals: 'givet' },
  },
  {
    id: 'afslagVejledt',
    kind: 'yesno',
    label: 'Er borgeren oplyst om, hvad det betyder ikke at give samtykke (retssikkerhedsloven § 12, nr. 3)?',
    showWhen: { field: 'samtykke', equals: 'afslaaet' },
  },
];

const consentSentence =
  'Borgeren er oplyst om, hvad det betyder ikke at give samtykke (retssikkerhedsloven § 12, nr. 3, jf. § 11 b).';

const consentBody = `{{#samtykke=givet}}
Borgeren har givet konkret samtykke til, at kommunen indhenter: {{samtykkeOmfang}}
{{/samtykke=givet}}
{{#samtykkeVejledt=true}}
${consentSentence}
{{/samtykkeVejledt=true}}
{{#samtykke=afslaaet}}
Borgeren har ikke givet samtykke til at indhente helbredsoplysninger.
{{/samtykke=afslaaet}}
{{#afslagVejledt=true}}
${consentSentence}
{{/afslagVejledt=true}}`;

/** Aktivloven § 35: the guidance, its date and the document it was given in. */
const guidance35: Fields = [
  {
    id: 'vejledning35',
    kind: 'yesno',
    label: 'Har borgeren fået skriftlig og konkret vejledning om rådighed og sanktioner (aktivloven § 35)?',
    help: 'En sanktion forudsætter, at kommunen kan dokumentere, at vejledningen er givet skriftligt, hvornår og med hvilken ordlyd.',
    required: true,
  },
  {
    id: 'vejledning35Dato',
    kind: 'date',
    label: 'Dato for den skriftlige vejledning',
    required: true,
    showWhen: { field: 'vejledning35', equals: true },
  },
  {
    id: 'vejledning35Dokument',
    kind: 'text',
    label: 'Dokumentet, vejledningen blev givet i',
    help: 'Fx »indkaldelse af 3.12.2026« eller »tilbudsbrev af 1.12.2026«.',
    required: true,
    showWhen: { field: 'vejledning35', equals: true },
  },
];

const guidance35Body = `{{#vejledning35=true}}
Borgeren har fået skriftlig og konkret vejledning om pligten til at stå til rådighed, om hvilke forsømmelser der kan give sanktion, hvilken sanktion og hvordan retten til hjælp genvindes (aktivloven § 35). Vejledningen blev givet {{vejledning35Dato}} i {{vejledning35Dokument}}.
{{/vejledning35=true}}
{{#vejledning35=false}}
Der er ikke givet skriftlig vejledning efter aktivloven § 35 i forbindelse med denne samtale.
{{/vejledning35=false}}`;

const jobSearch: Fields = [
  {
    id: 'cv',
    kind: 'choice',
    label: 'CV på Jobnet',
    required: true,
    options: [
      { value: 'opdateret', label: 'CV er opdateret' },
      { value: 'gennemgaaet', label: 'CV er gennemgået, og borgeren opdaterer det' },
      { value: 'mangler', label: 'CV mangler og skal udarbejdes' },
    ],
  },
  { id: 'antalJob', kind: 'number', label: 'Aftalt antal ansøgninger om ugen', min: 0, max: 40 },
  {
    id: 'kanaler',
    kind: 'choices',
    label: 'Jobsøgningen sker via',
    options: [
      { value: 'jobnet', label: 'Jobnet' },
      { value: 'uopfordret', label: 'uopfordrede ansøgninger' },
      { value: 'netvaerk', label: 'netværk' },
      { value: 'vikar', label: 'vikarbureauer' },
    ],
  },
  { id: 'jobsoegning', kind: 'textarea', label: 'Konkrete job og virksomheder' },
];

const jobSearchBody = `{{#cv}}
{{cv}}.
{{/cv}}
{{#antalJob}}
Det er aftalt, at borgeren søger {{antalJob}} job om ugen{{#kanaler}} via {{kanaler}}{{/kanaler}}.
{{/antalJob}}
{{^antalJob}}
{{#kanaler}}
Borgeren søger job via {{kanaler}}.
{{/kanaler}}
{{/antalJob}}
{{#jobsoegning}}
Konkrete job og virksomheder: {{jobsoegning}}
{{/jobsoegning}}`;

const offer: Fields = [
  { id: 'tilbud', kind: 'yesno', label: 'Er der behov for et tilbud?', required: true },
  {
    id: 'tilbudBeskrivelse',
    kind: 'textarea',
    label: 'Hvilket tilbud og hvorfor',
    required: true,
    showWhen: { field: 'tilbud', equals: true },
  },
  {
    id: 'minPlanFoerTilbud',
    kind: 'yesno',
    label: 'Er Min Plan aftalt med borgeren, før tilbuddet gives?',
    showWhen: { field: 'tilbud', equals: true },
  },
];

const offerBody = `{{#tilbud=true}}
Behov for tilbud: {{tilbudBeskrivelse}}
{{/tilbud=true}}
{{#minPlanFoerTilbud=true}}
Min Plan er aftalt med borgeren, før tilbuddet gives.
{{/minPlanFoerTilbud=true}}`;

const agreed: Fields = [
  {
    id: 'aftalt',
    kind: 'choices',
    label: 'Aftaler i Min Plan',
    style: 'sentences',
    options: [
      { value: 'cv', label: 'Borgeren opdaterer sit CV på Jobnet inden næste samtale' },
      { value: 'soeg', label: 'Borgeren søger det aftalte antal job hver uge og registrerer dem i joblog' },
      { value: 'kursus', label: 'Borgeren deltager i jobsøgningsforløb' },
      { value: 'virksomhed', label: 'Kommunen kontakter relevante virksomheder sammen med borgeren' },
    ],
  },
  { id: 'aftaler', kind: 'textarea', label: 'Øvrige aftaler' },
  { id: 'naesteKontakt', kind: 'date', label: 'Næste kontakt', required: true, prefill: 'citizen.naesteMoede' },
];

const agreedBody = `{{#aftalt}}
Aftalt i Min Plan: {{aftalt}}
{{/aftalt}}
{{#aftaler}}
Øvrige aftaler: {{aftaler}}
{{/aftaler}}
Næste kontakt: {{naesteKontakt}}.`;

const visitation: Fields = [
  {
    id: 'vurdering',
    kind: 'choice',
    label: 'Visitation',
    required: true,
    options: [
      { value: 'jobparat', label: 'jobparat' },
      { value: 'uddannelsesparat', label: 'uddannelsesparat' },
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
      { value: 'uddannelse-mulig', label: 'Borgeren vurderes at kunne begynde på en uddannelse inden for et år' },
      { value: 'helbred', label: 'Borgerens helbred står i vejen for arbejde lige nu' },
      { value: 'sociale', label: 'Borgeren har sociale udfordringer, der kræver en indsats først' },
      { value: 'kvalifikationer', label: 'Borgeren mangler kvalifikationer, der kræver opkvalificering' },
    ],
  },
  { id: 'begrundelse', kind: 'textarea', label: 'Begrundelse i øvrigt' },
];

const visitationBody = `{{#vurdering}}
Borgeren er visiteret {{vurdering}}. {{grunde}}
{{/vurdering}}
{{#begrundelse}}
{{begrundelse}}
{{/begrundelse}}`;

const next: Fields = [
  { id: 'aftaler', kind: 'textarea', label: 'Aftaler og ændringer i Min Plan', required: true },
  { id: 'naesteKontakt', kind: 'date', label: 'Næste kontakt', required: true, prefill: 'citizen.naesteMoede' },
];

const nextBody = `Aftaler: {{aftaler}}
Næste kontakt: {{naesteKontakt}}.`;

export const defaultTemplates: TemplateInput[] = [
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.foerste-jobsamtale',
    title: 'Første jobsamtale',
    shortcut: ';fj',
    meetingType: 'foerste-jobsamtale',
    description: 'Første samtale med en ny borger på kontanthjælp (senest 1 uge efter første henvendelse om hjælp).',
    legalBasis:
      'LAB § 31, stk. 5 (første jobsamtale senest 1 uge efter første henvendelse; lovbekendtgørelse nr. 280 af 1/3 2024, ændret ved lov nr. 1750 af 29/12 2025 – verificér stk. efter 1.7.2026); aktivloven § 35 (vejledning om rådighed og sanktioner); forvaltningsloven §§ 7 og 8; offentlighedsloven § 13 (notatpligt). Reglerne ændres med den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      { id: 'oensker', kind: 'textarea', label: 'Borgerens ønsker til job og uddannelse', required: true },
      {
        id: 'forhold',
        kind: 'choices',
        label: 'Borgerens forhold af betydning for jobsøgningen',
        style: 'sentences',
        options: [
          { value: 'ingen-helbred', label: 'Borgeren oplyser ingen helbredsmæssige begrænsninger for at arbejde' },
          { value: 'helbred', label: 'Borgeren oplyser helbredsmæssige forhold, der kan påvirke arbejdet' },
          { value: 'sprog', label: 'Borgeren har behov for hjælp til dansk' },
        ],
      },
      {
        id: 'familieRelevant',
        kind: 'yesno',
        label: 'Har familieforhold betydning for sagen?',
        help: 'Notér kun familieforhold, når de har betydning for sagen (fx forsørgelse eller rådighed), og skriv hvorfor.',
      },
      {
        id: 'familie',
        kind: 'textarea',
        label: 'Familieforhold og deres betydning for sagen',
        required: true,
        showWhen: { field: 'familieRelevant', equals: true },
      },
      { id: 'forholdTekst', kind: 'textarea', label: 'Borgerens forhold i øvrigt' },
      ...jobSearch,
      ...visitation,
      ...guidance35,
      ...offer,
      ...agreed,
      ...consent,
    ],
    body: `${meetingBody('Første jobsamtale')}

Borgerens ønsker til job og uddannelse: {{oensker}}
{{#forhold}}
{{forhold}}
{{/forhold}}
{{#familie}}
Familieforhold af betydning for sagen: {{familie}}
{{/familie}}
{{#forholdTekst}}
{{forholdTekst}}
{{/forholdTekst}}

${jobSearchBody}

${visitationBody}

${guidance35Body}
${offerBody}
${consentBody}

${agreedBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.loebende-jobsamtale',
    title: 'Løbende jobsamtale',
    shortcut: ';lj',
    meetingType: 'loebende-jobsamtale',
    description: 'Jobsamtale i kontaktforløbet (kontanthjælp, dagpenge, ledighedsydelse) efter den første samtale.',
    legalBasis:
      'LAB § 31, stk. 3 (jobsamtaler i kontaktforløbet; lovbekendtgørelse nr. 280 af 1/3 2024, ændret ved lov nr. 1750 af 29/12 2025 om mere fleksible kontaktforløb fra 1.7.2026 – verificér); aktivloven § 35; forvaltningsloven § 7; offentlighedsloven § 13. Reglerne ændres med den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      { id: 'status', kind: 'textarea', label: 'Status siden sidste samtale', required: true },
      ...jobSearch,
      {
        id: 'vurderingSkift',
        kind: 'yesno',
        label: 'Er visitationen ændret ved denne samtale?',
        required: true,
      },
      {
        id: 'nyVisitation',
        kind: 'choice',
        label: 'Ny visitation',
        required: true,
        showWhen: { field: 'vurderingSkift', equals: true },
        options: [
          { value: 'jobparat', label: 'jobparat' },
          { value: 'uddannelsesparat', label: 'uddannelsesparat' },
          { value: 'aktivitetsparat', label: 'aktivitetsparat' },
        ],
      },
      {
        id: 'visitationBegrundelse',
        kind: 'textarea',
        label: 'Begrundelse for den nye visitation',
        required: true,
        showWhen: { field: 'vurderingSkift', equals: true },
      },
      ...guidance35,
      ...offer,
      ...agreed,
      ...consent,
    ],
    body: `${meetingBody('Løbende jobsamtale')}

Status siden sidste samtale: {{status}}

${jobSearchBody}
{{#vurderingSkift=true}}

Borgeren er visiteret {{nyVisitation}}. Begrundelse: {{visitationBegrundelse}}
{{/vurderingSkift=true}}
{{#vurderingSkift=false}}

Visitationen er uændret.
{{/vurderingSkift=false}}

${guidance35Body}
${offerBody}
${consentBody}

${agreedBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.opfoelgning-sygedagpenge',
    title: 'Opfølgningssamtale, sygedagpenge',
    shortcut: ';sd',
    meetingType: 'opfoelgning-sygedagpenge',
    description:
      'Første opfølgning senest ved udgangen af uge 8 regnet fra første fraværsdag; derefter efter borgerens situation.',
    legalBasis:
      'Sygedagpengeloven § 13 b, stk. 1 (første opfølgning senest inden udgangen af 8. uge regnet fra første fraværsdag), § 13 f (let opfølgning for ansatte, fra 1.1.2025), § 21 (pligt til at medvirke) og § 24 (revurdering efter 22 ugers sygedagpenge inden for 9 måneder); lovbekendtgørelse nr. 994 af 22/8 2024. Lov nr. 1750 af 29/12 2025 fritager som udgangspunkt ansatte, der forventes raskmeldt inden 26 uger, for opfølgning – verificér paragraf og ikrafttræden. Retssikkerhedsloven § 11 a, stk. 1 og § 12, nr. 3 (samtykke); offentlighedsloven § 13. Opfølgningsreglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.sygedagpengeloven,
    fields: [
      ...meeting,
      {
        id: 'foersteFravaersdag',
        kind: 'date',
        label: 'Første fraværsdag',
        help: 'Fristen for første opfølgning (uge 8) regnes fra første fraværsdag, ikke fra sagens start.',
        required: true,
      },
      {
        id: 'kilder',
        kind: 'choices',
        label: 'Oplysninger, der er lagt vægt på',
        required: true,
        options: [
          { value: 'borgeren', label: 'borgerens egne oplysninger' },
          { value: 'oplysningsskema', label: 'oplysningsskemaet' },
          { value: 'laegeattest', label: 'lægeattest' },
          { value: 'arbejdsgiver', label: 'arbejdsgiverens oplysninger' },
        ],
      },
      { id: 'uarbejdsdygtighed', kind: 'textarea', label: 'Vurdering af uarbejdsdygtighed', required: true },
      {
        id: 'raskmelding26',
        kind: 'choice',
        label: 'Forventes borgeren tilbage i arbejde inden for 26 uger?',
        help: 'Efter lov nr. 1750 af 29/12 2025 er ansatte, der forventes raskmeldt inden 26 uger, som udgangspunkt fritaget for kommunal opfølgning (paragraf og ikrafttræden: verificér).',
        options: [
          { value: 'ja', label: 'ja' },
          { value: 'nej', label: 'nej' },
          { value: 'uafklaret', label: 'uafklaret' },
        ],
      },
      {
        id: 'fastTrack',
        kind: 'yesno',
        label: 'Har borgeren eller arbejdsgiveren bedt om tidlig opfølgning (fast track)?',
        help: 'Sygedagpengeloven §§ 7 c og 7 e, jf. § 13 b, stk. 2: første opfølgningssamtale senest 2 uger efter anmodningen (læst i teksten før lov nr. 1750 af 29/12 2025 – verificér).',
      },
      { id: 'arbejdsgiverKontakt', kind: 'textarea', label: 'Kontakt med arbejdsgiver og gradvis tilbagevenden' },
      ...consent,
      {
        id: 'fristOverskredet',
        kind: 'yesno',
        label: 'Er en frist for opfølgning overskredet?',
        required: true,
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
    body: `${meetingBody('Opfølgningssamtale, sygedagpenge')}

Første fraværsdag: {{foersteFravaersdag}}.
{{#kilder}}
Der er lagt vægt på {{kilder}}.
{{/kilder}}

Vurdering af uarbejdsdygtighed: {{uarbejdsdygtighed}}
{{#raskmelding26=ja}}
Borgeren forventes tilbage i arbejde inden for 26 uger.
{{/raskmelding26=ja}}
{{#raskmelding26=nej}}
Borgeren forventes ikke tilbage i arbejde inden for 26 uger.
{{/raskmelding26=nej}}
{{#raskmelding26=uafklaret}}
Det er uafklaret, om borgeren er tilbage i arbejde inden for 26 uger.
{{/raskmelding26=uafklaret}}
{{#fastTrack=true}}
Der er bedt om tidlig opfølgning (fast track).
{{/fastTrack=true}}
{{#arbejdsgiverKontakt}}
Arbejdsgiver og tilbagevenden: {{arbejdsgiverKontakt}}
{{/arbejdsgiverKontakt}}
${consentBody}
{{#fristOverskredet=true}}
Fristen for opfølgning er overskredet. Begrundelse: {{fristBegrundelse}}
{{/fristOverskredet=true}}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.afklaring',
    title: 'Samtale om afklaring (samlet beskrivelse)',
    shortcut: ';afk',
    meetingType: 'afklaring',
    description: 'Grundlag for den samlede beskrivelse af borgerens forudsætninger (efter reformen 2026).',
    legalBasis:
      'Lov nr. 1750 af 29/12 2025 (rehabiliteringsteamet erstattes af en samlet beskrivelse af borgerens forudsætninger og sundhedskoordinatorens rådgivning; lovens § 4 ændrer aktivloven, bl.a. § 13 om rådighed, men indeholder ikke reglen om den samlede beskrivelse – verificér paragraffen i den gældende lovbekendtgørelse); forvaltningsloven § 7; offentlighedsloven § 13. Indsatsreglerne afløses af den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lov1750,
    fields: [
      ...meeting,
      { id: 'arbejdeUddannelse', kind: 'textarea', label: 'Arbejde og uddannelse', required: true },
      { id: 'ressourcer', kind: 'textarea', label: 'Ressourcer og netværk', required: true },
      { id: 'udfordringer', kind: 'textarea', label: 'Udfordringer', required: true },
      { id: 'oensker', kind: 'textarea', label: 'Borgerens egne ønsker', required: true },
      {
        id: 'helbred',
        kind: 'textarea',
        label: 'Helbred, dokumentation og betydning for arbejdsevnen',
        help: 'Skriv kun, hvad der er nødvendigt for sagen, og hvilken dokumentation det bygger på.',
      },
      { id: 'tidligereIndsats', kind: 'textarea', label: 'Ydelseshistorik og tidligere indsats' },
      { id: 'laegeVurdering', kind: 'textarea', label: 'Egen læges vurdering' },
      {
        id: 'sundhedskoordinator',
        kind: 'textarea',
        label: 'Sundhedskoordinatorens rådgivning',
        help: 'Skal foreligge før afgørelse om fleksjob eller førtidspension (verificér).',
      },
      ...consent,
      ...next,
    ],
    body: `${meetingBody('Samtale om afklaring')}

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
{{#sundhedskoordinator}}
Sundhedskoordinatorens rådgivning: {{sundhedskoordinator}}
{{/sundhedskoordinator}}
${consentBody}

${nextBody}`,
  },
  {
    ...common,
    id: 'dk.default.partshoering',
    title: 'Partshøring før afgørelse',
    shortcut: ';ph',
    meetingType: 'partshoering',
    description: 'Før afgørelse om fx stop af ydelse, sanktion, fleksjob eller førtidspension.',
    legalBasis:
      'Forvaltningsloven § 19, stk. 1 (partshøring) og stk. 2 (undtagelser); lovbekendtgørelse nr. 433 af 22/4 2014.',
    sourceUrl: SOURCES.forvaltningsloven,
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
      {
        id: 'undtagelse',
        kind: 'yesno',
        label: 'Gælder en undtagelse fra partshøring (§ 19, stk. 2)?',
        required: true,
      },
      {
        id: 'undtagelseBegrundelse',
        kind: 'textarea',
        label: 'Hvilken undtagelse og hvorfor',
        required: true,
        showWhen: { field: 'undtagelse', equals: true },
      },
      {
        id: 'hoeringsform',
        kind: 'choice',
        label: 'Partshøringen skete',
        required: true,
        showWhen: { field: 'undtagelse', equals: false },
        options: [
          { value: 'skriftligt', label: 'skriftligt' },
          { value: 'mundtligt', label: 'mundtligt' },
        ],
      },
      {
        id: 'frist',
        kind: 'date',
        label: 'Frist for bemærkninger',
        required: true,
        showWhen: { field: 'undtagelse', equals: false },
      },
      {
        id: 'kopiRepraesentant',
        kind: 'yesno',
        label: 'Er der sendt kopi til en partsrepræsentant?',
        showWhen: { field: 'undtagelse', equals: false },
      },
      {
        id: 'kontaktforsoeg',
        kind: 'textarea',
        label: 'Kontaktforsøg før sanktion (aktivitetsparat borger)',
        help: 'Før en sanktion over for en aktivitetsparat borger skal kommunen forsøge at kontakte borgeren personligt (verificér reglen efter 1.1.2027).',
        showWhen: { field: 'sagen', equals: 'sanktion' },
      },
      { id: 'svar', kind: 'textarea', label: 'Borgerens bemærkninger' },
      { id: 'vaegtning', kind: 'textarea', label: 'Hvordan bemærkningerne indgår i vurderingen' },
    ],
    body: `Partshøring før afgørelse om {{sagen}} – {{dato}}
Borger: {{borger}}. Sagsbehandler: {{sagsbehandler}}.
{{#undtagelse=false}}

Borgeren er partshørt {{hoeringsform}} over følgende oplysninger, som er til ugunst for borgeren og af væsentlig betydning for afgørelsen (forvaltningsloven § 19, stk. 1):
{{oplysninger}}

Frist for bemærkninger: {{frist}}. Der træffes ikke afgørelse, før fristen er udløbet.
{{#kopiRepraesentant=true}}
Kopi er sendt til borgerens partsrepræsentant.
{{/kopiRepraesentant=true}}
{{/undtagelse=false}}
{{#undtagelse=true}}

Der er ikke foretaget partshøring, da undtagelsen i forvaltningsloven § 19, stk. 2 finder anvendelse: {{undtagelseBegrundelse}}
Oplysninger lagt til grund: {{oplysninger}}
{{/undtagelse=true}}
{{#kontaktforsoeg}}
Kontaktforsøg før sanktion: {{kontaktforsoeg}}
{{/kontaktforsoeg}}
{{#svar}}
Borgerens bemærkninger: {{svar}}
{{/svar}}
{{#vaegtning}}
Sådan indgår bemærkningerne i vurderingen: {{vaegtning}}
{{/vaegtning}}`,
  },
  {
    ...common,
    id: 'dk.default.afgoerelse',
    title: 'Afgørelse med begrundelse og klagevejledning',
    shortcut: ';afg',
    meetingType: 'afgoerelse',
    description:
      'Notat om en afgørelse: retsregler, faktiske oplysninger, hovedhensyn ved skøn, partshøring og klagevejledning.',
    legalBasis:
      'Forvaltningsloven §§ 22–24 (begrundelse: retsregler, faktiske omstændigheder, hovedhensyn ved skøn) og § 25 (klagevejledning); lovbekendtgørelse nr. 433 af 22/4 2014. Klagefristen på 4 uger og kommunens genvurdering følger af retssikkerhedsloven (lovbekendtgørelse nr. 261 af 13/3 2024) §§ 66–67 – paragrafteksten er ikke læst, verificér; Ankestyrelsen bekræfter, at klagen indgives til kommunen, som genvurderer og senest 4 uger efter modtagelsen sender den videre.',
    sourceUrl: SOURCES.forvaltningsloven,
    fields: [
      { id: 'dato', kind: 'date', label: 'Dato for afgørelsen', required: true, prefill: 'today' },
      { id: 'borger', kind: 'text', label: 'Borger', required: true, prefill: 'citizen.name' },
      { id: 'sagsbehandler', kind: 'text', label: 'Sagsbehandler', required: true, prefill: 'caseworker.name' },
      { id: 'afgoerelse', kind: 'textarea', label: 'Afgørelsen', required: true },
      {
        id: 'regler',
        kind: 'textarea',
        label: 'Retsregler, afgørelsen bygger på (lov og paragraf)',
        required: true,
      },
      { id: 'fakta', kind: 'textarea', label: 'Faktiske oplysninger, der er lagt vægt på', required: true },
      {
        id: 'hensyn',
        kind: 'textarea',
        label: 'Hovedhensyn ved skønnet',
        help: 'Skal med, når afgørelsen bygger på et skøn (forvaltningsloven § 24, stk. 1).',
      },
      {
        id: 'partshoering',
        kind: 'choice',
        label: 'Partshøring',
        required: true,
        options: [
          { value: 'foretaget', label: 'Borgeren er partshørt før afgørelsen' },
          { value: 'undtaget', label: 'Partshøring er undladt efter forvaltningsloven § 19, stk. 2' },
          { value: 'ikke-noedvendig', label: 'Der er ingen oplysninger til ugunst, som borgeren ikke kendte' },
        ],
      },
      {
        id: 'meddelt',
        kind: 'choice',
        label: 'Afgørelsen er meddelt',
        required: true,
        options: [
          { value: 'skriftligt', label: 'skriftligt' },
          { value: 'mundtligt', label: 'mundtligt og bekræftes skriftligt' },
        ],
      },
      {
        id: 'klagevejledning',
        kind: 'yesno',
        label: 'Er afgørelsen meddelt med klagevejledning (forvaltningsloven § 25)?',
        required: true,
      },
    ],
    body: `Afgørelse – {{dato}}
Borger: {{borger}}. Sagsbehandler: {{sagsbehandler}}.

Afgørelse: {{afgoerelse}}
Retsregler: {{regler}}
Faktiske oplysninger, der er lagt vægt på: {{fakta}}
{{#hensyn}}
Hovedhensyn ved skønnet: {{hensyn}}
{{/hensyn}}
{{#partshoering}}
{{partshoering}}.
{{/partshoering}}
{{#meddelt}}
Afgørelsen er meddelt {{meddelt}}.
{{/meddelt}}
{{#klagevejledning=true}}
Afgørelsen er meddelt med klagevejledning: hvor og hvordan der klages, og klagefristen (forvaltningsloven § 25).
{{/klagevejledning=true}}
{{#klagevejledning=false}}
Der er endnu ikke givet klagevejledning.
{{/klagevejledning=false}}`,
  },
  {
    ...common,
    id: 'dk.default.kontaktnotat',
    title: 'Kort kontaktnotat (telefon eller hjemmebesøg)',
    shortcut: ';kn',
    meetingType: 'kontaktnotat',
    description: 'Notat om en kort kontakt: hvem, hvordan, hvad blev oplyst, aftaler og næste skridt.',
    legalBasis: 'Offentlighedsloven § 13, stk. 1 (notatpligt for mundtlige oplysninger); forvaltningsloven § 7.',
    sourceUrl: SOURCES.offentlighedsloven,
    fields: [
      { id: 'dato', kind: 'date', label: 'Dato', required: true, prefill: 'today' },
      {
        id: 'kanal',
        kind: 'choice',
        label: 'Kontaktform',
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
    body: `{{#kanal}}{{kanal}}{{/kanal}}{{^kanal}}Kontakt{{/kanal}} {{dato}} med {{hvem}}.

Oplyst: {{oplyst}}
{{#vejledning}}
Vejledning: {{vejledning}}
{{/vejledning}}
Aftaler og næste skridt: {{aftaler}}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.tilbud',
    title: 'Tilbud: virksomhedspraktik eller løntilskud',
    shortcut: ';tb',
    meetingType: 'tilbud',
    description: 'Notat om et tilbud: formål, periode, arbejdsgiver, timer og vejledning om konsekvenser.',
    legalBasis:
      'LAB kap. 11 om virksomhedspraktik (§ 57 målgruppe, § 58 formål, § 59 aftalens præcise formål, § 61 varighed) og kap. 12 om ansættelse med løntilskud (§ 66 målgruppe, § 67 formål, § 68 varighed); lovbekendtgørelse nr. 280 af 1/3 2024 (§§ læst i den konsoliderede tekst 6.12.2026 – verificér ændringer fra lov nr. 1750 af 29/12 2025); aktivloven § 35 (skriftlig vejledning om konsekvenser ved udeblivelse fra eller ophør i tilbuddet); forvaltningsloven § 7; offentlighedsloven § 13. Reglerne afløses af den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      {
        id: 'tilbudstype',
        kind: 'choice',
        label: 'Tilbud',
        required: true,
        options: [
          { value: 'virksomhedspraktik', label: 'virksomhedspraktik' },
          { value: 'loentilskud-privat', label: 'ansættelse med løntilskud (privat arbejdsgiver)' },
          { value: 'loentilskud-offentlig', label: 'ansættelse med løntilskud (offentlig arbejdsgiver)' },
        ],
      },
      { id: 'arbejdsgiver', kind: 'text', label: 'Arbejdsgiver og arbejdssted', required: true },
      { id: 'periodeFra', kind: 'date', label: 'Periode fra', required: true },
      { id: 'periodeTil', kind: 'date', label: 'Periode til', required: true },
      { id: 'timer', kind: 'number', label: 'Timer om ugen', min: 1, max: 37, unit: 'timer' },
      {
        id: 'tilbudFormaal',
        kind: 'textarea',
        label: 'Formålet med tilbuddet',
        help: 'Hvad borgeren skal afprøve, lære eller opnå, og hvordan det fører mod job eller uddannelse.',
        required: true,
      },
      { id: 'kontaktperson', kind: 'text', label: 'Kontaktperson hos arbejdsgiveren' },
      {
        id: 'borgerensHoldning',
        kind: 'choice',
        label: 'Borgerens holdning til tilbuddet',
        required: true,
        options: [
          { value: 'oensker', label: 'Borgeren ønsker tilbuddet' },
          { value: 'accepterer', label: 'Borgeren har accepteret tilbuddet' },
          { value: 'uenig', label: 'Borgeren er ikke enig i tilbuddet' },
        ],
      },
      {
        id: 'minPlanOpdateret',
        kind: 'yesno',
        label: 'Er tilbuddet skrevet ind i Min Plan sammen med borgeren?',
      },
      ...guidance35,
      ...next,
    ],
    body: `${meetingBody('Tilbud')}

Tilbud: {{tilbudstype}} hos {{arbejdsgiver}} fra {{periodeFra}} til {{periodeTil}}{{#timer}}, {{timer}} om ugen{{/timer}}.
Formålet med tilbuddet: {{tilbudFormaal}}
{{#kontaktperson}}
Kontaktperson hos arbejdsgiveren: {{kontaktperson}}.
{{/kontaktperson}}
{{#borgerensHoldning}}
{{borgerensHoldning}}.
{{/borgerensHoldning}}
{{#minPlanOpdateret=true}}
Tilbuddet er skrevet ind i Min Plan sammen med borgeren.
{{/minPlanOpdateret=true}}

${guidance35Body}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.afgoerelse-sanktion',
    title: 'Afgørelse om sanktion (rådighed)',
    shortcut: ';sank',
    meetingType: 'afgoerelse',
    description:
      'Afgørelse efter en forsømmelse: forudgående skriftlig vejledning, rimelig grund, kontaktforsøg, partshøring, begrundelse og klagevejledning.',
    legalBasis:
      'Aktivloven § 35, stk. 1 (sanktion efter §§ 36–40 a forudsætter forudgående skriftlig vejledning om rådighed og sanktioner) og §§ 36–40 a (bl.a. § 36 udeblivelse fra tilbud, § 37 fra jobsamtale); lovbekendtgørelse nr. 1004 af 30/6 2025, ændret ved lov nr. 1750 af 29/12 2025 § 4. Gælder kontanthjælp, også den tidligere uddannelseshjælp. Dagpenge sanktioneres af a-kassen (lov om arbejdsløshedsforsikring §§ 62–63; verificér lovbekendtgørelsen). Forvaltningsloven § 19 (partshøring), §§ 22–24 (begrundelse) og § 25 (klagevejledning). Sanktionsreglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.aktivloven,
    fields: [
      { id: 'dato', kind: 'date', label: 'Dato for afgørelsen', required: true, prefill: 'today' },
      { id: 'borger', kind: 'text', label: 'Borger', required: true, prefill: 'citizen.name' },
      { id: 'sagsbehandler', kind: 'text', label: 'Sagsbehandler', required: true, prefill: 'caseworker.name' },
      {
        id: 'forsoemmelse',
        kind: 'choice',
        label: 'Forsømmelsen',
        required: true,
        options: [
          { value: 'samtale', label: 'Borgeren udeblev fra en jobsamtale' },
          { value: 'tilbud', label: 'Borgeren udeblev fra et tilbud' },
          { value: 'arbejde', label: 'Borgeren afslog et rimeligt tilbud om arbejde' },
          { value: 'jobsoegning', label: 'Borgeren søgte ikke job som aftalt' },
          { value: 'andet', label: 'Borgeren forsømte en anden pligt' },
        ],
      },
      { id: 'forsoemmelseDato', kind: 'date', label: 'Dato for forsømmelsen', required: true },
      { id: 'forsoemmelseBeskrivelse', kind: 'textarea', label: 'Hvad skete der', required: true },
      {
        id: 'vejledning35',
        kind: 'yesno',
        label:
          'Havde borgeren før forsømmelsen fået skriftlig og konkret vejledning om rådighed og sanktioner (aktivloven § 35)?',
        help: 'En sanktion forudsætter, at kommunen kan dokumentere vejledningen: hvornår og i hvilket dokument.',
        required: true,
      },
      {
        id: 'vejledning35Dato',
        kind: 'date',
        label: 'Dato for den skriftlige vejledning',
        required: true,
        showWhen: { field: 'vejledning35', equals: true },
      },
      {
        id: 'vejledning35Dokument',
        kind: 'text',
        label: 'Dokumentet, vejledningen blev givet i',
        help: 'Fx »indkaldelse af 3.12.2026«.',
        required: true,
        showWhen: { field: 'vejledning35', equals: true },
      },
      {
        id: 'rimeligGrund',
        kind: 'choice',
        label: 'Rimelig grund',
        required: true,
        options: [
          { value: 'ingen', label: 'Borgeren havde ikke en rimelig grund til forsømmelsen' },
          { value: 'rimelig', label: 'Borgeren havde en rimelig grund til forsømmelsen' },
        ],
      },
      {
        id: 'rimeligGrundVurdering',
        kind: 'textarea',
        label: 'Borgerens forklaring og kommunens vurdering af den',
        required: true,
      },
      { id: 'aktivitetsparat', kind: 'yesno', label: 'Er borgeren visiteret aktivitetsparat?', required: true },
      {
        id: 'kontaktforsoeg',
        kind: 'textarea',
        label: 'Personligt kontaktforsøg før afgørelsen (hvornår og hvordan)',
        help: 'Før en sanktion over for en aktivitetsparat borger skal kommunen forsøge at kontakte borgeren personligt (verificér reglen efter 1.1.2027).',
        required: true,
        showWhen: { field: 'aktivitetsparat', equals: true },
      },
      {
        id: 'partshoering',
        kind: 'choice',
        label: 'Partshøring',
        required: true,
        options: [
          { value: 'foretaget', label: 'Borgeren er partshørt før afgørelsen' },
          { value: 'undtaget', label: 'Partshøring er undladt efter forvaltningsloven § 19, stk. 2' },
          { value: 'ikke-noedvendig', label: 'Der er ingen oplysninger til ugunst, som borgeren ikke kendte' },
        ],
      },
      {
        id: 'sanktion',
        kind: 'textarea',
        label: 'Sanktionen (art, beløb og periode)',
        required: true,
        showWhen: { field: 'rimeligGrund', equals: 'ingen' },
      },
      {
        id: 'regler',
        kind: 'textarea',
        label: 'Retsregler, afgørelsen bygger på (lov og paragraf)',
        required: true,
      },
      {
        id: 'meddelt',
        kind: 'choice',
        label: 'Afgørelsen er meddelt',
        required: true,
        options: [
          { value: 'skriftligt', label: 'skriftligt' },
          { value: 'mundtligt', label: 'mundtligt og bekræftes skriftligt' },
        ],
      },
      {
        id: 'klagevejledning',
        kind: 'yesno',
        label: 'Er afgørelsen meddelt med klagevejledning (forvaltningsloven § 25)?',
        required: true,
      },
    ],
    body: `Afgørelse om sanktion – {{dato}}
Borger: {{borger}}. Sagsbehandler: {{sagsbehandler}}.

{{#forsoemmelse}}
Forsømmelse {{forsoemmelseDato}}: {{forsoemmelse}}.
{{/forsoemmelse}}
{{#forsoemmelseBeskrivelse}}
{{forsoemmelseBeskrivelse}}
{{/forsoemmelseBeskrivelse}}
{{#vejledning35=true}}
Borgeren havde før forsømmelsen fået skriftlig og konkret vejledning om rådighed og sanktioner (aktivloven § 35). Vejledningen blev givet {{vejledning35Dato}} i {{vejledning35Dokument}}.
{{/vejledning35=true}}
{{#vejledning35=false}}
Borgeren havde ikke før forsømmelsen fået skriftlig vejledning efter aktivloven § 35.
{{/vejledning35=false}}
{{#rimeligGrund}}
{{rimeligGrund}}.
{{/rimeligGrund}}
{{#rimeligGrundVurdering}}
Borgerens forklaring og vurderingen af den: {{rimeligGrundVurdering}}
{{/rimeligGrundVurdering}}
{{#kontaktforsoeg}}
Personligt kontaktforsøg før afgørelsen: {{kontaktforsoeg}}
{{/kontaktforsoeg}}
{{#partshoering}}
{{partshoering}}.
{{/partshoering}}
{{#sanktion}}
Sanktion: {{sanktion}}
{{/sanktion}}
Retsregler: {{regler}}
{{#meddelt}}
Afgørelsen er meddelt {{meddelt}}.
{{/meddelt}}
{{#klagevejledning=true}}
Afgørelsen er meddelt med klagevejledning: hvor og hvordan der klages, og klagefristen (forvaltningsloven § 25).
{{/klagevejledning=true}}
{{#klagevejledning=false}}
Der er endnu ikke givet klagevejledning.
{{/klagevejledning=false}}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.revurdering-sygedagpenge',
    title: 'Revurdering og forlængelse, sygedagpenge',
    shortcut: ';rsd',
    meetingType: 'opfoelgning-sygedagpenge',
    description:
      'Revurdering, når der er udbetalt sygedagpenge i 22 uger inden for 9 måneder: forlængelse, jobafklaringsforløb eller ophør.',
    legalBasis:
      'Sygedagpengeloven § 24, stk. 1 (revurdering efter 22 ugers sygedagpenge inden for de seneste 9 måneder, regnet samlet) og § 27, stk. 1 (forlængelse); lovbekendtgørelse nr. 994 af 22/8 2024 – verificér ændringer fra lov nr. 1750 af 29/12 2025 og overgangen for jobafklaringsforløb, som ophører 1.1.2027. Ophør kræver partshøring og afgørelse (forvaltningsloven §§ 19 og 22–25). Reglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.sygedagpengeloven,
    fields: [
      ...meeting,
      { id: 'foersteFravaersdag', kind: 'date', label: 'Første fraværsdag', required: true },
      {
        id: 'ugerUdbetalt',
        kind: 'number',
        label: 'Uger med sygedagpenge inden for de seneste 9 måneder',
        help: 'Regnes samlet ud fra udbetalingerne, ikke fra sagens start (§ 24, stk. 1).',
        required: true,
        min: 0,
        max: 52,
        unit: 'uger',
      },
      {
        id: 'kilder',
        kind: 'choices',
        label: 'Oplysninger, der er lagt vægt på',
        required: true,
        options: [
          { value: 'borgeren', label: 'borgerens egne oplysninger' },
          { value: 'laegeattest', label: 'lægeattest' },
          { value: 'arbejdsgiver', label: 'arbejdsgiverens oplysninger' },
          { value: 'sundhedskoordinator', label: 'sundhedskoordinatorens rådgivning' },
        ],
      },
      { id: 'uarbejdsdygtighed', kind: 'textarea', label: 'Vurdering af uarbejdsdygtighed', required: true },
      {
        id: 'resultat',
        kind: 'choice',
        label: 'Resultat af revurderingen',
        help: 'Ophør af sygedagpenge er en afgørelse: brug skabelonerne for partshøring og afgørelse.',
        required: true,
        options: [
          { value: 'forlaengelse', label: 'Sygedagpengene forlænges efter sygedagpengeloven § 27' },
          { value: 'jobafklaring', label: 'Borgeren overgår til jobafklaringsforløb' },
          { value: 'ophoer', label: 'Ingen forlængelsesregel er opfyldt, og ophør forberedes med partshøring' },
          { value: 'uafklaret', label: 'Revurderingen er ikke afsluttet' },
        ],
      },
      {
        id: 'forlaengelsesgrund',
        kind: 'textarea',
        label: 'Forlængelsesgrund (sygedagpengeloven § 27, stk. 1, nummer) og hvad den bygger på',
        required: true,
        showWhen: { field: 'resultat', equals: 'forlaengelse' },
      },
      { id: 'begrundelse', kind: 'textarea', label: 'Begrundelse for resultatet', required: true },
      ...consent,
      ...next,
    ],
    body: `${meetingBody('Revurdering, sygedagpenge')}

Første fraværsdag: {{foersteFravaersdag}}.
{{#ugerUdbetalt}}
Uger med sygedagpenge inden for de seneste 9 måneder: {{ugerUdbetalt}}.
{{/ugerUdbetalt}}
{{#kilder}}
Der er lagt vægt på {{kilder}}.
{{/kilder}}
Vurdering af uarbejdsdygtighed: {{uarbejdsdygtighed}}

{{#resultat}}
{{resultat}}.
{{/resultat}}
{{#forlaengelsesgrund}}
Forlængelsesgrund: {{forlaengelsesgrund}}
{{/forlaengelsesgrund}}
Begrundelse: {{begrundelse}}
${consentBody}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.fleksjob',
    title: 'Opfølgning, fleksjob og ledighedsydelse',
    shortcut: ';flex',
    meetingType: 'fleksjob',
    description: 'Opfølgning for en borger i fleksjob eller på ledighedsydelse.',
    legalBasis:
      'LAB kapitel 20 om fleksjob: § 116 (målgruppe; læst i lovbekendtgørelse nr. 280 af 1/3 2024) og § 117 (indhold). Aktivloven kapitel 7 om ledighedsydelse: § 74, stk. 1 og § 74 a (ret til ledighedsydelse fra visitationen, til borgeren ansættes i fleksjob); lovbekendtgørelse nr. 1004 af 30/6 2025, paragrafferne læst i teksten efter nr. 1031 af 22/6 2023 – verificér. Visitationen efter lov nr. 1750 af 29/12 2025 (sundhedskoordinator i stedet for rehabiliteringsteam): verificér. Forvaltningsloven § 7; offentlighedsloven § 13. Reglerne afløses af den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      {
        id: 'situation',
        kind: 'choice',
        label: 'Borgeren er',
        required: true,
        options: [
          { value: 'fleksjob', label: 'i fleksjob' },
          { value: 'ledighedsydelse', label: 'på ledighedsydelse' },
        ],
      },
      {
        id: 'arbejdsgiver',
        kind: 'text',
        label: 'Arbejdsgiver',
        required: true,
        showWhen: { field: 'situation', equals: 'fleksjob' },
      },
      {
        id: 'timer',
        kind: 'number',
        label: 'Timer om ugen',
        min: 0,
        max: 37,
        unit: 'timer',
        showWhen: { field: 'situation', equals: 'fleksjob' },
      },
      {
        id: 'jobsoegning',
        kind: 'textarea',
        label: 'Jobsøgning og kontakt til mulige fleksjob',
        required: true,
        showWhen: { field: 'situation', equals: 'ledighedsydelse' },
      },
      {
        id: 'status',
        kind: 'textarea',
        label: 'Status: trivsel, arbejdsopgaver og udvikling i arbejdsevnen',
        required: true,
      },
      { id: 'skaanehensyn', kind: 'textarea', label: 'Skånehensyn, og om de overholdes' },
      {
        id: 'vejledning',
        kind: 'textarea',
        label: 'Vejledning givet (hovedindhold, og om den er givet skriftligt)',
      },
      ...consent,
      ...next,
    ],
    body: `${meetingBody('Opfølgning, fleksjob og ledighedsydelse')}

{{#situation=fleksjob}}
Borgeren er i fleksjob hos {{arbejdsgiver}}{{#timer}}, {{timer}} om ugen{{/timer}}.
{{/situation=fleksjob}}
{{#situation=ledighedsydelse}}
Borgeren modtager ledighedsydelse.
Jobsøgning og kontakt til mulige fleksjob: {{jobsoegning}}
{{/situation=ledighedsydelse}}
Status: {{status}}
{{#skaanehensyn}}
Skånehensyn: {{skaanehensyn}}
{{/skaanehensyn}}
{{#vejledning}}
Vejledning: {{vejledning}}
{{/vejledning}}
${consentBody}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.ressourceforloeb',
    title: 'Opfølgning, ressourceforløb og jobafklaringsforløb',
    shortcut: ';rf',
    meetingType: 'ressourceforloeb',
    description:
      'Opfølgning for en borger, der allerede er i ressourceforløb eller jobafklaringsforløb (forløbene fortsætter under udfasningen).',
    legalBasis:
      'LAB’s regler om ressourceforløb og jobafklaringsforløb (lovbekendtgørelse nr. 280 af 1/3 2024), lukket for nye borgere ved lov nr. 1750 af 29/12 2025; jobafklaringsforløb ophører 1.1.2027 – verificér overgangsreglerne; forvaltningsloven § 7; offentlighedsloven § 13.',
    sourceUrl: SOURCES.lov1750,
    fields: [
      ...meeting,
      {
        id: 'forloeb',
        kind: 'choice',
        label: 'Forløb',
        required: true,
        options: [
          { value: 'ressourceforloeb', label: 'ressourceforløb' },
          { value: 'jobafklaring', label: 'jobafklaringsforløb' },
        ],
      },
      { id: 'indsatser', kind: 'textarea', label: 'Indsatser i forløbet og deres status', required: true },
      { id: 'udvikling', kind: 'textarea', label: 'Udvikling i arbejdsevnen', required: true },
      {
        id: 'helbred',
        kind: 'textarea',
        label: 'Helbred af betydning for forløbet, og dokumentationen',
        help: 'Skriv kun, hvad der er nødvendigt for sagen, og hvilken dokumentation det bygger på.',
      },
      {
        id: 'sundhedskoordinator',
        kind: 'textarea',
        label: 'Sundhedskoordinatorens rådgivning',
        help: 'Skal foreligge før afgørelse om fleksjob eller førtidspension (verificér).',
      },
      {
        id: 'naesteSkridt',
        kind: 'textarea',
        label: 'Retning for forløbet (fx job, uddannelse, fleksjob eller forlængelse)',
      },
      ...consent,
      ...next,
    ],
    body: `${meetingBody('Opfølgning i forløb')}

{{#forloeb}}
Borgeren er i {{forloeb}}.
{{/forloeb}}
Indsatser og status: {{indsatser}}
Udvikling i arbejdsevnen: {{udvikling}}
{{#helbred}}
Helbred: {{helbred}}
{{/helbred}}
{{#sundhedskoordinator}}
Sundhedskoordinatorens rådgivning: {{sundhedskoordinator}}
{{/sundhedskoordinator}}
{{#naesteSkridt}}
Retning for forløbet: {{naesteSkridt}}
{{/naesteSkridt}}
${consentBody}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.uddannelsespaalaeg',
    title: 'Uddannelsespålæg',
    shortcut: ';up',
    meetingType: 'uddannelsespaalaeg',
    description:
      'Pålæg til en ung uden erhvervskompetencegivende uddannelse om at søge en uddannelse. Ordningen ophører 31.12.2026 og har ingen efterfølger.',
    legalBasis:
      'LAB § 30 om uddannelsespålæg til unge under 30 år (henvist til i LAB § 58, stk. 2; lovbekendtgørelse nr. 280 af 1/3 2024 – verificér stk.); aktivloven § 35 (skriftlig vejledning om konsekvenser); forvaltningsloven § 7; offentlighedsloven § 13. Uddannelsespålæg ophører 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      {
        id: 'uddannelse',
        kind: 'textarea',
        label: 'Uddannelsen eller uddannelserne, borgeren skal søge',
        required: true,
      },
      { id: 'soegeFrist', kind: 'date', label: 'Frist for at søge optagelse', required: true },
      {
        id: 'vurdering',
        kind: 'textarea',
        label: 'Vurdering af, at borgeren kan gennemføre uddannelsen',
        required: true,
      },
      { id: 'stoette', kind: 'textarea', label: 'Støtte frem mod studiestart' },
      ...guidance35,
      ...next,
    ],
    body: `${meetingBody('Uddannelsespålæg')}

Borgeren skal søge optagelse på: {{uddannelse}}
Frist for at søge: {{soegeFrist}}.
Vurdering: {{vurdering}}
{{#stoette}}
Støtte frem mod studiestart: {{stoette}}
{{/stoette}}

${guidance35Body}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.arbejdspligt',
    title: 'Arbejdspligt',
    shortcut: ';ap',
    meetingType: 'arbejdspligt',
    description: 'Notat om arbejdspligt (op til 37 timer om ugen) for en borger på kontanthjælp.',
    legalBasis:
      'Aktivlovens og LAB’s regler om arbejdspligt for borgere, der ikke opfylder opholds- og beskæftigelseskravet: i kraft 1.1.2025 for den daværende målgruppe for selvforsørgelses- og hjemrejseydelse, fra 1.7.2025 også for den nye målgruppe og fuldt indfaset 1.1.2026 (STAR’s tidslinje); tilbud efter LAB kapitel 16 a i op til 37 timer om ugen (STAR, 21.1.2026) – aktivlovens §§: verificér; aktivloven § 35 (skriftlig vejledning om konsekvenser ved udeblivelse); forvaltningsloven § 7; offentlighedsloven § 13. Reglerne afløses af den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.aktivloven,
    fields: [
      ...meeting,
      { id: 'arbejdssted', kind: 'text', label: 'Arbejdssted', required: true },
      { id: 'timer', kind: 'number', label: 'Timer om ugen', required: true, min: 1, max: 37, unit: 'timer' },
      { id: 'periodeFra', kind: 'date', label: 'Fra', required: true },
      { id: 'opgaver', kind: 'textarea', label: 'Arbejdsopgaver', required: true },
      {
        id: 'hensyn',
        kind: 'textarea',
        label: 'Hensyn til borgerens forhold (fx helbred, børnepasning)',
        help: 'Skriv kun, hvad der er nødvendigt for sagen.',
      },
      ...guidance35,
      ...next,
    ],
    body: `${meetingBody('Arbejdspligt')}

Arbejdspligt hos {{arbejdssted}}, {{timer}} om ugen, fra {{periodeFra}}.
Arbejdsopgaver: {{opgaver}}
{{#hensyn}}
Hensyn til borgerens forhold: {{hensyn}}
{{/hensyn}}

${guidance35Body}

${nextBody}`,
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.faellessamtale',
    title: 'Fællessamtale med a-kassen',
    shortcut: ';fs',
    meetingType: 'faellessamtale',
    description: 'Samtale med en dagpengemodtager, hvor a-kassen deltager.',
    legalBasis:
      'LAB § 31, stk. 2 (borgeren vælger, om a-kassen deltager i den første jobsamtale i kommunen) og § 32, stk. 2 (a-kassen deltager i en jobsamtale senest ved 16 måneders ledighed, hvor kommunen tilbyder en intensiveret indsats); lovbekendtgørelse nr. 280 af 1/3 2024. STAR oplyser, at samtalen ved 16 måneder fortsætter efter reformen; stk.-numrene efter lov nr. 1750 af 29/12 2025’s ændring af kontaktforløbet 1.7.2026 – verificér. Forvaltningsloven § 7; offentlighedsloven § 13. Reglerne afløses af den nye hovedlov 1.1.2027.',
    sourceUrl: SOURCES.lab,
    fields: [
      ...meeting,
      { id: 'akasse', kind: 'text', label: 'A-kasse og dens repræsentant', required: true },
      { id: 'status', kind: 'textarea', label: 'Status siden sidste samtale', required: true },
      ...jobSearch,
      ...agreed,
    ],
    body: `${meetingBody('Fællessamtale med a-kassen')}
A-kassen deltog: {{akasse}}.

Status siden sidste samtale: {{status}}

${jobSearchBody}

${agreedBody}`,
  },
];
