import { CHECKED, SOURCES, UNTIL_2027 } from '../templates/legal-sources';
import type { ChecklistInput } from './schema';

/**
 * Default checklists: what every meeting must cover (shared/domain/brief.md),
 * plus what each meeting type adds. Each fact is written once: an item is
 * either linked to the field of the template that records it (`field`: the
 * field ticks it) or is a process step that writes nothing. No item here has
 * a `noteText`, so a ticked item never repeats what the template wrote.
 */

type Items = ChecklistInput['items'];
const common = { checkedAt: CHECKED, validFrom: '2026-07-01' } as const;

const participants: Items = [
  {
    id: 'deltagere',
    title: 'Deltagere, bisidder og roller',
    help: 'Udfyldes i skabelonen: bisidder eller partsrepræsentant, tolk og andre deltagere med rolle.',
    required: true,
    field: 'bisidder',
  },
  {
    id: 'formaal',
    title: 'Formålet med samtalen er forklaret',
    required: true,
    field: 'formaal',
  },
];

const closing = (agreementsField: string): Items => [
  {
    id: 'bisidder',
    title: 'Borgeren er vejledt om retten til bisidder',
    legalBasis: 'Forvaltningsloven § 8',
    sourceUrl: SOURCES.forvaltningsloven,
    field: 'bisidderVejledt',
  },
  {
    id: 'samtykke',
    title: 'Samtykke er konkret og dækker denne brug',
    help: 'Hvilke oplysninger, fra hvem, til hvilken sag; og hvad det betyder ikke at give samtykke.',
    legalBasis: 'Retssikkerhedsloven § 11 a, stk. 1 og § 12, nr. 3, jf. § 11 b',
    sourceUrl: SOURCES.retssikkerhedsvejledningen,
    required: true,
    field: 'samtykke',
  },
  {
    id: 'vejledning',
    title: 'Vejledningens hovedindhold er noteret',
    help: 'Skriv i aftalerne, hvad borgeren er vejledt om, og om det skete skriftligt.',
    legalBasis: 'Forvaltningsloven § 7',
    sourceUrl: SOURCES.forvaltningsloven,
  },
  {
    id: 'aftaler',
    title: 'Aftaler og ændringer i Min Plan',
    field: agreementsField,
  },
  { id: 'naeste', title: 'Næste kontakt eller frist er aftalt', required: true, field: 'naesteKontakt' },
  journal,
];

/** Ticked by the panel when the inserted note was read back in the case system's field. */
const journal = {
  id: 'journal',
  title: 'Notatet er indsat i journalfeltet',
  help: 'Afkrydses af panelet, når notatet er indsat og læst tilbage i sagssystemets felt. Gem derefter i sagssystemet.',
  legalBasis: 'Offentlighedsloven § 13, stk. 1',
  sourceUrl: SOURCES.offentlighedsloven,
  tickedBy: 'inserted',
} satisfies Items[number];

const guidance35 = {
  id: 'raadighed',
  title: 'Skriftlig vejledning om rådighed og sanktioner: dato og dokument',
  help: 'Hvilke forsømmelser, hvilken sanktion, hvordan retten til hjælp genvindes; givet skriftligt, hvornår og i hvilket dokument.',
  legalBasis: 'Aktivloven § 35, stk. 1 (sanktionsreglerne ændres 1.1.2027)',
  sourceUrl: SOURCES.ankestyrelsen35,
  required: true,
  field: 'vejledning35',
} satisfies Items[number];

export const defaultChecklists: ChecklistInput[] = [
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.tjek.foerste-jobsamtale',
    title: 'Første jobsamtale',
    meetingType: 'foerste-jobsamtale',
    templateId: 'dk.default.foerste-jobsamtale',
    legalBasis:
      'LAB § 31, stk. 5 (verificér efter 1.7.2026); aktivloven § 35; forvaltningsloven §§ 7–8. Reglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.lab,
    items: [
      ...participants,
      {
        id: 'oensker',
        title: 'Borgerens ønsker, forhold og CV er gennemgået',
        required: true,
        field: 'oensker',
      },
      guidance35,
      {
        id: 'minplan-foer-tilbud',
        title: 'Min Plan er aftalt, før et tilbud gives',
        field: 'minPlanFoerTilbud',
      },
      {
        id: 'visitation',
        title: 'Visitation vurderet og begrundet',
        required: true,
        field: 'vurdering',
      },
      ...closing('aftalt'),
    ],
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.tjek.loebende-jobsamtale',
    title: 'Løbende jobsamtale',
    meetingType: 'loebende-jobsamtale',
    templateId: 'dk.default.loebende-jobsamtale',
    legalBasis: 'LAB § 31, stk. 3 (verificér efter 1.7.2026); aktivloven § 35. Reglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.lab,
    items: [
      ...participants,
      { id: 'status', title: 'Jobsøgning og status siden sidst er gennemgået', required: true, field: 'status' },
      { ...guidance35, required: false },
      { id: 'visitation', title: 'Visitationen er vurderet', required: true, field: 'vurderingSkift' },
      { id: 'minplan-foer-tilbud', title: 'Min Plan er aftalt, før et tilbud gives', field: 'minPlanFoerTilbud' },
      ...closing('aftalt'),
    ],
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.tjek.opfoelgning-sygedagpenge',
    title: 'Opfølgning, sygedagpenge',
    meetingType: 'opfoelgning-sygedagpenge',
    templateId: 'dk.default.opfoelgning-sygedagpenge',
    legalBasis:
      'Sygedagpengeloven §§ 13 b, 13 f, 21 og 24 (verificér ændringer fra lov nr. 1750 af 29/12 2025); retssikkerhedsloven § 11 a, stk. 1. Opfølgningsreglerne ændres 1.1.2027.',
    sourceUrl: SOURCES.sygedagpengeloven,
    items: [
      ...participants,
      {
        id: 'fravaer',
        title: 'Første fraværsdag er noteret (fristen for uge 8 regnes herfra)',
        legalBasis: 'Sygedagpengeloven § 13 b, stk. 1',
        sourceUrl: SOURCES.sygedagpengeloven,
        required: true,
        field: 'foersteFravaersdag',
      },
      {
        id: 'kilder',
        title: 'Kilder er noteret (oplysningsskema, lægeattest, arbejdsgiver, borger)',
        required: true,
        field: 'kilder',
      },
      {
        id: 'raskmelding26',
        title: 'Forventet raskmelding inden for 26 uger er afklaret',
        help: 'Beskæftigede med forventet raskmelding inden 26 uger er som udgangspunkt undtaget fra kommunal opfølgning (verificér).',
        legalBasis: 'Sygedagpengeloven, ændret ved beskæftigelsesreformen 2026 (verificér §)',
        sourceUrl: SOURCES.starReform,
        field: 'raskmelding26',
      },
      {
        id: 'arbejdsgiver',
        title: 'Kontakt med arbejdsgiver og gradvis tilbagevenden drøftet',
        field: 'arbejdsgiverKontakt',
      },
      {
        id: 'revurdering',
        title: 'Revurderingstidspunktet er kendt (22 ugers sygedagpenge inden for 9 måneder)',
        help: 'Regnes samlet over de seneste 9 måneder ud fra udbetalingerne, ikke fra sagens start.',
        legalBasis: 'Sygedagpengeloven § 24, stk. 1',
        sourceUrl: SOURCES.sygedagpengeloven,
      },
      ...closing('aftaler'),
    ],
  },
  {
    ...common,
    validTo: UNTIL_2027,
    id: 'dk.default.tjek.afklaring',
    title: 'Samtale om afklaring',
    meetingType: 'afklaring',
    templateId: 'dk.default.afklaring',
    legalBasis:
      'Lov nr. 1750 af 29/12 2025 § 4 (samlet beskrivelse og sundhedskoordinator – verificér §); forvaltningsloven § 7.',
    sourceUrl: SOURCES.lov1750,
    items: [
      ...participants,
      {
        id: 'helbred-dok',
        title: 'Helbred er dokumenteret, og betydningen for arbejdsevnen vurderet',
        field: 'helbred',
      },
      { id: 'laege', title: 'Egen læges vurdering er indhentet eller bestilt', field: 'laegeVurdering' },
      {
        id: 'sundhedskoordinator',
        title: 'Sundhedskoordinatorens rådgivning (før fleksjob eller førtidspension)',
        field: 'sundhedskoordinator',
      },
      ...closing('aftaler'),
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.partshoering',
    title: 'Partshøring før afgørelse',
    meetingType: 'partshoering',
    templateId: 'dk.default.partshoering',
    legalBasis: 'Forvaltningsloven § 19, stk. 1 og 2.',
    sourceUrl: SOURCES.forvaltningsloven,
    items: [
      {
        id: 'oplysninger',
        title: 'Hver oplysning til ugunst er nævnt med kilde',
        legalBasis: 'Forvaltningsloven § 19, stk. 1',
        sourceUrl: SOURCES.forvaltningsloven,
        required: true,
        field: 'oplysninger',
      },
      {
        id: 'undtagelse',
        title: 'Undtagelser i § 19, stk. 2 er overvejet',
        legalBasis: 'Forvaltningsloven § 19, stk. 2',
        sourceUrl: SOURCES.forvaltningsloven,
        required: true,
        field: 'undtagelse',
      },
      { id: 'frist', title: 'Frist for bemærkninger er sat', required: true, field: 'frist' },
      { id: 'kopi', title: 'Kopi til partsrepræsentant', field: 'kopiRepraesentant' },
      {
        id: 'kontaktforsoeg',
        title: 'Sanktion over for aktivitetsparat borger: personligt kontaktforsøg',
        help: 'Verificér reglen efter 1.1.2027.',
        field: 'kontaktforsoeg',
      },
      { id: 'svar', title: 'Borgerens bemærkninger er noteret og vurderet', field: 'vaegtning' },
      {
        id: 'klagevejledning',
        title: 'Afgørelsen får begrundelse og klagevejledning',
        help: 'Brug skabelonen »Afgørelse med begrundelse og klagevejledning«, når afgørelsen træffes.',
        legalBasis: 'Forvaltningsloven §§ 22–25',
        sourceUrl: SOURCES.forvaltningsloven,
      },
      journal,
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.afgoerelse',
    title: 'Afgørelse',
    meetingType: 'afgoerelse',
    templateId: 'dk.default.afgoerelse',
    legalBasis: 'Forvaltningsloven §§ 22–25.',
    sourceUrl: SOURCES.forvaltningsloven,
    items: [
      {
        id: 'regler',
        title: 'Retsreglerne er nævnt',
        legalBasis: 'Forvaltningsloven § 24, stk. 1',
        sourceUrl: SOURCES.forvaltningsloven,
        required: true,
        field: 'regler',
      },
      { id: 'fakta', title: 'De faktiske oplysninger, der er lagt vægt på', required: true, field: 'fakta' },
      { id: 'hensyn', title: 'Hovedhensyn ved skøn', field: 'hensyn' },
      {
        id: 'partshoering',
        title: 'Partshøring er foretaget eller undladt med grund',
        required: true,
        field: 'partshoering',
      },
      {
        id: 'klagevejledning',
        title: 'Klagevejledning',
        legalBasis: 'Forvaltningsloven § 25',
        sourceUrl: SOURCES.forvaltningsloven,
        required: true,
        field: 'klagevejledning',
      },
      journal,
    ],
  },
  {
    ...common,
    id: 'dk.default.tjek.kontaktnotat',
    title: 'Kort kontakt (telefon/hjemmebesøg)',
    meetingType: 'kontaktnotat',
    templateId: 'dk.default.kontaktnotat',
    legalBasis: 'Offentlighedsloven § 13, stk. 1.',
    sourceUrl: SOURCES.offentlighedsloven,
    items: [
      { id: 'hvem', title: 'Hvem og kontaktform er noteret', required: true, field: 'hvem' },
      { id: 'oplyst', title: 'Hvad der blev oplyst er noteret', required: true, field: 'oplyst' },
      { id: 'naeste', title: 'Aftaler og næste skridt', required: true, field: 'aftaler' },
      journal,
    ],
  },
];
