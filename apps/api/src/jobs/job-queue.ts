import { hostname } from "node:os"
import type { Effect } from "effect"
import { Context, Schema } from "effect"
import { JobStoreFailure } from "../http/api-error.js"

/**
 * Durable work: a job is asked for once (by key), taken by a worker, reports progress, and ends with a result
 * or a failure. On PostgreSQL any instance's workers take it (pg-boss, ADR 0015); on SQLite and in memory it
 * runs in this process.
 */
export const JobStatus = Schema.Literal("queued", "running", "completed", "failed", "cancelled")
export type JobStatus = typeof JobStatus.Type

export const JobError = Schema.Struct({ error: Schema.String, message: Schema.String })
export type JobError = typeof JobError.Type

/** A job as every instance sees it. */
export const JobView = Schema.Struct({
  id: Schema.String,
  kind: Schema.String,
  key: Schema.String,
  status: JobStatus,
  done: Schema.Int,
  total: Schema.Int,
  /** Attempts started so far (a retry or a take-over after a crash is one more). */
  attempts: Schema.Int,
  /** The process computing (or last computing) the job: host:pid. */
  worker: Schema.optional(Schema.String),
  /** What the job produced (a run's report hash). */
  result: Schema.optional(Schema.String),
  /** The last failure; kept while the job retries, final once the status is `failed`. */
  error: Schema.optional(JobError),
  createdAt: Schema.String,
  updatedAt: Schema.String,
}).annotations({ identifier: "Job" })
export type JobView = typeof JobView.Type

/** What an operator sees: work in flight, the latest failures, counts by status. */
export const JobsOverview = Schema.Struct({
  inFlight: Schema.Array(JobView),
  recentFailures: Schema.Array(JobView),
  counts: Schema.Record({ key: JobStatus, value: Schema.Int }),
  /** Age of the oldest job still queued or running, in seconds (0 when none). */
  oldestInFlightSeconds: Schema.Number,
}).annotations({ identifier: "JobsOverview" })
export type JobsOverview = typeof JobsOverview.Type

/** The kinds of work the job engine runs, with what each needs to start (JSON, stored with the job). */
export interface JobPayloads {
  readonly "scenario-run": { readonly scenarioId: string; readonly version: number }
  /** A tornado or Sobol analysis: the request as encoded JSON, and the hash its result is stored under. */
  readonly sensitivity: AnalysisPayload
  /** A goal seek: the request as encoded JSON, and the hash its result is stored under. */
  readonly goal: AnalysisPayload
  /** A backtest: its request (pack, day, runs, observations) as JSON, and the hash its result is stored under. */
  readonly backtest: AnalysisPayload
  /** An exercise's debrief: the exercise, its version and the round, and the hash its result is stored under. */
  readonly debrief: AnalysisPayload
}
export interface AnalysisPayload {
  readonly hash: string
  readonly request: unknown
}
export type JobKind = keyof JobPayloads

export interface JobRequest<K extends JobKind = JobKind> {
  readonly kind: K
  /** The job's id (a run id names its run). */
  readonly id: string
  /** Work asked twice with the same key while the first is queued or running is that first job. */
  readonly key: string
  readonly total: number
  readonly payload: JobPayloads[K]
}

type Listener = (job: JobView) => void

export interface JobQueueShape {
  /** Queues the job, or answers the job already in flight under the same key. */
  readonly enqueue: <K extends JobKind>(request: JobRequest<K>) => Effect.Effect<JobView, JobStoreFailure>
  readonly get: (id: string) => Effect.Effect<JobView | undefined, JobStoreFailure>
  /** Calls `listener` with every change seen (on PostgreSQL, polled); returns the function that stops it. */
  readonly listen: (id: string, listener: Listener) => () => void
  /** Cancels a queued or running job; false when it had already ended. */
  readonly cancel: (id: string) => Effect.Effect<boolean, JobStoreFailure>
  readonly overview: () => Effect.Effect<JobsOverview, JobStoreFailure>
  /** Jobs this process is computing now, so that shutdown can wait for them. */
  readonly runningHere: () => number
  /** Shutdown: this process takes no more jobs (those it computes go on). */
  readonly stopTaking: () => Promise<void>
}

export class JobQueue extends Context.Tag("@accord/api/JobQueue")<JobQueue, JobQueueShape>() {}

export { JobStoreFailure }

/** This process, as a job's `worker` names it. */
export const workerName = `${hostname()}:${process.pid}`

/** What a job's work reports as it goes. */
export type ReportProgress = (done: number, total: number) => void

/** How many times a failed job is tried again, and the first wait (doubling, with jitter). */
export const retryPolicy = { retries: 2, firstDelaySeconds: 2 } as const

/** How many jobs a listing returns at most. */
export const overviewLimit = 50
