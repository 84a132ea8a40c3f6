/**
 * The sources the default pack cites, each the act or guide itself (never a
 * site's front page), and the day they were last read. A team lead re-checks
 * them when the law moves; the legal-basis walk test
 * (lib/packs/default-pack.test.ts) keeps the pack honest about it.
 */

/** When the legal references of the default pack were last checked. */
export const CHECKED = '2026-12-06';

/**
 * Rules that change on 1 January 2027 (STAR: a new main act replacing LAB, new
 * sanction rules, new sickness-benefit follow-up, the end of uddannelsespålæg
 * and jobafklaringsforløb): items resting on them end the day before.
 */
export const UNTIL_2027 = '2026-12-31';

export const SOURCES = {
  /** Lovbekendtgørelse nr. 433 af 22/4 2014. */
  forvaltningsloven: 'https://www.retsinformation.dk/eli/lta/2014/433',
  /** Lovbekendtgørelse nr. 145 af 24/2 2020. */
  offentlighedsloven: 'https://www.retsinformation.dk/eli/lta/2020/145',
  /** Lov om en aktiv beskæftigelsesindsats, lovbekendtgørelse nr. 280 af 1/3 2024. */
  lab: 'https://www.retsinformation.dk/eli/lta/2024/280',
  /** Lov om aktiv socialpolitik, lovbekendtgørelse nr. 1004 af 30/6 2025. */
  aktivloven: 'https://www.retsinformation.dk/eli/lta/2025/1004',
  /** Ankestyrelsen on what aktivloven § 35 guidance must contain and how it is documented. */
  ankestyrelsen35:
    'https://ast.dk/beskaeftigelse/artikler/tilbud-til-ledige-1/artikel-kommunerne-har-en-saerlig-pligt-til-at-vejlede-for-en-sanktion-efter-aktivloven',
  /**
   * Lov om sygedagpenge, lovbekendtgørelse nr. 994 af 22/8 2024 (the newest
   * consolidation seen: L 74 of 6/11 2024 amends it; nr. 1179/2023 is older).
   */
  sygedagpengeloven: 'https://www.retsinformation.dk/eli/lta/2024/994',
  /** Lov nr. 1750 af 29/12 2025 (beskæftigelsesreformen, første fase). */
  lov1750: 'https://www.retsinformation.dk/eli/lta/2025/1750',
  /** Vejledning om retssikkerhed og administration på det sociale område (retssikkerhedsvejledningen). */
  retssikkerhedsvejledningen: 'https://www.retsinformation.dk/Forms/R0710.aspx?id=208456',
  /** STAR: the reform's stages, including what takes effect on 1 January 2027. */
  starReform: 'https://star.dk/da/implementering/beskaeftigelsesreform/proces',
} as const;
