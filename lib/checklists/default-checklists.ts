import type { ChecklistInput } from './schema';

/**
 * Default checklists: what every meeting must cover (shared/domain/brief.md),
 * plus what each meeting type adds. Ticked items write their sentence into the
 * linked template's note.
 */

type Items = ChecklistInput['items'];
const FORVALTNINGSLOVEN = 'https://www.retsinformation.dk/eli/lta/2014/433';
const OFFENTLIGHEDSLOVEN = 'https://www.retsinformation.dk/eli/lta/2020/145';
const STAR = 'https://star.dk/';
const common = { checkedAt: '2026-11-23', validFrom: '2026-07-01' } as const;

const everyMeeting: Items = [
  {
    id: 'deltagere',
    title: 'Deltagere og roller er noteret',
    required: true,
    noteText: 'Deltagere og deres roller er noteret.',
  },
  {
    id: 'formaal',
    title: 'Formålet med samtalen er forklaret',
    required: true,
    noteText: 'Formålet med samtalen er forklaret for borgeren.',
  },
  {
    id: 'bisidder',
    title: 'Borgeren er oplyst om retten til bisidder',
    legalBasis: 'Forvaltningsloven § 8',
    sourceUrl: FORVALTNINGSLOVEN,
    noteText: 'Borgeren er oplyst om retten til at have en bisidder med (forvaltningsloven § 8).',
  },
  {
    id: 'samtykke',
    title: 'Samtykke er gyldigt og dækker denne brug',
    help: 'Samtykke til helbredsoplysninger skal være konkret: hvilke oplysninger, fra hvem, til hvilken sag.',
    legalBasis: 'Retssikkerhedsloven § 11 c',
    noteText: 'Det er kontrolleret, at borgerens samtykke er gyldigt og dækker de oplysninger, der indhentes.',
  },
  {
    id: 'vejledning',
    title: 'Vejledning givet, og om den er givet skriftligt',
    legalBasis: 'Forvaltningsloven § 7',
    sourceUrl: FORVALTNINGSLOVEN,
    required: true,
    noteText: 'Borgeren er vejledt, og vejledningens hovedindhold er noteret (forvaltningsloven § 7).',
  },
  {
    id: 'aftaler',
    title: 'Aftaler og ændringer i Min Plan',
    required: true,
    noteText: 'Aftaler er indført i Min Plan.',
  },
  { id: 'naeste', title: 'Næste kontakt eller frist er aftalt', required: true },
  {
    id: 'journal',
    title: 'Notatet er lagt i sagssystemet',
    help: 'Sagssystemet er den officielle journal (offentlighedsloven § 13).',
    legalBasis: 'Offentlighedsloven § 13',
    sourceUrl: OFFENTLIGHEDSLOVEN,
    required: true,
  },
];

export const defaultChecklists: ChecklistInput[] = [
  {
    ...common,
    id: 'dk.default.tjek.foerste-jobsamtale',
    title: 'Første jobsamtale',
    meetingType: 'foerste-jobsamtale',
    templateId: 'dk.default.foerste-jobsamtale',
    legalBasis: 'Lov om en aktiv beskæftigelsesindsats; aktivloven § 35; forvaltningsloven §§ 7–8.',
    sourceUrl: STAR,
    items: [
      ...everyMeeting.slice(0, 2),
      {
        id: 'oensker',
        title: 'Borgerens ønsker, forhold og CV er gennemgået',
        required: true,
        noteText: 'Borgerens ønsker, forhold og CV er gennemgået.',
      },
      {
        id: 'raadighed',
        title: 'Skriftlig vejledning om rådighed og sanktioner',
        help: 'Hvilke forsømmelser, hvilken sanktion, hvordan retten til hjælp genvindes.',
        legalBasis: 'Aktivloven § 35',
        required: true,
        noteText: 'Borgeren er vejledt om rådighed og sanktioner (aktivloven § 35).',
      },
      {
        id: 'minplan-foer-tilbud',
        title: 'Min Plan er aftalt, før et tilbud gives',
        noteText: 'Min Plan er aftalt med borgeren, før et eventuelt tilbud gives.',
      },
      {
        id: 'visitation',
        title: 'Jobparat/aktivitetsparat vurderet og begrundet',
        required: true,
        noteText: 'Visitationen er vurderet og begrundet.',
      },
      ...everyMeeting.slice(2),
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.opfoelgning-sygedagpenge',
    title: 'Opfølgning, sygedagpenge',
    meetingType: 'opfoelgning-sygedagpenge',
    templateId: 'dk.default.opfoelgning-sygedagpenge',
    legalBasis: 'Sygedagpengeloven (opfølgning); retssikkerhedsloven § 11 c.',
    sourceUrl: STAR,
    items: [
      ...everyMeeting.slice(0, 2),
      {
        id: 'kilder',
        title: 'Kilder er noteret (læge, arbejdsgiver, borger)',
        required: true,
        noteText: 'De oplysninger, der er lagt vægt på, og deres kilder er noteret.',
      },
      {
        id: 'arbejdsgiver',
        title: 'Kontakt med arbejdsgiver og gradvis tilbagevenden drøftet',
        noteText: 'Kontakt med arbejdsgiver og mulighed for gradvis tilbagevenden er drøftet.',
      },
      {
        id: 'frist',
        title: 'Rettidighed: næste opfølgning inden for 4 uger',
        required: true,
        noteText: 'Næste opfølgning er planlagt inden for 4 uger.',
      },
      ...everyMeeting.slice(2),
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.afklaring',
    title: 'Samtale om afklaring',
    meetingType: 'afklaring',
    templateId: 'dk.default.afklaring',
    legalBasis: 'Lov nr. 1750 af 29/12/2025; forvaltningsloven § 7.',
    sourceUrl: STAR,
    items: [
      ...everyMeeting.slice(0, 2),
      {
        id: 'helbred-dok',
        title: 'Helbred er dokumenteret, og betydningen for arbejdsevnen vurderet',
        noteText: 'Helbredsoplysninger er dokumenteret, og deres betydning for arbejdsevnen er vurderet.',
      },
      { id: 'laege', title: 'Egen læges vurdering er indhentet eller bestilt' },
      ...everyMeeting.slice(2),
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.partshoering',
    title: 'Partshøring før afgørelse',
    meetingType: 'partshoering',
    templateId: 'dk.default.partshoering',
    legalBasis: 'Forvaltningsloven § 19 og §§ 22–25.',
    sourceUrl: FORVALTNINGSLOVEN,
    items: [
      {
        id: 'oplysninger',
        title: 'Hver oplysning til ugunst er nævnt med kilde',
        legalBasis: 'Forvaltningsloven § 19, stk. 1',
        required: true,
        noteText: 'Hver oplysning til ugunst for borgeren er nævnt med kilde.',
      },
      { id: 'frist', title: 'Frist for bemærkninger er sat', required: true },
      {
        id: 'undtagelse',
        title: 'Undtagelser i § 19, stk. 2 er overvejet',
        legalBasis: 'Forvaltningsloven § 19, stk. 2',
        required: true,
      },
      { id: 'kopi', title: 'Kopi til partsrepræsentant' },
      {
        id: 'klagevejledning',
        title: 'Afgørelsen får begrundelse og klagevejledning',
        legalBasis: 'Forvaltningsloven §§ 22–25',
        required: true,
      },
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.kontaktnotat',
    title: 'Kort kontakt (telefon/hjemmebesøg)',
    meetingType: 'kontaktnotat',
    templateId: 'dk.default.kontaktnotat',
    legalBasis: 'Offentlighedsloven § 13.',
    sourceUrl: OFFENTLIGHEDSLOVEN,
    items: [
      { id: 'hvem', title: 'Hvem og kontaktform er noteret', required: true },
      { id: 'oplyst', title: 'Hvad der blev oplyst er noteret', required: true },
      { id: 'naeste', title: 'Aftaler og næste skridt', required: true },
    ],
  },
];
