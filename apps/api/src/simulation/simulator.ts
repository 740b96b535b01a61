import { availableParallelism } from "node:os"
import type {
  ActiveExercise,
  InvalidInput,
  Observation,
  Pack,
  RoundOutcomes,
  ScenarioSpec,
} from "@accord/domain"
import {
  type Backtest,
  type BacktestOptions,
  backtest,
  backtestSpec,
  type Comparison,
  canonicalJson,
  compare,
  type Debrief,
  modelInfo,
  type Report,
  type Sampler,
  type SimulationChunk,
  type SobolIndicesOf,
  simulate,
} from "@accord/engine"
import { Context, Effect, Layer } from "effect"
import { makeLruCache } from "../cache/lru-cache.js"
import type { WorkCeilingExceeded } from "../http/api-error.js"
import { exerciseComputations } from "./exercise-computations.js"
import { engineCall, inPoolOf } from "./in-pool.js"
import { assembleInPool, simulateInChunks } from "./large-simulation.js"
import { poolSampler, poolSobolIndices } from "./pool-sampler.js"
import { checkWorkCeiling, workOf } from "./work-ceiling.js"
import { makeWorkerPool, type WorkerPool } from "./worker-pool.js"
import { workerScript } from "./worker-script.js"

/** Progress of a simulation split into chunks: runs done out of runs asked for. */
export type ProgressListener = (done: number, total: number) => void

export interface SimulatorOptions {
  /** Commitment-months one request may ask for (runs × (months + 1) × commitments). */
  readonly workCeiling: number
  /** Above this many commitment-months a simulation runs in the worker pool, not on the event loop. */
  readonly workerThreshold: number
  /**
   * Above this many commitment-months a simulation in the pool is split across its threads (chunks of runs,
   * assembled in a worker); below, one thread computes it whole, which costs less than splitting.
   */
  readonly splitThreshold: number
  /** Above this many commitment-months a scenario run answers 202 and computes in the background. */
  readonly backgroundThreshold: number
  /** Commitment-months one sensitivity analysis or goal seek may ask for (all its runs together). */
  readonly analysisWorkCeiling: number
  /** Above this many commitment-months a sensitivity analysis answers 202 and computes in the background. */
  readonly analysisBackgroundThreshold: number
  /** Worker threads; defaults to the number of cores. */
  readonly workers?: number
  /** Start the worker threads with the service instead of on the first large simulation. */
  readonly warmWorkers?: boolean
  /** Reports kept for repeated specs (a report is a pure function of pack and spec); 0 turns it off. */
  readonly cachedReports?: number
}

export const defaultSimulatorOptions: SimulatorOptions = {
  // 100,000 runs × 25 months × 24 commitments: the largest spec the contract allows on the default pack, with room.
  workCeiling: 60_000_000,
  // Anything above ~210 runs of the default pack goes to the pool: the event loop stays free for other
  // requests (health, reads) even when many simulations arrive at once, and the cores share the work.
  workerThreshold: 100_000,
  // About 2,000 runs of the default pack: where two threads beat one on this 2-core machine (pnpm bench --
  // parallel, docs/benchmarks.md); below it the cost of splitting and assembling eats the gain.
  splitThreshold: 1_000_000,
  // About 4,200 runs of the default pack (19 commitments × 25 months = 475 commitment-months a run at its
  // 24-month horizon): below that a run answers with its report in well under a second.
  backgroundThreshold: 2_000_000,
  // A Sobol analysis of the default pack at N = 8,192 (about 210 million), not more.
  analysisWorkCeiling: 250_000_000,
  // A tornado at 1,000 runs per setting or a Sobol analysis at the recommended N (about 50 million each,
  // a few seconds on two cores) answers at once; larger ones answer 202 and stream their progress.
  analysisBackgroundThreshold: 60_000_000,
}

/** Runs simulations and comparisons: small ones in place, large ones in worker threads, with identical bytes. */
export interface SimulatorShape {
  readonly options: SimulatorOptions
  /** Whether a scenario run of this spec answers 202 and computes in the background. */
  readonly runsInBackground: (pack: Pack, spec: ScenarioSpec) => boolean
  /** `observations` condition a spec with `asOf` (the pack's, as recorded); ignored without it. */
  readonly simulate: (
    pack: Pack,
    spec: ScenarioSpec,
    onProgress?: ProgressListener,
    observations?: ReadonlyArray<Observation>,
  ) => Effect.Effect<Report, WorkCeilingExceeded | InvalidInput>
  readonly compare: (
    pack: Pack,
    baseline: ScenarioSpec,
    variant: ScenarioSpec,
  ) => Effect.Effect<Comparison, WorkCeilingExceeded | InvalidInput>
  /** Runs [fromRun, toRun) of a spec in a worker thread: one chunk of a job split across instances. */
  readonly chunk: (
    spec: ScenarioSpec,
    fromRun: number,
    toRun: number,
    observations: ReadonlyArray<Observation>,
  ) => Effect.Effect<SimulationChunk, InvalidInput>
  /** The report of chunks covering every run of a spec, assembled in a worker thread (their buffers move there). */
  readonly assemble: (
    spec: ScenarioSpec,
    chunks: ReadonlyArray<SimulationChunk>,
    observations: ReadonlyArray<Observation>,
  ) => Effect.Effect<Report, InvalidInput>
  /**
   * The sampler of sensitivity analysis and goal seeking: tasks in the worker pool when they are large
   * (each split across the workers when there are fewer tasks than workers), in place otherwise. The
   * same values either way. `onProgress` hears runs done out of the runs of the tasks.
   */
  readonly sampler: (pack: Pack, onProgress?: ProgressListener) => Sampler
  /**
   * How a Sobol analysis computes its indices from its samples (the bootstrap, seconds at the recommended N):
   * in the worker pool when large, in place otherwise; the same bytes either way.
   */
  readonly sobolIndices: (pack: Pack) => SobolIndicesOf
  /** What closing the exercise's open round projects (three simulations), within the ceiling. */
  readonly projectRound: (
    pack: Pack,
    state: ActiveExercise,
  ) => Effect.Effect<RoundOutcomes, WorkCeilingExceeded | InvalidInput>
  /**
   * A pack's baseline as of a day against the observations after it (a backtest), within the ceiling: in the
   * worker pool when its simulation is large, in place otherwise; the same bytes either way.
   */
  readonly backtest: (
    pack: Pack,
    observations: ReadonlyArray<Observation>,
    backtestOptions: BacktestOptions,
  ) => Effect.Effect<Backtest, WorkCeilingExceeded | InvalidInput>
  /** The exercise's debrief as of a round (one simulation per Shapley coalition, and the baseline), cached by version. */
  readonly debrief: (
    pack: Pack,
    state: ActiveExercise,
    round: number | undefined,
  ) => Effect.Effect<Debrief, WorkCeilingExceeded | InvalidInput>
}

export class Simulator extends Context.Tag("@accord/api/Simulator")<Simulator, SimulatorShape>() {}

/** The simulator with its worker pool; the pool's threads end with the layer's scope. */
export const SimulatorLive = (overrides: Partial<SimulatorOptions> = {}): Layer.Layer<Simulator> =>
  Layer.scoped(
    Simulator,
    Effect.gen(function* () {
      const options: SimulatorOptions = { ...defaultSimulatorOptions, ...overrides }
      const pool = yield* Effect.acquireRelease(
        Effect.sync(() => makeWorkerPool(workerScript, options.workers ?? availableParallelism())),
        (p) => Effect.promise(() => p.close()),
      )
      if (options.warmWorkers === true) pool.warm()
      return makeSimulator(options, pool)
    }),
  )

const makeSimulator = (options: SimulatorOptions, pool: WorkerPool): SimulatorShape => {
  const inPool = inPoolOf(pool)
  const isLarge = (pack: Pack, spec: ScenarioSpec) => workOf(pack, spec) > options.workerThreshold
  const cachedResults = options.cachedReports ?? 64
  // Same pack and spec give the same bytes, so a repeated spec (a class on the default scenario) is served from here.
  const cache = makeLruCache<Report>(cachedResults)
  const cached = (
    spec: ScenarioSpec,
    observations: ReadonlyArray<Observation>,
    compute: Effect.Effect<Report, InvalidInput>,
  ) =>
    Effect.suspend(() => {
      // A conditioned report also depends on the observations recorded so far.
      const conditionedOn = spec.asOf === undefined ? "" : `:${canonicalJson(observations)}`
      return cache.throughEffect(`${modelInfo.version}:${canonicalJson(spec)}${conditionedOn}`, compute)
    })
  const samplers = { inPool, poolSize: pool.size, workerThreshold: options.workerThreshold }
  return {
    options,
    sampler: (pack, onProgress) => poolSampler(samplers, pack, onProgress),
    sobolIndices: (pack) => poolSobolIndices(samplers, pack),
    chunk: (spec, fromRun, toRun, observations) =>
      inPool<SimulationChunk>({ kind: "chunk", spec, fromRun, toRun, observations }),
    assemble: (spec, chunks, observations) => assembleInPool(inPool, spec, chunks, observations),
    ...exerciseComputations({ ...options, inPool, cachedResults }),
    backtest: (pack, observations, backtestOptions) =>
      Effect.gen(function* () {
        const spec = backtestSpec(pack, observations, backtestOptions)
        yield* checkWorkCeiling(pack, spec, options.workCeiling)
        return yield* isLarge(pack, spec)
          ? inPool<Backtest>({ kind: "backtest", pack: pack.id, observations, options: backtestOptions })
          : engineCall(() => backtest(pack, observations, backtestOptions))
      }),
    runsInBackground: (pack, spec) => workOf(pack, spec) > options.backgroundThreshold,
    simulate: (pack, spec, onProgress, observations = []) =>
      Effect.gen(function* () {
        yield* checkWorkCeiling(pack, spec, options.workCeiling)
        const report = yield* cached(
          spec,
          observations,
          !isLarge(pack, spec)
            ? engineCall(() => simulate(pack, spec, observations))
            : workOf(pack, spec) > options.splitThreshold
              ? simulateInChunks(inPool, pool.size, spec, observations, onProgress)
              : inPool<Report>({ kind: "simulate", spec, observations }),
        )
        onProgress?.(spec.runs, spec.runs)
        return report
      }),
    compare: (pack, baseline, variant) =>
      Effect.gen(function* () {
        yield* checkWorkCeiling(pack, baseline, options.workCeiling, "baseline.runs")
        yield* checkWorkCeiling(pack, variant, options.workCeiling, "variant.runs")
        if (!isLarge(pack, baseline) && !isLarge(pack, variant)) {
          return yield* engineCall(() => compare(pack, baseline, variant))
        }
        return yield* inPool<Comparison>({ kind: "compare", baseline, variant })
      }),
  }
}
