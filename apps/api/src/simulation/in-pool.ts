import type { InvalidInput } from "@accord/domain"
import { Effect } from "effect"
import { clientFailure } from "./engine-failure.js"
import type { SimulationTask } from "./simulation-worker.js"
import type { WorkerPool } from "./worker-pool.js"

/** A task computed by a worker thread of the pool, moving `transfer`'s buffers there. */
export type InPool = <A>(
  task: SimulationTask,
  transfer?: ReadonlyArray<ArrayBuffer>,
) => Effect.Effect<A, InvalidInput>

/** Tasks in the pool; their errors mean what they mean in place (see engine-failure.ts). */
export const inPoolOf =
  (pool: WorkerPool): InPool =>
  <A>(task: SimulationTask, transfer: ReadonlyArray<ArrayBuffer> = []) =>
    // Interrupted (a cancelled job), its tasks still queued in the pool are dropped.
    Effect.tryPromise({
      try: (signal) => pool.run<A>(task, transfer, signal),
      catch: (error) => error,
    }).pipe(Effect.catchAll(clientFailure))

/** Runs an engine function in place; its errors mean what they mean from the pool (see engine-failure.ts). */
export const engineCall = <A>(compute: () => A): Effect.Effect<A, InvalidInput> =>
  Effect.try({ try: compute, catch: (error) => error }).pipe(Effect.catchAll(clientFailure))
