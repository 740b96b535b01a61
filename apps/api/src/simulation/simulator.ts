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
  type Comparison,
  canonicalJson,
  compare,
  type Debrief,
  debriefSimulations,
  exerciseDebrief,
  modelInfo,
  projectRoundOutcomes,
  type Report,
  type Sampler,
  type SampleTask,
  type SimulationChunk,
  sampleIndicator,
  simulate,
  simulationChunkTransferables,
  splitRuns,
} from "@accord/engine"
import { Context, Effect, Layer } from "effect"
import { makeLruCache } from "../cache/lru-cache.js"
import type { WorkCeilingExceeded } from "../http/api-error.js"
import { clientFailure } from "./engine-failure.js"
import { checkExerciseWork } from "./exercise-work.js"
import type { SimulationTask } from "./simulation-worker.js"
import { checkWorkCeiling, workOf } from "./work-ceiling.js"
import { makeWorkerPool } from "./worker-pool.js"
import { workerScript } from "./worker-script.js"

/** Progress of a simulation split into chunks: runs done out of runs asked for. */
export type ProgressListener = (done: number, total: number) => void

export interface SimulatorOptions {
  /** Commitment-months one request may ask for (runs × (months + 1) × commitments). */
  readonly workCeiling: number
  /** Above this many commitment-months a simulation runs in the worker pool, not on the event loop. */
  readonly workerThreshold: number
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
  // Anything above ~250 runs of the default pack goes to the pool: the event loop stays free for other
  // requests (health, reads) even when many simulations arrive at once, and the cores share the work.
  workerThreshold: 100_000,
  // About 5,000 runs of the default pack: below that a run answers with its report in well under a second.
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
  /**
   * The sampler of sensitivity analysis and goal seeking: tasks in the worker pool when they are large
   * (each split across the workers when there are fewer tasks than workers), in place otherwise. The
   * same values either way. `onProgress` hears runs done out of the runs of the tasks.
   */
  readonly sampler: (pack: Pack, onProgress?: ProgressListener) => Sampler
  /** What closing the exercise's open round projects (three simulations), within the ceiling. */
  readonly projectRound: (
    pack: Pack,
    state: ActiveExercise,
  ) => Effect.Effect<RoundOutcomes, WorkCeilingExceeded | InvalidInput>
  /** The exercise's debrief as of a round (one simulation per Shapley coalition, and the baseline), cached by version. */
  readonly debrief: (
    pack: Pack,
    state: ActiveExercise,
    round: number | undefined,
  ) => Effect.Effect<Debrief, WorkCeilingExceeded | InvalidInput>
}

/** Runs an engine function in place; its errors mean what they mean from the pool (see engine-failure.ts). */
const engineCall = <A>(compute: () => A): Effect.Effect<A, InvalidInput> =>
  Effect.try({ try: compute, catch: (error) => error }).pipe(Effect.catchAll(clientFailure))

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
      const isLarge = (pack: Pack, spec: ScenarioSpec) => workOf(pack, spec) > options.workerThreshold
      // Same pack and spec give the same bytes, so a repeated spec (a class on the default scenario) is served from here.
      const cache = makeLruCache<Report>(options.cachedReports ?? 64)
      const cached = (
        spec: ScenarioSpec,
        observations: ReadonlyArray<Observation>,
        compute: Effect.Effect<Report, InvalidInput>,
      ) =>
        Effect.suspend(() => {
          if ((options.cachedReports ?? 64) === 0) return compute
          // A conditioned report also depends on the observations recorded so far.
          const conditionedOn = spec.asOf === undefined ? "" : `:${canonicalJson(observations)}`
          const key = `${modelInfo.version}:${canonicalJson(spec)}${conditionedOn}`
          const hit = cache.get(key)
          return hit !== undefined
            ? Effect.succeed(hit)
            : Effect.tap(compute, (report) => cache.set(key, report))
        })

      const inPool = <A>(task: SimulationTask, transfer: ReadonlyArray<ArrayBuffer> = []) =>
        Effect.tryPromise({ try: () => pool.run<A>(task, transfer), catch: (error) => error }).pipe(
          Effect.catchAll(clientFailure),
        )

      const simulateLarge = (
        spec: ScenarioSpec,
        observations: ReadonlyArray<Observation>,
        onProgress?: ProgressListener,
      ) =>
        Effect.gen(function* () {
          let done = 0
          const chunks = yield* Effect.forEach(
            // Small specs: one chunk per worker. Large ones: several per worker, for progress and balance.
            splitRuns(spec.runs, Math.min(pool.size * 4, Math.max(pool.size, Math.ceil(spec.runs / 5_000)))),
            ([fromRun, toRun]) =>
              inPool<SimulationChunk>({ kind: "chunk", spec, fromRun, toRun, observations }).pipe(
                Effect.tap(() =>
                  Effect.sync(() => {
                    done += toRun - fromRun
                    onProgress?.(done, spec.runs)
                  }),
                ),
              ),
            { concurrency: "unbounded" },
          )
          return yield* inPool<Report>(
            { kind: "assemble", spec, chunks, observations },
            chunks.flatMap(simulationChunkTransferables),
          )
        })

      /** Splits a task into `parts` run ranges (and the rows of its parameter matrix with them). */
      const splitTask = (pack: Pack, task: SampleTask, parts: number): Array<SampleTask> =>
        splitRuns(task.toRun - task.fromRun, parts).map(([from, to]) => ({
          ...task,
          fromRun: task.fromRun + from,
          toRun: task.fromRun + to,
          ...(task.parameters === undefined
            ? {}
            : {
                parameters: task.parameters.slice(from * pack.parameters.length, to * pack.parameters.length),
              }),
        }))

      const sampler =
        (pack: Pack, onProgress?: ProgressListener): Sampler =>
        (tasks) =>
          Effect.gen(function* () {
            const work = tasks.reduce(
              (sum, t) => sum + workOf(pack, { ...t.spec, runs: t.toRun - t.fromRun }),
              0,
            )
            const total = tasks.reduce((sum, t) => sum + t.toRun - t.fromRun, 0)
            if (work <= options.workerThreshold) {
              const values = tasks.map((task) => sampleIndicator(pack, task))
              onProgress?.(total, total)
              return values
            }
            const parts = tasks.length < pool.size ? pool.size : 1
            let done = 0
            return yield* Effect.forEach(
              tasks,
              (task) =>
                Effect.map(
                  Effect.forEach(
                    splitTask(pack, task, parts),
                    (part) =>
                      inPool<Float64Array>(
                        { kind: "sample", task: part },
                        part.parameters === undefined ? [] : [part.parameters.buffer as ArrayBuffer],
                      ).pipe(
                        // The analysis built these tasks from a decoded spec: a refusal is the service's fault.
                        Effect.orDie,
                        Effect.tap(() =>
                          Effect.sync(() => {
                            done += part.toRun - part.fromRun
                            onProgress?.(done, total)
                          }),
                        ),
                      ),
                    { concurrency: "unbounded" },
                  ),
                  (pieces) => {
                    const values = new Float64Array(task.toRun - task.fromRun)
                    let at = 0
                    for (const piece of pieces) {
                      values.set(piece, at)
                      at += piece.length
                    }
                    return values
                  },
                ),
              { concurrency: "unbounded" },
            )
          })

      // An exercise's state at a version never changes (ids are random, versions only grow), so the
      // version names the result: a debrief asked for by several screens is computed once.
      const exerciseResults = makeLruCache<RoundOutcomes | Debrief>(options.cachedReports ?? 64)
      const exerciseTask = <A extends RoundOutcomes | Debrief>(
        pack: Pack,
        key: string,
        simulations: number,
        state: ActiveExercise,
        task: SimulationTask,
        inPlace: () => A,
      ) =>
        Effect.gen(function* () {
          const work = yield* checkExerciseWork(pack, state, simulations, options.workCeiling)
          const cacheKey = `${modelInfo.version}:${state.exerciseId}:${state.version}:${key}`
          const hit = exerciseResults.get(cacheKey)
          if (hit !== undefined) return hit as A
          const result = work > options.workerThreshold ? yield* inPool<A>(task) : yield* engineCall(inPlace)
          exerciseResults.set(cacheKey, result)
          return result
        })

      return {
        options,
        sampler,
        projectRound: (pack, state) =>
          exerciseTask(pack, `close-${state.openRound}`, 3, state, { kind: "round-outcomes", state }, () =>
            projectRoundOutcomes(pack, state),
          ),
        debrief: (pack, state, round) =>
          exerciseTask(
            pack,
            `debrief-${round ?? "all"}`,
            debriefSimulations(state, round),
            state,
            { kind: "debrief", state, round },
            () => exerciseDebrief(pack, state, round),
          ),
        runsInBackground: (pack, spec) => workOf(pack, spec) > options.backgroundThreshold,
        simulate: (pack, spec, onProgress, observations = []) =>
          Effect.gen(function* () {
            yield* checkWorkCeiling(pack, spec, options.workCeiling)
            const report = yield* cached(
              spec,
              observations,
              isLarge(pack, spec)
                ? simulateLarge(spec, observations, onProgress)
                : engineCall(() => simulate(pack, spec, observations)),
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
    }),
  )
