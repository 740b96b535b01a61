export const MAX_HORIZON_MONTHS = 120
export const MAX_RUNS = 100_000
export const MAX_SEED = 4_294_967_295
export const MAX_INTERVENTIONS = 100

/** Most a single counter-measure adds to the monthly evasion rate. */
export const MAX_EVASION_PER_MONTH = 0.1

/**
 * Most one strike destroys, MW: Ukraine lost about 27 GW of generation in four years, 9.2 GW of it in the
 * 2024 strike wave (unn.ua, M; see docs/model.md), so 30,000 MW bounds any single strike generously.
 */
export const MAX_MW_DESTROYED = 30_000

/** Most an aid package may amount to, USD millions. */
export const MAX_AID_USD_M = 100_000

/** Every intervention type a scenario spec may hold. */
export const interventionTypeIds = [
  "sanctions-package",
  "aid-package",
  "delay",
  "withdraw",
  "sanctions-evasion",
  "grid-strike",
  "stall",
] as const
export type InterventionTypeId = (typeof interventionTypeIds)[number]

/** How an intervention type is titled (the spec schema's titles and the builder's buttons). */
export const interventionTitles: Readonly<Record<InterventionTypeId, string>> = {
  "sanctions-package": "Sanctions package",
  "aid-package": "Aid package",
  delay: "Delay a commitment",
  withdraw: "Withdraw a commitment",
  stall: "Stall a commitment",
  "sanctions-evasion": "Sanctions evasion",
  "grid-strike": "Grid strike",
}

/**
 * The numeric fields of each intervention type: the levers sensitivity and goal seeking move. The engine
 * reads their ranges from the spec schema and refuses to load if the schema's numeric fields differ.
 */
export const interventionLeverFields: Readonly<Record<InterventionTypeId, ReadonlyArray<string>>> = {
  "sanctions-package": ["month", "coverage", "enforcement"],
  "aid-package": ["month", "amountUsdM", "implementedAtMonth"],
  delay: ["months", "month"],
  withdraw: ["month"],
  stall: ["month"],
  "sanctions-evasion": ["month", "evasionPerMonth"],
  "grid-strike": ["month", "mwDestroyed"],
}

/** The track a commitment an intervention adds is shown in (the others act on existing commitments). */
export const addedCommitmentTracks: Readonly<Partial<Record<InterventionTypeId, "sanctions" | "financial">>> =
  {
    "sanctions-package": "sanctions",
    "aid-package": "financial",
  }
