import type { Observation, ScenarioSpec } from "@accord/domain"
import { type Report, type SimulationChunk, simulationChunkTransferables, splitRuns } from "@accord/engine"
import { Effect } from "effect"
import type { InPool } from "./in-pool.js"
import type { ProgressListener } from "./simulator.js"

/** The report of chunks covering every run of a spec, assembled in a worker thread (their buffers move there). */
export const assembleInPool = (
  inPool: InPool,
  spec: ScenarioSpec,
  chunks: ReadonlyArray<SimulationChunk>,
  observations: ReadonlyArray<Observation>,
) =>
  inPool<Report>(
    { kind: "assemble", spec, chunks, observations },
    chunks.flatMap(simulationChunkTransferables),
  )

/** A simulation split into chunks of runs across the pool's threads, then assembled in one. */
export const simulateInChunks = (
  inPool: InPool,
  poolSize: number,
  spec: ScenarioSpec,
  observations: ReadonlyArray<Observation>,
  onProgress?: ProgressListener,
) =>
  Effect.gen(function* () {
    let done = 0
    const chunks = yield* Effect.forEach(
      // Small specs: one chunk per worker. Large ones: several per worker, for progress and balance.
      splitRuns(spec.runs, Math.min(poolSize * 4, Math.max(poolSize, Math.ceil(spec.runs / 5_000)))),
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
    return yield* assembleInPool(inPool, spec, chunks, observations)
  })
