import { MAX_HORIZON_MONTHS, MAX_INTERVENTIONS, ScenarioSpec } from "@accord/domain"
import { GoalResult, RECOMMENDED_SOBOL_SAMPLES, Report } from "@accord/engine"
import { Schema } from "effect"

const IndicatorId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)).annotations({
  description: "An indicator id of the spec's pack, e.g. funds.disbursed_usd_m",
})
const Month = Schema.Int.pipe(Schema.between(0, MAX_HORIZON_MONTHS))

export const SensitivityRequest = Schema.Struct({
  spec: ScenarioSpec,
  indicator: IndicatorId,
  month: Schema.optional(Month).annotations({
    description: "Month of the indicator; the horizon by default",
  }),
  method: Schema.Literal("tornado", "sobol"),
  samples: Schema.optional(Schema.Int.pipe(Schema.between(16, 16_384))).annotations({
    description: `tornado: runs per setting (the spec's runs by default); sobol: N, rows of each Saltelli matrix (${RECOMMENDED_SOBOL_SAMPLES} by default)`,
  }),
}).annotations({ identifier: "SensitivityRequest" })
export type SensitivityRequest = typeof SensitivityRequest.Type

export const GoalRequest = Schema.Struct({
  spec: ScenarioSpec,
  lever: Schema.Struct({
    intervention: Schema.Int.pipe(Schema.between(0, MAX_INTERVENTIONS - 1)).annotations({
      description: "Index of the intervention in spec.interventions",
    }),
    field: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(50)).annotations({
      description: "A numeric field of that intervention: amountUsdM, month, coverage, enforcement, …",
    }),
  }),
  indicator: IndicatorId,
  month: Month,
  target: Schema.Number.pipe(Schema.finite()),
  probability: Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(1)).annotations({
    description: "Share of runs (more than 0, at most 1) that must reach the target",
  }),
}).annotations({ identifier: "GoalRequest" })
export type GoalRequest = typeof GoalRequest.Type

export const GoalResponse = Schema.Struct({ goal: GoalResult, report: Report }).annotations({
  identifier: "GoalResponse",
})
export type GoalResponse = typeof GoalResponse.Type
