import type { Intervention } from "@accord/domain"
/**
 * The indicators the engine knows how to fold, in the fixed order of its
 * arrays. Labels and units come from the pack; formulas are documented in
 * docs/model.md and implemented twice: in the hot loop (trajectory-kernel.ts)
 * and as a plain fold over a trajectory's events (indicator-fold.ts), which
 * tests hold equal.
 */
export const INDICATOR_IDS = [
  "funds.pledged_usd_m",
  "funds.agreed_usd_m",
  "funds.disbursed_usd_m",
  "energy.capacity_restored_mw",
  "sanctions.pressure_index",
  "sanctions.coalition_partners",
  "defense.consultations_held",
  "commitments.implemented",
  "health.facilities_supported",
  "smes.supported",
  "demining.area_cleared_km2",
  "digital.disbursed_usd_m",
  "infrastructure.disbursed_usd_m",
  "humanitarian.disbursed_usd_m",
] as const
export type IndicatorId = (typeof INDICATOR_IDS)[number]

export const INDICATOR_COUNT = INDICATOR_IDS.length

/** Array slot of each indicator. */
export const IND = {
  pledged: 0,
  agreed: 1,
  disbursed: 2,
  energyMw: 3,
  pressure: 4,
  partners: 5,
  consultations: 6,
  implemented: 7,
  healthFacilities: 8,
  smes: 9,
  deminingKm2: 10,
  digitalUsdM: 11,
  infrastructureUsdM: 12,
  humanitarianUsdM: 13,
} as const

/** The indicator the representative run is chosen by. */
export const HEADLINE_INDICATOR: IndicatorId = "funds.disbursed_usd_m"

/** Which indicator an aid package in each sector moves. */
export const SECTOR_INDICATOR = {
  energy: "energy.capacity_restored_mw",
  digital: "digital.disbursed_usd_m",
  health: "health.facilities_supported",
  smes: "smes.supported",
  infrastructure: "infrastructure.disbursed_usd_m",
  demining: "demining.area_cleared_km2",
  humanitarian: "humanitarian.disbursed_usd_m",
} as const satisfies Record<string, IndicatorId>

/** Model-wide parameters the formulas read, by pack parameter id. */
export const MODEL_PARAMETER_IDS = {
  existingStrength: "sanctions.existing-strength",
  evasionRate: "sanctions.evasion-rate",
  saturation: "sanctions.pressure-saturation",
  potentialPartners: "coalition.potential-partners",
  joinRate: "coalition.join-rate",
  amplification: "coalition.amplification",
  consultationInterval: "defense-consultations.interval-months",
  costPerMw: "energy.cost-per-mw-usd-m",
  costPerFacility: "health.cost-per-facility-usd-m",
  costPerSme: "smes.cost-per-sme-usd-m",
  costPerKm2: "demining.cost-per-km2-usd-m",
} as const
export type ModelParameter = keyof typeof MODEL_PARAMETER_IDS

/** A sanctions commitment of a pack reads `<id>.coverage` and `<id>.enforcement`. */
export const sanctionsParameterIds = (commitmentId: string) =>
  ({ coverage: `${commitmentId}.coverage`, enforcement: `${commitmentId}.enforcement` }) as const

/**
 * Ceiling of the monthly evasion rate once counter-measures add to it (besides the parameter's own
 * admissible maximum): the erosion factor must stay far from 0, since a package's erosion is a ratio of two.
 */
export const MAX_MONTHLY_EVASION = 0.5

/**
 * What the sanctions-evasion interventions in force add to the monthly evasion rate in month `m`: the sum of
 * their `evasionPerMonth`, in spec order (the hot loop and the fold add them in the same order, bit for bit).
 */
export const evasionAddedAt = (interventions: ReadonlyArray<Intervention>, m: number): number => {
  let added = 0
  for (const i of interventions)
    if (i.type === "sanctions-evasion" && i.month <= m) added += i.evasionPerMonth
  return added
}

/**
 * The monthly evasion rate in a month: the run's drawn rate plus what counter-measures add, capped at `cap`
 * but never below the drawn rate. Exactly the drawn rate when nothing is added (the baseline's numbers).
 */
export const monthlyEvasion = (drawn: number, added: number, cap: number): number =>
  added === 0 ? drawn : Math.max(drawn, Math.min(cap, drawn + added))

/** Most partners the model tracks per run (a bit mask per run). */
export const MAX_PARTNERS = 16
