import { defaultChecklists } from '../checklists/default-checklists';
import { defaultTemplates } from '../templates/default-templates';
import { DEFAULT_PACK_VERSION } from './default-pack-version';
import { PACK_FORMAT, type PackInput } from './schema';

/**
 * The default Danish pack. Loads on first run, and replaces an older default
 * version on update (the older version stays installed, so checklists begun
 * with it finish on it).
 */
export const defaultPack: PackInput = {
  format: PACK_FORMAT,
  id: 'dk.default',
  name: 'Sidevogn standardpakke (dansk)',
  publisher: 'Sidevogn',
  version: DEFAULT_PACK_VERSION,
  changelog: [
    {
      version: '2.2.1',
      date: '2026-12-06',
      changes: [
        'Lovhenvisningerne er efterprøvet 6.12.2026 (kilderne står i kildelisten for team-ledere, docs/legal-sources.md). Ingen notattekst er ændret.',
        'Sanktion: aktivloven § 35, stk. 1 og §§ 36–40 a (lovbekendtgørelse nr. 1004 af 30/6 2025, ændret ved lov nr. 1750 af 29/12 2025 § 4). Kontanthjælp efter §§ 16–20 omfatter siden 1.7.2025 også den tidligere uddannelseshjælp; dagpenge sanktioneres af a-kassen efter lov om arbejdsløshedsforsikring §§ 62–63 (lovbekendtgørelsen siger »verificér«).',
        'Fleksjob: LAB § 116 er læst i lovbekendtgørelse nr. 280 af 1/3 2024 med samme nummer og ordlyd som i nr. 701 af 22/5 2022; § 117 har samme nummer. Ledighedsydelse: aktivloven § 74, stk. 1 og § 74 a, læst i den konsoliderede tekst efter nr. 1031 af 22/6 2023 (»verificér« i nr. 1004 af 30/6 2025).',
        'Fællessamtale: LAB § 31, stk. 2 og § 32, stk. 2 (lovbekendtgørelse nr. 280 af 1/3 2024); stk.-numrene efter 1.7.2026 siger fortsat »verificér«. Arbejdspligt: tilbuddene gives efter LAB kapitel 16 a (STAR).',
        'Sygedagpenge: lovbekendtgørelsen er rettet fra nr. 1179 af 21/9 2023 til nr. 994 af 22/8 2024, og fast track fra § 7 b til §§ 7 c og 7 e, jf. § 13 b, stk. 2. Lov nr. 1750 fritager som udgangspunkt ansatte, der forventes raskmeldt inden 26 uger, for kommunal opfølgning; paragraf og ikrafttræden (1.2. eller 1.7.2026) er ikke læst og siger »verificér«.',
        'Klagefristen i retssikkerhedsloven § 67 er ikke læst i lovteksten og siger fortsat »verificér«; Ankestyrelsen bekræfter, at klagen indgives til kommunen, som genvurderer den. Afklaring: lov nr. 1750 § 4 ændrer aktivloven og rummer ikke reglen om den samlede beskrivelse; henvisningen er rettet.',
      ].join('\n'),
    },
    {
      version: '2.2.0',
      date: '2026-12-06',
      changes:
        'Hver skabelon har en genvej, der kan skrives i journalfeltet efterfulgt af Tab, fx ;fj for første jobsamtale og ;kn for kontaktnotat.',
    },
    {
      version: '2.1.1',
      date: '2026-12-06',
      changes: [
        'Tilbud: paragrafferne er læst i lovens tekst (lovbekendtgørelse nr. 280 af 1/3 2024): virksomhedspraktik LAB kap. 11 (§§ 57–59 og 61), løntilskud LAB kap. 12 (§§ 66–68). Ændringer fra lov nr. 1750 af 29/12 2025 er stadig markeret »verificér«.',
        'Uddannelsespålæg henviser til LAB § 30 (som LAB § 58, stk. 2 henviser til); fleksjob til LAB’s kapitel om fleksjob (§§ 116–117, nummereret efter lovbekendtgørelse nr. 701 af 22/5 2022, markeret »verificér«). Arbejdspligt: ikrafttræden rettet efter STAR’s tidslinje (1.1.2025 for den daværende målgruppe, 1.7.2025 for den nye, fuldt indfaset 1.1.2026); paragrafferne er ikke efterprøvet. Sanktion, ledighedsydelse, fællessamtale og klagefristen i retssikkerhedsloven er ikke efterprøvet og siger fortsat »verificér«.',
      ].join('\n'),
    },
    {
      version: '2.1.0',
      date: '2026-12-06',
      changes: [
        'De notater, der skrives mest, er tilføjet: tilbud (virksomhedspraktik, løntilskud), afgørelse om sanktion med forudgående vejledning, rimelig grund og kontaktforsøg, revurdering og forlængelse af sygedagpenge, opfølgning i fleksjob og på ledighedsydelse, opfølgning i ressourceforløb og jobafklaringsforløb, uddannelsespålæg, arbejdspligt og fællessamtale med a-kassen. Ingen af dem har svar på forhånd, og alle gælder til og med 31.12.2026. Opfølgningssamtalen for sygedagpenge spørger om fast track.',
        'Paragrafferne for tilbud, sanktioner, fleksjob, ledighedsydelse, uddannelsespålæg, arbejdspligt og fællessamtaler er ikke efterprøvet mod den gældende tekst efter lov nr. 1750 af 29/12 2025 og lov om ny kontanthjælp: grundlaget siger »verificér«. Uddannelsespålæg ophører 1.1.2027 og får ingen efterfølger.',
      ].join('\n'),
    },
    {
      version: '2.0.0',
      date: '2026-12-06',
      changes: [
        'Gennemgået mod lovgivningen pr. 6.12.2026 (afspejler loven efter lov nr. 1750 af 29/12 2025, fase 1.7.2026). Punkter, der bygger på regler, som ændres 1.1.2027 (ny hovedlov, sanktioner, sygedagpengeopfølgning), gælder til og med 31.12.2026; der er endnu ingen efterfølgere.',
        'Ingen svar er givet på forhånd: vejledning, bisidder, samtykke, CV, jobsøgning, tilbud og fristoverskridelse skal vælges af sagsbehandleren. Faste sætninger siger ikke længere, at noget er sket; formål, bisiddervejledning og Min Plan før tilbud skrives kun, når de er valgt. Vejledning efter aktivloven § 35 noterer dato og dokument.',
        'Samtykke henviser nu til retssikkerhedsloven § 11 a, stk. 1 og § 12, nr. 3, jf. § 11 b (ikke § 11 c). Alle kilder linker til loven eller vejledningen, ikke til en forside.',
        'Tjeklistepunkter er knyttet til skabelonens felter og skriver ikke længere sætninger to gange. »Notatet er lagt i sagssystemet« er erstattet af »Notatet er indsat i journalfeltet«, som panelet afkrydser efter indsættelse. »Mindst hver 4. uge« er ikke længere et krav for alle sygemeldte.',
        'Nye skabeloner og tjeklister: løbende jobsamtale og afgørelse med begrundelse og klagevejledning. Nye felter: tolk, andre deltagere, uddannelsesparat, sundhedskoordinator, første fraværsdag og forventet raskmelding inden 26 uger. Ægteskab og børn er ikke længere standardlinjer.',
        'Afvigelse fra gennemgangen: klagevejledning i afgørelsesskabelonen nævner ikke Ankestyrelsen som fast tekst, da klagen efter retssikkerhedsloven indgives til kommunen, som genvurderer sagen (verificér § 66–67); sagsbehandleren bekræfter klagevejledningen i stedet.',
      ].join('\n'),
    },
    {
      version: '1.0.0',
      date: '2026-11-23',
      changes: 'Første udgave: skabeloner og tjeklister for de fem mødetyper.',
    },
  ],
  validFrom: '2026-07-01',
  templates: defaultTemplates,
  checklists: defaultChecklists,
  adapters: [],
};
