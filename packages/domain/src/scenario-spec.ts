import { Either, Schema } from "effect"
import { Sector } from "./commitment.js"
import {
  interventionTitles,
  MAX_AID_USD_M,
  MAX_EVASION_PER_MONTH,
  MAX_HORIZON_MONTHS,
  MAX_INTERVENTIONS,
  MAX_MW_DESTROYED,
  MAX_RUNS,
  MAX_SEED,
} from "./facts/interventions.js"
import { aidFormIds } from "./facts/sectors.js"
import { CommitmentId, PackId, ParameterId } from "./ids.js"
import { UnitAnnotationId } from "./issue-messages.js"
import { notOneOf } from "./near-miss.js"
import {
  type InvalidInput,
  invalidInput,
  issuesFromParseError,
  type ValidationIssue,
} from "./validation-issue.js"

export {
  MAX_EVASION_PER_MONTH,
  MAX_HORIZON_MONTHS,
  MAX_INTERVENTIONS,
  MAX_MW_DESTROYED,
  MAX_RUNS,
  MAX_SEED,
} from "./facts/interventions.js"

/** A number schema that names what it counts, so a range error says it in words ("between 1 and 100,000 Monte Carlo runs"). */
export const counting = <S extends Schema.Schema.Any>(schema: S, unit: string): S =>
  schema.annotations({ [UnitAnnotationId]: unit }) as S

const Month = counting(Schema.Int.pipe(Schema.between(0, MAX_HORIZON_MONTHS)), "(months after the visit)")
// Descriptions sit on property signatures: on the schema itself they would replace the decoder's error messages.
const described = <S extends Schema.Schema.Any>(schema: S, description: string) =>
  Schema.propertySignature(schema).annotations({ description })
const monthField = described(Month, "Scenario month, 0 = the visit (August 2025)")
const Share = counting(Schema.Number.pipe(Schema.between(0, 1)), "(a share: 0 = none, 1 = all)")
const Label = Schema.String.pipe(Schema.maxLength(200))
const labelField = Schema.optional(Label).annotations({
  description: "Free text shown in reports and charts (at most 200 characters)",
})
/**
 * The state a new package enters in: "proposed" (the default) draws its agreement from its kind's hazard;
 * "agreed" records a decision already taken at `month` (the classroom exercise's adopted and agreed moves).
 */
const initialStateField = Schema.optional(Schema.Literal("proposed", "agreed")).annotations({
  description:
    'State the package enters in at `month`: "proposed" (default; agreement is drawn month by month) or "agreed" (already decided at `month`, no agreement draw)',
  default: "proposed",
})

export const SanctionsPackage = Schema.Struct({
  type: Schema.Literal("sanctions-package"),
  month: monthField,
  /** Share of Russia's relevant trade and finance the package covers, 0..1. */
  coverage: described(Share, "Share of Russia's relevant trade and finance the package covers, 0..1"),
  /** Share of the covered flows actually stopped, 0..1. */
  enforcement: described(Share, "Share of the covered flows actually stopped, 0..1"),
  initialState: initialStateField,
  label: labelField,
}).annotations({
  identifier: "SanctionsPackage",
  title: interventionTitles["sanctions-package"],
  description: "Japan adopts an extra sanctions package against Russia in `month`",
})
export type SanctionsPackage = typeof SanctionsPackage.Type

export const AidForm = Schema.Literal(...aidFormIds).annotations({ identifier: "AidForm" })
export type AidForm = typeof AidForm.Type

export const AidPackage = Schema.Struct({
  type: Schema.Literal("aid-package"),
  month: monthField,
  sector: Sector,
  amountUsdM: described(
    counting(
      Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(MAX_AID_USD_M)),
      "USD millions",
    ),
    `Amount in USD millions, more than 0 and at most ${MAX_AID_USD_M}`,
  ),
  form: AidForm,
  initialState: initialStateField,
  /** Delivered in full (what remains) at this month, if it is agreed then. */
  implementedAtMonth: Schema.optional(Month).annotations({
    description:
      "Month the package is delivered in full (whatever remains), if it is agreed then (not stalled or withdrawn); not before `month`",
  }),
  label: labelField,
}).annotations({
  identifier: "AidPackage",
  title: interventionTitles["aid-package"],
  description: "A new aid package for one sector, proposed in `month`",
})
export type AidPackage = typeof AidPackage.Type

export const Delay = Schema.Struct({
  type: Schema.Literal("delay"),
  commitment: CommitmentId,
  months: described(
    counting(Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)), "months"),
    "How many months the commitment stands still",
  ),
  /** Month the delay starts (default 0): the commitment stands still for `months` months from then. */
  month: Schema.optional(Month).annotations({
    description: "Month the delay starts (default 0)",
    default: 0,
  }),
}).annotations({
  identifier: "Delay",
  title: interventionTitles.delay,
  description: "An existing commitment of the pack stands still for `months` months",
})
export type Delay = typeof Delay.Type

export const Withdraw = Schema.Struct({
  type: Schema.Literal("withdraw"),
  commitment: CommitmentId,
  month: monthField,
}).annotations({
  identifier: "Withdraw",
  title: interventionTitles.withdraw,
  description: "An existing commitment of the pack is withdrawn in `month`",
})
export type Withdraw = typeof Withdraw.Type

export const Stall = Schema.Struct({
  type: Schema.Literal("stall"),
  commitment: CommitmentId,
  month: monthField,
  label: labelField,
}).annotations({
  identifier: "Stall",
  title: interventionTitles.stall,
  description:
    "An existing commitment of the pack stalls in `month` if it is agreed then (a scandal, a budget freeze); it resumes later with its kind's resume hazard",
})
export type Stall = typeof Stall.Type

export const SanctionsEvasion = Schema.Struct({
  type: Schema.Literal("sanctions-evasion"),
  month: monthField,
  /** Added to the monthly evasion rate of sanctions in force from `month` on, in (0, 0.1]. */
  evasionPerMonth: described(
    counting(
      Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(MAX_EVASION_PER_MONTH)),
      "(added to the monthly evasion rate)",
    ),
    `Added to the monthly evasion rate of the sanctions in force from \`month\` on, more than 0 and at most ${MAX_EVASION_PER_MONTH}`,
  ),
  label: labelField,
}).annotations({
  identifier: "SanctionsEvasion",
  title: interventionTitles["sanctions-evasion"],
  description:
    "Russia counters the sanctions (shadow fleet, rerouting) from `month` on: the monthly erosion of sanctions pressure rises by `evasionPerMonth`",
})
export type SanctionsEvasion = typeof SanctionsEvasion.Type

export const GridStrike = Schema.Struct({
  type: Schema.Literal("grid-strike"),
  month: monthField,
  mwDestroyed: described(
    Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(MAX_MW_DESTROYED)),
    `Generating capacity destroyed in MW, more than 0 and at most ${MAX_MW_DESTROYED}`,
  ),
  label: labelField,
}).annotations({
  identifier: "GridStrike",
  title: interventionTitles["grid-strike"],
  description:
    "A strike on Ukraine's grid in `month` destroys `mwDestroyed` MW: the energy capacity indicator falls by that much",
})
export type GridStrike = typeof GridStrike.Type

export const Intervention = Schema.Union(
  SanctionsPackage,
  AidPackage,
  Delay,
  Withdraw,
  SanctionsEvasion,
  GridStrike,
  Stall,
).annotations({
  identifier: "Intervention",
})
export type Intervention = typeof Intervention.Type
export type InterventionType = Intervention["type"]

/** A day, "YYYY-MM-DD"; compared as text, so only its shape is checked. */
export const AsOfDate = Schema.String.pipe(
  Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: () => "expected a day like 2025-12-31 (YYYY-MM-DD)",
  }),
).annotations({ identifier: "AsOfDate" })

/** An override of a pack parameter: a fixed value or a new low/mode/high range. */
export const AssumptionOverride = Schema.Union(
  Schema.Number.pipe(Schema.finite()),
  Schema.Struct({ low: Schema.Number, mode: Schema.Number, high: Schema.Number }),
).annotations({
  identifier: "AssumptionOverride",
  description: "A fixed value, or a low/mode/high range, within the parameter's admissible range in the pack",
})
export type AssumptionOverride = typeof AssumptionOverride.Type

/** The spec's numbers, shared with the CLI's overriding options so both word a mistake alike. */
export const HorizonMonths = counting(Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)), "months")
export const Runs = counting(Schema.Int.pipe(Schema.between(1, MAX_RUNS)), "Monte Carlo runs")
export const Seed = counting(Schema.Int.pipe(Schema.between(0, MAX_SEED)), "(the random seed)")

/** A what-if scenario as users write it (JSON or YAML); defaults are filled on decode. */
export const ScenarioSpec = Schema.Struct({
  pack: described(PackId, "A built-in pack id, e.g. sybiha-visit-2025"),
  name: Schema.optional(Schema.String.pipe(Schema.maxLength(200))).annotations({
    description: "Scenario name (at most 200 characters)",
  }),
  horizonMonths: Schema.optionalWith(
    counting(Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)), "months"),
    {
      default: () => 24,
    },
  ).annotations({ description: `Months simulated after the visit, 1..${MAX_HORIZON_MONTHS}`, default: 24 }),
  runs: Schema.optionalWith(Runs, {
    default: () => 1000,
  }).annotations({
    description: `Monte Carlo runs, 1..${MAX_RUNS}`,
    default: 1000,
  }),
  seed: Schema.optionalWith(Seed, {
    default: () => 1,
  }).annotations({
    description: "Random seed, 0..2^32-1: same spec and seed, same report",
    default: 1,
  }),
  interventions: Schema.optionalWith(Schema.Array(Intervention).pipe(Schema.maxItems(MAX_INTERVENTIONS)), {
    default: () => [],
  }).annotations({
    description: `What-if changes to the pack's baseline (at most ${MAX_INTERVENTIONS})`,
    default: [],
  }),
  assumptions: Schema.optional(Schema.Record({ key: ParameterId, value: AssumptionOverride })).annotations({
    description: "Overrides of the pack's parameters, by parameter id",
  }),
  asOf: Schema.optional(AsOfDate).annotations({
    description:
      "Condition the runs on every observation of the pack dated on or before this day (YYYY-MM-DD): each run is weighted by how well it agrees with them. Without it, the projection as of the visit",
  }),
}).annotations({
  identifier: "ScenarioSpec",
  title: "Accord scenario spec",
  description: "A what-if scenario over a built-in pack (JSON or YAML). Unknown fields are rejected.",
})
export type ScenarioSpec = typeof ScenarioSpec.Type
export type ScenarioSpecInput = typeof ScenarioSpec.Encoded

/** The month an intervention acts in (a delay without a month starts at month 0). */
export const interventionMonth = (i: Intervention): number => (i.type === "delay" ? (i.month ?? 0) : i.month)

/** Interventions that act on one of the pack's commitments (by id). */
export const actsOnCommitment = (i: Intervention): i is Delay | Withdraw | Stall =>
  i.type === "delay" || i.type === "withdraw" || i.type === "stall"

/** Strict decoding for untrusted input: every error, unknown fields rejected. */
export const strictParseOptions = { errors: "all", onExcessProperty: "error" } as const

/** What spec validation needs to know about packs, so that it can check ids against them. */
export interface PackCatalog {
  readonly packIds: ReadonlyArray<string>
  readonly commitmentIds: (packId: string) => ReadonlyArray<string>
  readonly parameterIds: (packId: string) => ReadonlyArray<string>
  readonly parameterRange: (
    packId: string,
    parameterId: string,
  ) => { min: number; max: number; unit?: string } | undefined
}

/** Checks a structurally valid spec against its pack: ids exist, months fall within the horizon. */
export const crossCheckSpec = (spec: ScenarioSpec, catalog: PackCatalog): ReadonlyArray<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  if (!catalog.packIds.includes(spec.pack)) {
    issues.push({
      path: "pack",
      message: `unknown pack: ${notOneOf(spec.pack, catalog.packIds)}`,
    })
    return issues
  }
  const commitments = catalog.commitmentIds(spec.pack)
  spec.interventions.forEach((intervention, i) => {
    const at = `interventions.${i}`
    const month = interventionMonth(intervention)
    if (month > spec.horizonMonths) {
      issues.push({
        path: `${at}.month`,
        message: `past the horizon: at most ${spec.horizonMonths} (horizonMonths); got ${month}`,
      })
    }
    if (intervention.type === "aid-package" && intervention.implementedAtMonth !== undefined) {
      const done = intervention.implementedAtMonth
      if (done < intervention.month || done > spec.horizonMonths)
        issues.push({
          path: `${at}.implementedAtMonth`,
          message: `between the package's month (${intervention.month}) and the horizon (${spec.horizonMonths}); got ${done}`,
        })
    }
    if (actsOnCommitment(intervention) && !commitments.includes(intervention.commitment)) {
      issues.push({
        path: `${at}.commitment`,
        message: `unknown commitment in pack '${spec.pack}': ${notOneOf(intervention.commitment, commitments)}`,
      })
    }
  })
  for (const [id, override] of Object.entries(spec.assumptions ?? {})) {
    const at = `assumptions.${id}`
    const range = catalog.parameterRange(spec.pack, id)
    if (range === undefined) {
      const known = catalog.parameterIds(spec.pack)
      issues.push({ path: at, message: `unknown parameter in pack '${spec.pack}': ${notOneOf(id, known)}` })
      continue
    }
    const values = typeof override === "number" ? [override] : [override.low, override.mode, override.high]
    if (values.some((v) => !Number.isFinite(v) || v < range.min || v > range.max)) {
      issues.push({
        path: at,
        message: `between ${range.min} and ${range.max}${range.unit === undefined ? "" : ` (${range.unit})`}; got ${values.join(", ")}`,
      })
    }
    if (typeof override !== "number" && !(override.low <= override.mode && override.mode <= override.high)) {
      issues.push({ path: at, message: "expected low ≤ mode ≤ high" })
    }
  }
  return issues
}

/** Decodes untrusted input into a normalized spec, or every problem with its path. */
export const decodeScenarioSpec = (
  input: unknown,
  catalog: PackCatalog,
): Either.Either<ScenarioSpec, InvalidInput> => {
  const decoded = Schema.decodeUnknownEither(ScenarioSpec)(input, strictParseOptions)
  if (Either.isLeft(decoded)) {
    return Either.left(invalid(issuesFromParseError(decoded.left)))
  }
  const issues = crossCheckSpec(decoded.right, catalog)
  return issues.length > 0 ? Either.left(invalid(issues)) : Either.right(decoded.right)
}

const invalid = (issues: ReadonlyArray<ValidationIssue>) => invalidInput("the scenario spec", issues)
