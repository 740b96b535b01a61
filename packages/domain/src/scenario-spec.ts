import { Either, Schema } from "effect"
import { Sector } from "./commitment.js"
import { CommitmentId, PackId, ParameterId } from "./ids.js"
import { InvalidInput, issuesFromParseError, type ValidationIssue } from "./validation-issue.js"

export const MAX_HORIZON_MONTHS = 120
export const MAX_RUNS = 100_000
export const MAX_SEED = 4_294_967_295
export const MAX_INTERVENTIONS = 100

const Month = Schema.Int.pipe(
  Schema.between(0, MAX_HORIZON_MONTHS),
  Schema.annotations({ description: "Scenario month, 0 = the visit (August 2025)" }),
)
const Share = Schema.Number.pipe(Schema.between(0, 1))

export const SanctionsPackage = Schema.Struct({
  type: Schema.Literal("sanctions-package"),
  month: Month,
  /** Share of Russia's relevant trade and finance the package covers, 0..1. */
  coverage: Share,
  /** Share of the covered flows actually stopped, 0..1. */
  enforcement: Share,
  label: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
}).annotations({ identifier: "SanctionsPackage", title: "Sanctions package" })
export type SanctionsPackage = typeof SanctionsPackage.Type

export const AidForm = Schema.Literal("grant", "loan", "in-kind").annotations({ identifier: "AidForm" })
export type AidForm = typeof AidForm.Type

export const AidPackage = Schema.Struct({
  type: Schema.Literal("aid-package"),
  month: Month,
  sector: Sector,
  amountUsdM: Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(100_000)),
  form: AidForm,
  label: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
}).annotations({ identifier: "AidPackage", title: "Aid package" })
export type AidPackage = typeof AidPackage.Type

export const Delay = Schema.Struct({
  type: Schema.Literal("delay"),
  commitment: CommitmentId,
  months: Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)),
  /** Month the delay starts (default 0): the commitment stands still for `months` months from then. */
  month: Schema.optional(Month),
}).annotations({ identifier: "Delay", title: "Delay a commitment" })
export type Delay = typeof Delay.Type

export const Withdraw = Schema.Struct({
  type: Schema.Literal("withdraw"),
  commitment: CommitmentId,
  month: Month,
}).annotations({ identifier: "Withdraw", title: "Withdraw a commitment" })
export type Withdraw = typeof Withdraw.Type

export const Intervention = Schema.Union(SanctionsPackage, AidPackage, Delay, Withdraw).annotations({
  identifier: "Intervention",
})
export type Intervention = typeof Intervention.Type
export type InterventionType = Intervention["type"]

/** An override of a pack parameter: a fixed value or a new low/mode/high range. */
export const AssumptionOverride = Schema.Union(
  Schema.Number.pipe(Schema.finite()),
  Schema.Struct({ low: Schema.Number, mode: Schema.Number, high: Schema.Number }),
).annotations({ identifier: "AssumptionOverride" })
export type AssumptionOverride = typeof AssumptionOverride.Type

/** A what-if scenario as users write it (JSON or YAML); defaults are filled on decode. */
export const ScenarioSpec = Schema.Struct({
  pack: PackId,
  name: Schema.optional(Schema.String.pipe(Schema.maxLength(200))),
  horizonMonths: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)), {
    default: () => 24,
  }),
  runs: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, MAX_RUNS)), { default: () => 1000 }),
  seed: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, MAX_SEED)), { default: () => 1 }),
  interventions: Schema.optionalWith(Schema.Array(Intervention).pipe(Schema.maxItems(MAX_INTERVENTIONS)), {
    default: () => [],
  }),
  assumptions: Schema.optional(Schema.Record({ key: ParameterId, value: AssumptionOverride })),
}).annotations({ identifier: "ScenarioSpec", title: "Accord scenario spec" })
export type ScenarioSpec = typeof ScenarioSpec.Type
export type ScenarioSpecInput = typeof ScenarioSpec.Encoded

/** Strict decoding for untrusted input: every error, unknown fields rejected. */
export const strictParseOptions = { errors: "all", onExcessProperty: "error" } as const

/** What spec validation needs to know about packs, so that it can check ids against them. */
export interface PackCatalog {
  readonly packIds: ReadonlyArray<string>
  readonly commitmentIds: (packId: string) => ReadonlyArray<string>
  readonly parameterRange: (packId: string, parameterId: string) => { min: number; max: number } | undefined
}

/** Checks a structurally valid spec against its pack: ids exist, months fall within the horizon. */
export const crossCheckSpec = (spec: ScenarioSpec, catalog: PackCatalog): ReadonlyArray<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  if (!catalog.packIds.includes(spec.pack)) {
    issues.push({
      path: "pack",
      message: `unknown pack '${spec.pack}'; known: ${catalog.packIds.join(", ")}`,
    })
    return issues
  }
  const commitments = catalog.commitmentIds(spec.pack)
  spec.interventions.forEach((intervention, i) => {
    const at = `interventions.${i}`
    const month = intervention.type === "delay" ? (intervention.month ?? 0) : intervention.month
    if (month > spec.horizonMonths) {
      issues.push({
        path: `${at}.month`,
        message: `month ${month} is past the horizon (${spec.horizonMonths} months)`,
      })
    }
    if (
      (intervention.type === "delay" || intervention.type === "withdraw") &&
      !commitments.includes(intervention.commitment)
    ) {
      issues.push({
        path: `${at}.commitment`,
        message: `unknown commitment '${intervention.commitment}' in pack '${spec.pack}'`,
      })
    }
  })
  for (const [id, override] of Object.entries(spec.assumptions ?? {})) {
    const at = `assumptions.${id}`
    const range = catalog.parameterRange(spec.pack, id)
    if (range === undefined) {
      issues.push({ path: at, message: `unknown assumption '${id}' in pack '${spec.pack}'` })
      continue
    }
    const values = typeof override === "number" ? [override] : [override.low, override.mode, override.high]
    if (values.some((v) => !Number.isFinite(v) || v < range.min || v > range.max)) {
      issues.push({ path: at, message: `must lie within ${range.min}..${range.max}` })
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

const invalid = (issues: ReadonlyArray<ValidationIssue>) =>
  new InvalidInput({
    message: `the scenario spec is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
    issues,
  })
