import { Effect, Fiber, Runtime, Schedule } from "effect"
import type { JobEngine } from "./postgres-jobs.js"

/** How often a running job's worker writes its progress and proves it is alive. */
const beatMs = 1_000

interface Beating {
  readonly id: string
  /** This attempt's token (accord_job.attempts when it started). */
  readonly token: number
  /** Where the work leaves its latest progress. */
  readonly progress: { done: number; total: number }
  /** The work, stopped when its row says another attempt or a cancel took over. */
  readonly lost: () => Fiber.RuntimeFiber<unknown, unknown>
}

/**
 * Writes progress and `updated_at` every second while the work runs; returns the function that stops it. A
 * write that matches no row means the job was cancelled or taken over: the work is interrupted.
 */
export const heartbeat = (engine: JobEngine, beating: Beating): (() => void) => {
  const { id, token, progress } = beating
  let writing = false
  const beat = () => {
    if (writing) return
    writing = true
    Runtime.runPromise(engine.runtime)(
      engine.sql(
        `UPDATE ${engine.table} SET done = $3, total = $4, updated_at = now()
         WHERE id = $1 AND attempts = $2 AND status = 'running' RETURNING id`,
        [id, token, progress.done, progress.total],
      ),
    ).then(
      (rows) => {
        writing = false
        if (rows.length === 0) void Runtime.runPromise(engine.runtime)(Fiber.interrupt(beating.lost()))
      },
      (error: unknown) => {
        // PostgreSQL away: the work goes on, the next beat tries again (docs/reliability.md).
        writing = false
        const failure =
          (error as { cause?: { message?: unknown } }).cause?.message ?? String(error).split("\n")[0]
        engine.log("job heartbeat not written", { id, error: failure })
      },
    )
  }
  const timer = setInterval(beat, beatMs)
  return () => clearInterval(timer)
}

/**
 * On every instance: a running job whose heartbeat is older than `staleSeconds` lost its worker (killed,
 * or cut off from the database). The one instance whose update wins puts the row back in the queue and fails
 * the pg-boss job, which pg-boss retries after its backoff on whichever instance polls first.
 */
export const watchdog = (engine: JobEngine, queue: string, staleSeconds: number) => {
  const sweep = Effect.gen(function* () {
    const stale = (yield* engine.sql(
      `UPDATE ${engine.table} SET status = 'queued', updated_at = now(),
         error = '{"error":"WorkerLost","message":"the instance computing the job stopped answering; it is tried again"}'::jsonb
       WHERE status = 'running' AND updated_at < now() - make_interval(secs => $1)
       RETURNING id, boss_id`,
      [staleSeconds],
    )) as unknown as Array<{ id: string; boss_id: string | null }>
    for (const { id, boss_id } of stale) {
      yield* Effect.logWarning("job worker lost; job failed for a retry", { id })
      if (boss_id !== null) yield* Effect.promise(() => engine.boss.fail(queue, boss_id).catch(() => {}))
    }
  }).pipe(Effect.catchAll(() => Effect.void))
  return Effect.forkScoped(sweep.pipe(Effect.repeat(Schedule.spaced(`${(staleSeconds * 1000) / 2} millis`))))
}
