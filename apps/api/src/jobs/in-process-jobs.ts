import { Effect, Exit, Fiber, Layer, Runtime, type Scope } from "effect"
import { backoffMs } from "./job-overview.js"
import {
  JobQueue,
  type JobQueueShape,
  type JobRequest,
  JobStoreFailure,
  type JobView,
  retryPolicy,
  workerName,
} from "./job-queue.js"
import { inFlight, type JobRecords, memoryJobRecords } from "./job-records.js"
import { describeFailure, type JobWorkServices, jobWork } from "./job-work.js"
import { openSqliteJobRecords } from "./sqlite-job-records.js"

type Listener = (job: JobView) => void

/** What a restarted process records on a job it found queued or running. */
const interrupted = {
  error: "WorkerLost",
  message: "the service stopped while the job was queued or running; it was started again",
}

const store = <A>(what: string, run: () => A) =>
  Effect.try({ try: run, catch: (error) => new JobStoreFailure({ message: `${what}: ${String(error)}` }) })

interface InProcessContext {
  readonly records: JobRecords
  readonly fibers: Map<string, Fiber.RuntimeFiber<void>>
  readonly listeners: Map<string, Set<Listener>>
  readonly update: (id: string, change: Partial<JobView>) => void
  /** Starts a job's work at an attempt. */
  readonly fork: (request: JobRequest, firstAttempt: number) => void
}

/** The job interface over this process's records and fibers. */
const inProcessQueue = ({ records, fibers, listeners, update, fork }: InProcessContext): JobQueueShape => ({
  enqueue: (request) =>
    store("recording the job", () => {
      const now = new Date().toISOString()
      const job = records.insert(
        {
          id: request.id,
          kind: request.kind,
          key: request.key,
          status: "queued",
          done: 0,
          total: request.total,
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        },
        request.payload,
      )
      if (job.id === request.id && !fibers.has(job.id)) fork(request, 1)
      return job
    }),
  get: (id) => store("reading the job", () => records.get(id)),
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
      const job = yield* store("reading the job", () => records.get(id))
      if (job === undefined || !inFlight(job)) return false
      const fiber = fibers.get(id)
      yield* store("cancelling the job", () => update(id, { status: "cancelled" }))
      if (fiber !== undefined) yield* Fiber.interrupt(fiber)
      return true
    }),
  overview: () => store("counting the jobs", () => records.overview(Date.now())),
  // One process: what is queued here can only run here, so shutdown waits for it.
  stopTaking: () => Promise.resolve(),
  runningHere: () => fibers.size,
})

/** Jobs a stopped or killed process left in the file: started again, or failed once their tries are used up. */
const resumeUnfinished = ({ records, update, fork }: InProcessContext) =>
  Effect.suspend(() =>
    Effect.forEach(records.unfinished(), ({ job, payload }) => {
      if (job.attempts > retryPolicy.retries) {
        update(job.id, { status: "failed", error: interrupted })
        return Effect.logError("job failed: interrupted on its last try", { id: job.id, kind: job.kind })
      }
      update(job.id, { status: "queued", error: interrupted })
      const request = { kind: job.kind, id: job.id, key: job.key, total: job.total, payload } as JobRequest
      fork(request, job.attempts + 1)
      return Effect.logWarning("job resumed", { id: job.id, kind: job.kind, attempt: job.attempts + 1 })
    }),
  )

/**
 * The job engine of a single process (SQLite or memory store): jobs run on this process's worker pool and
 * retry with backoff. On SQLite they are recorded in the store's file, so that a restart resumes the jobs it
 * interrupted (or fails them once their tries are used up), never leaving one "running" (docs/reliability.md).
 */
export const makeInProcessJobs = (runtime: Runtime.Runtime<JobWorkServices>, records: JobRecords) => {
  const fibers = new Map<string, Fiber.RuntimeFiber<void>>()
  const listeners = new Map<string, Set<Listener>>()

  const update = (id: string, change: Partial<JobView>) => {
    const next = records.update(id, change)
    if (next === undefined) return
    for (const listener of listeners.get(id) ?? []) listener(next)
    if (!inFlight(next)) {
      listeners.delete(id)
      fibers.delete(id)
    }
  }

  const work = (request: JobRequest, firstAttempt: number) =>
    Effect.gen(function* () {
      for (let attempt = firstAttempt; ; attempt++) {
        update(request.id, { status: "running", attempts: attempt, worker: workerName })
        const progress = (done: number, total: number) => update(request.id, { done, total })
        const exit = yield* Effect.exit(jobWork(request.kind, request.id, request.payload, progress))
        if (Exit.isSuccess(exit)) {
          const total = records.get(request.id)?.total ?? request.total
          return update(request.id, { status: "completed", result: exit.value, done: total })
        }
        if (Exit.isInterrupted(exit)) return
        const { error, retry } = describeFailure(exit.cause)
        yield* Effect.logError("job failed", { id: request.id, attempt, error, cause: exit.cause })
        if (!retry || attempt > retryPolicy.retries) return update(request.id, { status: "failed", error })
        update(request.id, { status: "queued", error })
        yield* Effect.sleep(backoffMs(attempt, retryPolicy.firstDelaySeconds))
      }
    })

  // The job outlives the request; shutdown waits for jobs in flight, then interrupts what is left. It starts
  // on a later tick: its first steps may compute on this thread, and the request answers first.
  const fork = (request: JobRequest, firstAttempt: number) =>
    fibers.set(
      request.id,
      Runtime.runFork(runtime)(Effect.zipRight(Effect.sleep(0), work(request, firstAttempt))),
    )

  const context: InProcessContext = { records, fibers, listeners, update, fork }
  const queue = inProcessQueue(context)
  const resume = resumeUnfinished(context)

  /** Stops the work still running (shutdown after its drain); on SQLite it stays recorded as running. */
  const interruptAll = () => Effect.suspend(() => Fiber.interruptAll([...fibers.values()]))

  return { queue, resume, interruptAll }
}

const inProcessLayer = <E>(
  records: Effect.Effect<JobRecords, E, Scope.Scope>,
): Layer.Layer<JobQueue, E, JobWorkServices> =>
  Layer.scoped(
    JobQueue,
    Effect.gen(function* () {
      const runtime = yield* Effect.runtime<JobWorkServices>()
      const engine = makeInProcessJobs(runtime, yield* records)
      yield* Effect.addFinalizer(engine.interruptAll)
      yield* engine.resume
      return engine.queue
    }),
  )

/** Jobs in memory (the memory store). */
export const InProcessJobsLive: Layer.Layer<JobQueue, never, JobWorkServices> = inProcessLayer(
  Effect.sync(memoryJobRecords),
)

/** Jobs recorded in the SQLite file of the event store (the embedded default). */
export const SqliteJobsLive = (filename: string): Layer.Layer<JobQueue, JobStoreFailure, JobWorkServices> =>
  inProcessLayer(
    Effect.acquireRelease(
      Effect.try({
        try: () => openSqliteJobRecords(filename),
        catch: (error) => new JobStoreFailure({ message: `opening the job table: ${String(error)}` }),
      }),
      (records) => Effect.sync(() => records.close()),
    ),
  )
