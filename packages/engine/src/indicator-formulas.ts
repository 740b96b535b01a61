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
  "funds.new_pledged_usd_m",
  "funds.new_disbursed_usd_m",
  "energy.capacity_restored_mw",
  "sanctions.pressure_index",
  "sanctions.packages_adopted",
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
  newPledged: 3,
  newDisbursed: 4,
  energyMw: 5,
  pressure: 6,
  packagesAdopted: 7,
  consultations: 8,
  implemented: 9,
  healthFacilities: 10,
  smes: 11,
  deminingKm2: 12,
  digitalUsdM: 13,
  infrastructureUsdM: 14,
  humanitarianUsdM: 15,
} as const

/**
 * Indicators that may fall within a run: net energy capacity (grid strikes destroy MW). Every other indicator
 * is cumulative and never falls; the property tests check both.
 */
export const INDICATORS_THAT_MAY_FALL: ReadonlyArray<IndicatorId> = ["energy.capacity_restored_mw"]

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
  consultationInterval: "defense-consultations.interval-months",
  costPerMw: "energy.cost-per-mw-usd-m",
  energyIdleShare: "energy.idle-share",
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

/**
 * MW destroyed by grid strikes by month `m` (cumulative): the sum of `mwDestroyed` over grid-strike
 * interventions with month ≤ m, in spec order (the hot loop and the fold add them in the same order).
 */
export const mwDestroyedBy = (interventions: ReadonlyArray<Intervention>, m: number): number => {
  let destroyed = 0
  for (const i of interventions) if (i.type === "grid-strike" && i.month <= m) destroyed += i.mwDestroyed
  return destroyed
}

/** Net energy capacity: what delivered energy funds could run at the unit cost, less what strikes destroyed. */
export const netEnergyMw = (
  energyDisbursedUsdM: number,
  idleShare: number,
  costPerMwUsdM: number,
  destroyedMw: number,
): number => (energyDisbursedUsdM * (1 - idleShare)) / costPerMwUsdM - destroyedMw
