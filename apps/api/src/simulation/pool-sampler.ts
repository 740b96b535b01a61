import type { Pack } from "@accord/domain"
import {
  type Sampler,
  type SampleTask,
  SOBOL_RESAMPLES,
  type SobolIndicesOf,
  type SobolResult,
  sampleIndicator,
  sobolIndices,
  splitRuns,
} from "@accord/engine"
import { Effect } from "effect"
import type { InPool } from "./in-pool.js"
import type { ProgressListener } from "./simulator.js"
import { workOf } from "./work-ceiling.js"

/**
 * Above this many bootstrap evaluations (resamples × rows × inputs; and above the simulator's worker
 * threshold, which tests raise to keep everything in place) the Sobol indices are computed in a worker
 * thread: about 10 ms of work. At N = 1,500 on the default pack (some 45 million) it takes a second or
 * more, which on the event loop would stop a job's heartbeat (docs/reliability.md).
 */
const indicesInPlaceLimit = 1_000_000

/** Splits a task into `parts` run ranges (and the rows of its parameter matrix with them). */
const splitTask = (pack: Pack, task: SampleTask, parts: number): Array<SampleTask> =>
  splitRuns(task.toRun - task.fromRun, parts).map(([from, to]) => ({
    ...task,
    fromRun: task.fromRun + from,
    toRun: task.fromRun + to,
    ...(task.parameters === undefined
      ? {}
      : { parameters: task.parameters.slice(from * pack.parameters.length, to * pack.parameters.length) }),
  }))

/** Pieces of one task's values, in run order, as one array. */
const joined = (runs: number, pieces: ReadonlyArray<Float64Array>) => {
  const values = new Float64Array(runs)
  let at = 0
  for (const piece of pieces) {
    values.set(piece, at)
    at += piece.length
  }
  return values
}

interface PoolSamplerContext {
  readonly inPool: InPool
  readonly poolSize: number
  readonly workerThreshold: number
}

/** The simulator's sampler (see SimulatorShape.sampler). */
export const poolSampler =
  (context: PoolSamplerContext, pack: Pack, onProgress?: ProgressListener): Sampler =>
  (tasks) =>
    Effect.gen(function* () {
      const work = tasks.reduce((sum, t) => sum + workOf(pack, { ...t.spec, runs: t.toRun - t.fromRun }), 0)
      const total = tasks.reduce((sum, t) => sum + t.toRun - t.fromRun, 0)
      if (work <= context.workerThreshold) {
        const values = tasks.map((task) => sampleIndicator(pack, task))
        onProgress?.(total, total)
        return values
      }
      const parts = tasks.length < context.poolSize ? context.poolSize : 1
      let done = 0
      const piece = (part: SampleTask) =>
        context
          .inPool<Float64Array>(
            { kind: "sample", task: part },
            part.parameters === undefined ? [] : [part.parameters.buffer as ArrayBuffer],
          )
          .pipe(
            // The analysis built these tasks from a decoded spec: a refusal is the service's fault.
            Effect.orDie,
            Effect.tap(() =>
              Effect.sync(() => {
                done += part.toRun - part.fromRun
                onProgress?.(done, total)
              }),
            ),
          )
      return yield* Effect.forEach(
        tasks,
        (task) =>
          Effect.map(
            Effect.forEach(splitTask(pack, task, parts), piece, { concurrency: "unbounded" }),
            (pieces) => joined(task.toRun - task.fromRun, pieces),
          ),
        { concurrency: "unbounded" },
      )
    })

/** The simulator's Sobol indices (see SimulatorShape.sobolIndices). */
export const poolSobolIndices =
  (context: PoolSamplerContext, pack: Pack): SobolIndicesOf =>
  (input) => {
    const rows = input.outputs[0]?.length ?? 0
    const evaluations = (input.options.resamples ?? SOBOL_RESAMPLES) * rows * input.outputs.length
    if (evaluations <= Math.max(indicesInPlaceLimit, context.workerThreshold)) {
      return Effect.sync(() => sobolIndices(pack, input))
    }
    return context
      .inPool<SobolResult>(
        { kind: "sobol-indices", input },
        input.outputs.map((f) => f.buffer as ArrayBuffer),
      )
      .pipe(Effect.orDie)
  }
