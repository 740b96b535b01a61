import { LifecycleState, Observation, ScenarioSpec } from "@accord/domain"
import { Schema } from "effect"
import { ModelInfo } from "./model-version.js"

/** The distribution of one indicator at one month across runs. */
export const QuantileRow = Schema.Struct({
  month: Schema.Int,
  p10: Schema.Number,
  p50: Schema.Number,
  p90: Schema.Number,
  mean: Schema.Number,
}).annotations({ identifier: "QuantileRow" })
export type QuantileRow = typeof QuantileRow.Type

export const IndicatorSeries = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  unit: Schema.String,
  series: Schema.Array(QuantileRow),
}).annotations({ identifier: "IndicatorSeries" })
export type IndicatorSeries = typeof IndicatorSeries.Type

/** Share of runs (0..1) ending the horizon in each lifecycle state. */
export const FinalStateShares = Schema.Record({ key: LifecycleState, value: Schema.Number }).annotations({
  identifier: "FinalStateShares",
})
export type FinalStateShares = typeof FinalStateShares.Type

export const CommitmentOutcome = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  finalStates: FinalStateShares,
}).annotations({ identifier: "CommitmentOutcome" })
export type CommitmentOutcome = typeof CommitmentOutcome.Type

/** The run whose headline indicator at the horizon is closest to the median, for timelines. */
export const RepresentativeRun = Schema.Struct({
  index: Schema.Int,
  indicator: Schema.String,
}).annotations({ identifier: "RepresentativeRun" })

/** How a report with `asOf` was conditioned on what was observed. */
export const ReportConditioning = Schema.Struct({
  asOf: Schema.String,
  /** The observations the runs were weighted by, as recorded. */
  observations: Schema.Array(Observation),
  /** Observations dated on or before asOf that this model cannot compare with, and why. */
  ignored: Schema.Array(Schema.Struct({ id: Schema.String, reason: Schema.String })),
  /** Kish effective sample size of the weighted runs, one decimal. */
  effectiveRuns: Schema.Number,
}).annotations({ identifier: "ReportConditioning" })
export type ReportConditioning = typeof ReportConditioning.Type

/**
 * A scenario's projected outcomes: a pure function of (pack, spec, seed).
 * `hash` is the SHA-256 of the canonical JSON of every other field.
 */
export const Report = Schema.Struct({
  hash: Schema.String,
  pack: Schema.String,
  seed: Schema.Int,
  runs: Schema.Int,
  horizonMonths: Schema.Int,
  spec: ScenarioSpec,
  indicators: Schema.Array(IndicatorSeries),
  commitments: Schema.Array(CommitmentOutcome),
  representativeRun: RepresentativeRun,
  model: ModelInfo,
  /** Present when the spec has `asOf`. */
  conditioning: Schema.optional(ReportConditioning),
  /** Things a reader must know about these numbers (e.g. few effective runs). */
  warnings: Schema.optional(Schema.Array(Schema.String)),
}).annotations({ identifier: "Report" })
export type Report = typeof Report.Type

/** Paired differences (variant − baseline) of one indicator at one month, under common random numbers. */
export const DeltaRow = Schema.Struct({
  month: Schema.Int,
  baselineP50: Schema.Number,
  variantP50: Schema.Number,
  deltaP10: Schema.Number,
  deltaP50: Schema.Number,
  deltaP90: Schema.Number,
  deltaMean: Schema.Number,
  /** Share of runs (0..1) where the variant is strictly higher than the baseline. */
  shareVariantHigher: Schema.Number,
}).annotations({ identifier: "DeltaRow" })
export type DeltaRow = typeof DeltaRow.Type

export const IndicatorComparison = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  unit: Schema.String,
  /** The row at the horizon month. */
  atHorizon: DeltaRow,
  series: Schema.Array(DeltaRow),
}).annotations({ identifier: "IndicatorComparison" })
export type IndicatorComparison = typeof IndicatorComparison.Type

export const Comparison = Schema.Struct({
  hash: Schema.String,
  pack: Schema.String,
  seed: Schema.Int,
  runs: Schema.Int,
  horizonMonths: Schema.Int,
  baseline: ScenarioSpec,
  variant: ScenarioSpec,
  indicators: Schema.Array(IndicatorComparison),
  model: ModelInfo,
}).annotations({ identifier: "Comparison" })
export type Comparison = typeof Comparison.Type
