import { Effect, Exit, Fiber, Layer, Runtime } from "effect"
import { backoffMs, overviewOf } from "./job-overview.js"
import {
  JobQueue,
  type JobQueueShape,
  type JobRequest,
  type JobView,
  retryPolicy,
  workerName,
} from "./job-queue.js"
import { describeFailure, type JobWorkServices, jobWork } from "./job-work.js"

type Listener = (job: JobView) => void

/** How long a finished job stays in memory (a run is in its scenario's stream anyway). */
const keepFinishedMs = 10 * 60_000

/**
 * The job engine of a single process (SQLite or memory store): jobs run on this process's worker pool, retry
 * with backoff, and live in memory. A restart forgets them; a run that was interrupted is not recorded, so
 * GET /api/runs/:id answers 404 after it, never "running" for ever (docs/reliability.md).
 */
export const makeInProcessJobs = (runtime: Runtime.Runtime<JobWorkServices>): JobQueueShape => {
  const jobs = new Map<string, JobView>()
  const fibers = new Map<string, Fiber.RuntimeFiber<void>>()
  const listeners = new Map<string, Set<Listener>>()

  const update = (id: string, change: Partial<JobView>) => {
    const current = jobs.get(id)
    if (current === undefined || current.status === "cancelled") return
    const next = { ...current, ...change, updatedAt: new Date().toISOString() }
    jobs.set(id, next)
    for (const listener of listeners.get(id) ?? []) listener(next)
    if (next.status !== "queued" && next.status !== "running") {
      listeners.delete(id)
      fibers.delete(id)
      setTimeout(() => jobs.delete(id), keepFinishedMs).unref()
    }
  }

  const work = (request: JobRequest) =>
    Effect.gen(function* () {
      for (let attempt = 1; ; attempt++) {
        update(request.id, { status: "running", attempts: attempt, worker: workerName })
        const progress = (done: number, total: number) => update(request.id, { done, total })
        const exit = yield* Effect.exit(jobWork(request.kind, request.id, request.payload, progress))
        if (Exit.isSuccess(exit)) {
          const total = jobs.get(request.id)?.total ?? request.total
          return update(request.id, { status: "completed", result: exit.value, done: total })
        }
        const { error, retry } = describeFailure(exit.cause)
        yield* Effect.logError("job failed", { id: request.id, attempt, error, cause: exit.cause })
        if (!retry || attempt > retryPolicy.retries) return update(request.id, { status: "failed", error })
        update(request.id, { status: "queued", error })
        yield* Effect.sleep(backoffMs(attempt, retryPolicy.firstDelaySeconds))
      }
    })

  return {
    enqueue: (request) =>
      Effect.sync(() => {
        const existing = [...jobs.values()].find(
          (job) => job.key === request.key && (job.status === "queued" || job.status === "running"),
        )
        if (existing !== undefined) return existing
        const now = new Date().toISOString()
        const job: JobView = {
          id: request.id,
          kind: request.kind,
          key: request.key,
          status: "queued",
          done: 0,
          total: request.total,
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        }
        jobs.set(job.id, job)
        // The job outlives the request; shutdown waits for jobs in flight before closing the store.
        fibers.set(job.id, Runtime.runFork(runtime)(work(request)))
        return job
      }),
    get: (id) => Effect.sync(() => jobs.get(id)),
    listen: (id, listener) => {
      const set = listeners.get(id) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(id, set)
      return () => {
        set.delete(listener)
      }
    },
    cancel: (id) =>
      Effect.gen(function* () {
        const job = jobs.get(id)
        if (job === undefined || (job.status !== "queued" && job.status !== "running")) return false
        const fiber = fibers.get(id)
        update(id, { status: "cancelled" })
        if (fiber !== undefined) yield* Fiber.interrupt(fiber)
        return true
      }),
    overview: () => Effect.sync(() => overviewOf([...jobs.values()], Date.now())),
    // One process: what is queued here can only run here, so shutdown waits for it.
    stopTaking: () => Promise.resolve(),
    runningHere: () =>
      [...jobs.values()].filter((j) => j.status === "queued" || j.status === "running").length,
  }
}

export const InProcessJobsLive: Layer.Layer<JobQueue, never, JobWorkServices> = Layer.effect(
  JobQueue,
  Effect.map(Effect.runtime<JobWorkServices>(), makeInProcessJobs),
)
