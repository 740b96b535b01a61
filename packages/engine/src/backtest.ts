import {
  lifecyclePosition,
  MAX_HORIZON_MONTHS,
  monthOfDate,
  type Observation,
  ObservationAbout,
  type Pack,
  type PackId,
} from "@accord/domain"
import { Schema } from "effect"
import { compileModel } from "./compiled-model.js"
import {
  addLogLikelihood,
  compileConditioning,
  effectiveRuns,
  runPosition,
  weightsOf,
} from "./conditioning.js"
import { INDICATOR_IDS } from "./indicator-formulas.js"
import { ModelInfo, modelInfo } from "./model-version.js"
import { roundShare, roundStatistic } from "./run-statistics.js"
import { TrajectoryKernel } from "./trajectory-kernel.js"
import { describeWeightedRuns } from "./weighted-statistics.js"

/** One later observation against the projection made as of `asOf`. */
export const BacktestRow = Schema.Struct({
  id: Schema.String,
  date: Schema.String,
  month: Schema.Int,
  about: ObservationAbout,
  /** What is compared: an amount, or a state as its lifecycle position (withdrawn 0 … implemented 4). */
  compares: Schema.Literal("value", "state"),
  observed: Schema.Number,
  p10: Schema.Number,
  p50: Schema.Number,
  p90: Schema.Number,
  /** Weighted share of runs at or below the observed value. */
  percentile: Schema.Number,
  /** p10 ≤ observed ≤ p90. */
  inside: Schema.Boolean,
  /** Continuous ranked probability score of the weighted runs against the observation, in its unit. */
  crps: Schema.Number,
}).annotations({ identifier: "BacktestRow" })
export type BacktestRow = typeof BacktestRow.Type

/** The projection as of a day against everything observed after it. */
export const Backtest = Schema.Struct({
  pack: Schema.String,
  asOf: Schema.String,
  runs: Schema.Int,
  seed: Schema.Int,
  /** Observations on or before asOf the runs were weighted by, and the effective runs left. */
  conditionedOn: Schema.Int,
  effectiveRuns: Schema.Number,
  observations: Schema.Array(BacktestRow),
  /** Later observations this model cannot compare with, and why. */
  ignored: Schema.Array(Schema.Struct({ id: Schema.String, reason: Schema.String })),
  /** Share of rows inside p10–p90 (null without rows). */
  coverage: Schema.NullOr(Schema.Number),
  /** Mean CRPS over the rows, each in its own unit (null without rows). */
  meanCrps: Schema.NullOr(Schema.Number),
  model: ModelInfo,
}).annotations({ identifier: "Backtest" })
export type Backtest = typeof Backtest.Type

export interface BacktestOptions {
  readonly asOf: string
  readonly runs: number
  readonly seed?: number
}

interface Target {
  readonly observation: Observation
  readonly month: number
  readonly compares: "value" | "state"
  readonly observed: number
  readonly indicator: number
  readonly commitment: number
  /** Each run's quantity at the observation's month. */
  readonly values: Float32Array
}

/**
 * The pack's baseline projected as of `asOf` (runs weighted by the observations dated on or before it), against
 * every observation dated after it that has a value or a state. Deterministic: same inputs, same result.
 */
export const backtest = (
  pack: Pack,
  observations: ReadonlyArray<Observation>,
  options: BacktestOptions,
): Backtest => {
  const later = observations.filter((o) => o.date > options.asOf)
  const spec = backtestSpec(pack, observations, options)
  const { seed } = spec
  const model = compileModel(pack, spec)
  const conditioning = compileConditioning(model, observations)
  const ignored: Array<{ id: string; reason: string }> = []
  const targets: Array<Target> = []
  for (const o of later) {
    const target = targetOf(model.commitments, o, pack.startMonth, options.runs)
    if (typeof target === "string") ignored.push({ id: o.id, reason: target })
    else targets.push(target)
  }
  const kernel = new TrajectoryKernel(model, 0, model.runs)
  const logLikelihood = new Float64Array(model.runs)
  for (let m = 0; m < model.months; m++) {
    kernel.advance()
    if (conditioning !== undefined) addLogLikelihood(conditioning, kernel, logLikelihood)
    for (const t of targets) if (t.month === m) recordTarget(t, kernel)
  }
  const weights = weightsOf(logLikelihood)
  const rows = targets.map((t) => rowOf(t, weights))
  const inside = rows.filter((r) => r.inside).length
  return {
    pack: pack.id,
    asOf: options.asOf,
    runs: model.runs,
    seed,
    conditionedOn: conditioning?.used.length ?? 0,
    effectiveRuns: effectiveRuns(weights),
    observations: rows,
    ignored,
    coverage: rows.length === 0 ? null : roundShare(inside / rows.length),
    meanCrps: rows.length === 0 ? null : roundStatistic(rows.reduce((s, r) => s + r.crps, 0) / rows.length),
    model: { ...modelInfo },
  }
}

/**
 * The baseline a backtest simulates: the pack as of `asOf`, to the month of the last later observation (at
 * least 24 months, at most the longest horizon). What it costs is this spec's work.
 */
export const backtestSpec = (
  pack: Pack,
  observations: ReadonlyArray<Observation>,
  options: BacktestOptions,
) => {
  const later = observations.filter((o) => o.date > options.asOf)
  const lastMonth = later.reduce((m, o) => Math.max(m, monthOfDate(o.date, pack.startMonth)), 0)
  return {
    pack: pack.id as PackId,
    horizonMonths: Math.min(MAX_HORIZON_MONTHS, Math.max(24, lastMonth)),
    runs: options.runs,
    seed: options.seed ?? 1,
    interventions: [],
    asOf: options.asOf,
  }
}

const targetOf = (
  commitments: ReadonlyArray<{ readonly id: string }>,
  o: Observation,
  startMonth: string,
  runs: number,
): Target | string => {
  const month = monthOfDate(o.date, startMonth)
  if (month > MAX_HORIZON_MONTHS) return `month ${month} is past the longest horizon`
  const about = o.about
  const indicator =
    "indicator" in about ? (INDICATOR_IDS as ReadonlyArray<string>).indexOf(about.indicator) : -1
  const commitment = "commitment" in about ? commitments.findIndex((c) => c.id === about.commitment) : -1
  if ("indicator" in about && indicator < 0) return `the model has no indicator '${about.indicator}'`
  if ("commitment" in about && commitment < 0) return `the model has no commitment '${about.commitment}'`
  const compares = o.value !== undefined ? "value" : "state"
  const observed = o.value ?? lifecyclePosition[o.state ?? ""] ?? 0
  return { observation: o, month, compares, observed, indicator, commitment, values: new Float32Array(runs) }
}

const recordTarget = (t: Target, kernel: TrajectoryKernel): void => {
  const R = kernel.runCount
  for (let r = 0; r < R; r++) {
    t.values[r] =
      t.indicator >= 0
        ? (kernel.values[t.indicator * R + r] as number)
        : t.compares === "value"
          ? kernel.deliveredOf(r, t.commitment)
          : runPosition(kernel.stateOf(r, t.commitment))
  }
}

const rowOf = (t: Target, weights: Float64Array): BacktestRow => {
  const stats = describeWeightedRuns(t.values, weights)
  const observed = Math.fround(t.observed)
  const { below, crps } = scoreOf(t.values, weights, observed)
  return {
    id: t.observation.id,
    date: t.observation.date,
    month: t.month,
    about: t.observation.about,
    compares: t.compares,
    observed: t.observed,
    p10: roundStatistic(stats.p10),
    p50: roundStatistic(stats.p50),
    p90: roundStatistic(stats.p90),
    percentile: roundShare(below),
    inside: stats.p10 <= observed && observed <= stats.p90,
    crps: roundStatistic(crps),
  }
}

/**
 * The weighted share of runs at or below `y`, and the CRPS of the weighted empirical distribution:
 * E|X − y| − ½ E|X − X′|, the pair term from the sorted values in one pass.
 */
export const scoreOf = (
  values: Float32Array,
  weights: Float64Array,
  y: number,
): { readonly below: number; readonly crps: number } => {
  const order = Array.from(values.keys())
    .filter((r) => (weights[r] as number) > 0)
    .sort((a, b) => (values[a] as number) - (values[b] as number) || a - b)
  let total = 0
  for (const r of order) total += weights[r] as number
  if (total === 0) return { below: 0, crps: 0 }
  let below = 0
  let absolute = 0
  let pairs = 0
  let cumulativeWeight = 0
  let cumulativeMoment = 0
  for (const r of order) {
    const w = (weights[r] as number) / total
    const x = values[r] as number
    if (x <= y) below += w
    absolute += w * Math.abs(x - y)
    // Every earlier (smaller) value pairs with this one: Σ w_i w_j (x_j − x_i).
    pairs += w * (x * cumulativeWeight - cumulativeMoment)
    cumulativeWeight += w
    cumulativeMoment += w * x
  }
  return { below, crps: absolute - pairs }
}
