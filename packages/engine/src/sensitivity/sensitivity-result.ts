import { ScenarioSpec } from "@accord/domain"
import { Schema } from "effect"
import { ModelInfo } from "../model-version.js"

const Stats = Schema.Struct({ p50: Schema.Number, mean: Schema.Number }).annotations({
  identifier: "SensitivityStats",
})

const IndicatorRef = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  unit: Schema.String,
}).annotations({ identifier: "SensitivityIndicator" })

/** One bar of a tornado: the indicator with one parameter (or lever) fixed at its low and at its high. */
export const TornadoBar = Schema.Struct({
  kind: Schema.Literal("parameter", "lever"),
  /** Parameter id, or lever name `intervention.field` (e.g. `0.amountUsdM`). */
  id: Schema.String,
  label: Schema.String,
  low: Schema.Number,
  high: Schema.Number,
  atLow: Stats,
  atHigh: Stats,
  /** |mean at high − mean at low|: bars are sorted by it. */
  swing: Schema.Number,
}).annotations({ identifier: "TornadoBar" })
export type TornadoBar = typeof TornadoBar.Type

export const TornadoResult = Schema.Struct({
  method: Schema.Literal("tornado"),
  pack: Schema.String,
  indicator: IndicatorRef,
  month: Schema.Int,
  seed: Schema.Int,
  runsPerSetting: Schema.Int,
  baseline: Stats,
  bars: Schema.Array(TornadoBar),
  /** Parameters without a range (low = high): nothing to swing. */
  pinned: Schema.Array(Schema.String),
  spec: ScenarioSpec,
  model: ModelInfo,
}).annotations({ identifier: "TornadoResult" })
export type TornadoResult = typeof TornadoResult.Type

const Interval = Schema.Tuple(Schema.Number, Schema.Number)

/** Variance-based indices of one input, with bootstrap 90 % intervals. */
export const SobolIndex = Schema.Struct({
  kind: Schema.Literal("parameter", "chance"),
  /** Parameter id, or `chance` (the runs' own random events, given the parameters). */
  id: Schema.String,
  label: Schema.String,
  firstOrder: Schema.Number,
  firstOrderInterval: Interval,
  total: Schema.Number,
  totalInterval: Interval,
}).annotations({ identifier: "SobolIndex" })
export type SobolIndex = typeof SobolIndex.Type

export const SobolResult = Schema.Struct({
  method: Schema.Literal("sobol"),
  pack: Schema.String,
  indicator: IndicatorRef,
  month: Schema.Int,
  seed: Schema.Int,
  /** N: rows of each of the Saltelli matrices A and B. */
  samples: Schema.Int,
  /** Runs simulated: N × (inputs + 2), chance counting as an input. */
  evaluations: Schema.Int,
  resamples: Schema.Int,
  mean: Schema.Number,
  variance: Schema.Number,
  /** Σ first-order indices of the parameters: 1 − this is interaction (and chance, listed apart). */
  firstOrderSum: Schema.Number,
  /** Sorted by total index, largest first; empty when the indicator does not vary. */
  indices: Schema.Array(SobolIndex),
  pinned: Schema.Array(Schema.String),
  note: Schema.optional(Schema.String),
  spec: ScenarioSpec,
  model: ModelInfo,
}).annotations({ identifier: "SobolResult" })
export type SobolResult = typeof SobolResult.Type

export const SensitivityResult = Schema.Union(TornadoResult, SobolResult).annotations({
  identifier: "SensitivityResult",
})
export type SensitivityResult = typeof SensitivityResult.Type

const GoalPoint = Schema.Struct({ value: Schema.Number, probability: Schema.Number }).annotations({
  identifier: "GoalPoint",
})

export const GoalResult = Schema.Struct({
  pack: Schema.String,
  indicator: IndicatorRef,
  month: Schema.Int,
  target: Schema.Number,
  probability: Schema.Number,
  lever: Schema.Struct({
    intervention: Schema.Int,
    field: Schema.String,
    value: Schema.Number,
    min: Schema.Number,
    max: Schema.Number,
  }),
  /** `smallest` value reaching the goal; for `month`, the `latest`. */
  seeking: Schema.Literal("smallest", "latest"),
  reachable: Schema.Boolean,
  /** The value found (reachable), with the share of runs reaching the target there. */
  answer: Schema.optional(
    Schema.Struct({
      value: Schema.Number,
      probability: Schema.Number,
      /** The same share when the resulting spec is run as written (its intervention draws from its own stream). */
      probabilityAsWritten: Schema.Number,
    }),
  ),
  /** The best share reached at any value tried (the answer when reachable). */
  best: GoalPoint,
  /** Every value tried, in order (bisection under common random numbers). */
  evaluations: Schema.Array(GoalPoint),
  message: Schema.String,
  /** The spec at the answer (or at the best value when the target is not reachable). */
  spec: ScenarioSpec,
  model: ModelInfo,
}).annotations({ identifier: "GoalResult" })
export type GoalResult = typeof GoalResult.Type
