import type { Pack, ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { compileModel } from "../compiled-model.js"
import { modelInfo } from "../model-version.js"
import { runKey, streamId, streamKey, uniform } from "../random-stream.js"
import { quantileOfSorted, roundStatistic } from "../run-statistics.js"
import type { Sampler, SampleTask } from "./indicator-sample.js"
import { indicatorSummary } from "./request-check.js"
import type { SaltelliRows } from "./saltelli.js"
import type { SobolIndex, SobolResult } from "./sensitivity-result.js"

export interface SobolOptions {
  readonly indicator: string
  readonly month?: number
  /** N, rows of each Saltelli matrix; `RECOMMENDED_SOBOL_SAMPLES` by default. */
  readonly samples?: number
  readonly resamples?: number
}

/** The sample size the bench and docs recommend: 90 % intervals of a few hundredths on the default pack. */
export const RECOMMENDED_SOBOL_SAMPLES = 2048
export const SOBOL_RESAMPLES = 500
/** Rows per sample task, so that a worker pool shares the matrices evenly. */
const ROWS_PER_TASK = 1024

const INDEX_DECIMALS = 1e4
const roundIndex = (x: number) => {
  const r = Math.round(x * INDEX_DECIMALS) / INDEX_DECIMALS
  return r === 0 ? 0 : r
}

/**
 * The estimators of Saltelli et al. (2010, table 2) over rows `rows` of the outputs, with f_A, f_B and f_ABi
 * (A with column i from B), f₀ and V the mean and variance of f_A ∪ f_B:
 *   total (Jansen 1999)        S_Ti = mean((f_A − f_ABi)²) / 2V
 *   first order (Saltelli 2010) S_i  = mean((f_B − f₀) × (f_ABi − f_A)) / V
 * Jansen's first-order form 1 − mean((f_B − f_ABi)²) / 2V shares one error, the sample covariance of f_A and
 * f_B, across every input (on the default pack it added ~0.08 to each of 60 parameters); this one is exactly 0
 * for an input the indicator ignores.
 */
const estimate = (
  fA: Float64Array,
  fB: Float64Array,
  fAB: ReadonlyArray<Float64Array>,
  rows: Int32Array,
): { variance: number; first: Float64Array; total: Float64Array } => {
  const N = rows.length
  let sum = 0
  for (let n = 0; n < N; n++) sum += (fA[rows[n] as number] as number) + (fB[rows[n] as number] as number)
  const mean = sum / (2 * N)
  let squares = 0
  for (let n = 0; n < N; n++) {
    const j = rows[n] as number
    squares += ((fA[j] as number) - mean) ** 2 + ((fB[j] as number) - mean) ** 2
  }
  const variance = squares / (2 * N)
  const first = new Float64Array(fAB.length)
  const total = new Float64Array(fAB.length)
  // An indicator that does not vary has nothing to apportion: every index is 0 (not 0 / 0).
  if (!(variance > 0)) return { variance: 0, first, total }
  fAB.forEach((f, i) => {
    let t = 0
    let s = 0
    for (let n = 0; n < N; n++) {
      const j = rows[n] as number
      const a = fA[j] as number
      const ab = f[j] as number
      t += (a - ab) ** 2
      s += ((fB[j] as number) - mean) * (ab - a)
    }
    total[i] = t / (2 * N) / variance
    first[i] = s / N / variance
  })
  return { variance, first, total }
}

/** 5th and 95th percentiles of each index over bootstrap resamples of the rows (deterministic draws). */
const bootstrap = (
  fA: Float64Array,
  fB: Float64Array,
  fAB: ReadonlyArray<Float64Array>,
  seed: number,
  resamples: number,
) => {
  const N = fA.length
  const firsts = fAB.map(() => new Float64Array(resamples))
  const totals = fAB.map(() => new Float64Array(resamples))
  const rows = new Int32Array(N)
  const stream = streamId("sobol:bootstrap")
  // Resamples in which the indicator does not vary (likely with few rows) define no index: they are left
  // out, so `kept` of them count. With none kept the interval is the point estimate's own [0, 0].
  let kept = 0
  for (let b = 0; b < resamples; b++) {
    const key = streamKey(runKey(seed, b), stream)
    for (let n = 0; n < N; n++) rows[n] = Math.floor(uniform(key, n >>> 5, n & 31) * N)
    const { variance, first, total } = estimate(fA, fB, fAB, rows)
    if (!(variance > 0)) continue
    fAB.forEach((_, i) => {
      ;(firsts[i] as Float64Array)[kept] = first[i] as number
      ;(totals[i] as Float64Array)[kept] = total[i] as number
    })
    kept++
  }
  const interval = (xs: Float64Array) => {
    if (kept === 0) return [0, 0] as const
    const sorted = xs.slice(0, kept).sort()
    return [roundIndex(quantileOfSorted(sorted, 0.05)), roundIndex(quantileOfSorted(sorted, 0.95))] as const
  }
  return { first: firsts.map(interval), total: totals.map(interval) }
}

/** The matrices' rows in sample tasks: A, B, A with each varying parameter's column from B, A at B's events. */
const sobolTasks = (
  spec: ScenarioSpec,
  options: SobolOptions,
  month: number,
  N: number,
  varying: Array<number>,
) => {
  const matrices: Array<SaltelliRows> = [
    { matrix: "A", firstRun: 0 },
    { matrix: "B", firstRun: N },
    ...varying.map((k) => ({ matrix: k, firstRun: 0 })),
    // The chance input: A's parameters with the events of B's runs.
    { matrix: "A", firstRun: N },
  ]
  return matrices.flatMap(
    (saltelli): Array<SampleTask> =>
      Array.from({ length: Math.ceil(N / ROWS_PER_TASK) }, (_, t) => ({
        spec,
        indicator: options.indicator,
        month,
        fromRun: saltelli.firstRun + t * ROWS_PER_TASK,
        toRun: saltelli.firstRun + Math.min(N, (t + 1) * ROWS_PER_TASK),
        saltelli,
      })),
  )
}

/** What the samples of a Sobol analysis gave: f_A, f_B, f_ABi for each varying parameter, then f of A at B's events. */
export interface SobolOutputs {
  readonly spec: ScenarioSpec
  readonly options: SobolOptions
  readonly outputs: ReadonlyArray<Float64Array>
}

/** Computes the indices of sampled outputs (point estimates and bootstrap), in place or on another thread. */
export type SobolIndicesOf<E = never> = (input: SobolOutputs) => Effect.Effect<SobolResult, E>

const varyingParameters = (pack: Pack, spec: ScenarioSpec) => {
  const model = compileModel(pack, spec)
  return pack.parameters.flatMap((_, k) => ((model.low[k] as number) < (model.high[k] as number) ? [k] : []))
}

/** The index of each input, the parameters with a range then chance, from point estimates and intervals. */
const indicesOf = (
  pack: Pack,
  varying: ReadonlyArray<number>,
  point: ReturnType<typeof estimate>,
  intervals: ReturnType<typeof bootstrap>,
): Array<SobolIndex> =>
  point.first.reduce<Array<SobolIndex>>((out, first, i) => {
    const k = varying[i]
    const parameter = k === undefined ? undefined : pack.parameters[k]
    out.push({
      kind: parameter === undefined ? ("chance" as const) : ("parameter" as const),
      id: parameter?.id ?? "chance",
      label: parameter?.label ?? "Chance: the runs' own random events, given the parameters",
      firstOrder: roundIndex(first),
      firstOrderInterval: intervals.first[i] as readonly [number, number],
      total: roundIndex(point.total[i] as number),
      totalInterval: intervals.total[i] as readonly [number, number],
    })
    return out
  }, [])

/**
 * The Sobol result of sampled outputs: point estimates over every row, bootstrap intervals (the costly part,
 * resamples × rows × inputs: the API computes it in a worker thread). A pure function of its input.
 */
export const sobolIndices = (pack: Pack, input: SobolOutputs): SobolResult => {
  const { spec, options, outputs } = input
  const month = options.month ?? spec.horizonMonths
  const resamples = options.resamples ?? SOBOL_RESAMPLES
  const [fA, fB, ...fAB] = outputs as [Float64Array, Float64Array, ...Array<Float64Array>]
  const N = fA.length
  const varying = varyingParameters(pack, spec)
  const point = estimate(
    fA,
    fB,
    fAB,
    Int32Array.from({ length: N }, (_, j) => j),
  )
  const base = {
    method: "sobol" as const,
    pack: pack.id,
    indicator: indicatorSummary(pack, options.indicator),
    month,
    seed: spec.seed,
    samples: N,
    evaluations: N * outputs.length,
    resamples,
    mean: roundStatistic((fA.reduce((s, x) => s + x, 0) + fB.reduce((s, x) => s + x, 0)) / (2 * N)),
    pinned: pack.parameters.flatMap((p, k) => (varying.includes(k) ? [] : [p.id])),
    spec,
    model: { ...modelInfo },
  }
  if (!(point.variance > 0)) {
    const note = `'${options.indicator}' is the same in every run at month ${month}: nothing to apportion`
    return { ...base, variance: 0, firstOrderSum: 0, indices: [], note }
  }
  const indices = indicesOf(pack, varying, point, bootstrap(fA, fB, fAB, spec.seed, resamples))
  const firstOrderSum = roundIndex(
    indices.filter((x) => x.kind === "parameter").reduce((s, x) => s + x.firstOrder, 0),
  )
  indices.sort((a, b) => b.total - a.total || b.firstOrder - a.firstOrder || (a.id < b.id ? -1 : 1))
  return { ...base, variance: roundStatistic(point.variance), firstOrderSum, indices }
}

/**
 * Variance-based sensitivity: first-order and total-effect indices of every parameter with a range (Saltelli
 * sampling; Saltelli 2010's first-order and Jansen's total-effect estimators; bootstrap 90 % intervals). The runs' own random events (lifecycle draws) are
 * one more input, `chance`: rows of A and of every A_Bi share run indices (their events), B's rows use others,
 * so chance is varied like a parameter and its share of the variance is reported, not hidden in the others.
 * The sample tasks name their matrix rows (saltelli.ts), drawn where they are sampled; `indices` computes the
 * result from the outputs (in place by default). Neither step builds anything large on the calling thread.
 */
export const sobol = <E, E2 = never>(
  pack: Pack,
  spec: ScenarioSpec,
  options: SobolOptions,
  sampler: Sampler<E>,
  indices: SobolIndicesOf<E2> = (input) => Effect.sync(() => sobolIndices(pack, input)),
): Effect.Effect<SobolResult, E | E2> =>
  Effect.gen(function* () {
    const month = options.month ?? spec.horizonMonths
    const N = options.samples ?? RECOMMENDED_SOBOL_SAMPLES
    const tasks = sobolTasks(spec, options, month, N, varyingParameters(pack, spec))
    const values = yield* sampler(tasks)
    const perMatrix = Math.ceil(N / ROWS_PER_TASK)
    const outputs = Array.from({ length: tasks.length / perMatrix }, (_, m) => {
      const f = new Float64Array(N)
      for (let t = 0; t < perMatrix; t++) f.set(values[m * perMatrix + t] as Float64Array, t * ROWS_PER_TASK)
      return f
    })
    return yield* indices({ spec, options, outputs })
  })

/** Runs a Sobol analysis needs: N × (parameters with a range + 3). */
export const sobolRuns = (pack: Pack, spec: ScenarioSpec, samples = RECOMMENDED_SOBOL_SAMPLES): number => {
  const model = compileModel(pack, spec)
  let varying = 0
  for (let k = 0; k < model.parameterCount; k++)
    if ((model.low[k] as number) < (model.high[k] as number)) varying++
  return samples * (varying + 3)
}
