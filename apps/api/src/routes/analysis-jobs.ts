import { randomUUID } from "node:crypto"
import { Effect, Runtime, Schema } from "effect"
import type { Context } from "hono"
import { streamSSE } from "hono/streaming"
import { type AnalysisResult, findAnalysis } from "../analysis/analysis-store.js"
import { type AnalysisKind, analysisHash } from "../analysis/analysis-work.js"
import { NotFound } from "../http/api-error.js"
import type { ParameterSpec, ResponseSpec } from "../http/operation.js"
import { defineRoute, type ParamsOf } from "../http/route.js"
import { JobError, JobQueue, type JobView } from "../jobs/job-queue.js"

export const AnalysisStarted = Schema.Struct({
  id: Schema.String,
  status: Schema.Literal("running"),
  statusUrl: Schema.String,
  eventsUrl: Schema.String,
}).annotations({ identifier: "AnalysisStarted" })

export const AnalysisStatus = Schema.Struct({
  id: Schema.String,
  /** Queued and computing are both `running`. */
  status: Schema.Literal("running", "failed", "cancelled"),
  done: Schema.Int,
  total: Schema.Int,
  /** Attempts started so far (a retry, or a take-over after an instance died, is one more). */
  attempts: Schema.Int,
  error: Schema.optional(JobError),
}).annotations({ identifier: "AnalysisStatus" })

/** What asking for a large analysis gives: the result stored by an identical earlier request, or its job. */
export type AnalysisStart<K extends AnalysisKind> =
  | { readonly stored: AnalysisResult<K>; readonly job?: undefined }
  | { readonly stored?: undefined; readonly job: JobView }

/**
 * A large analysis as a durable job (any instance may compute it, apps/api/src/jobs). The request's hash keys
 * the job and addresses the result: asked again while it runs, the same job answers; asked again once it is
 * stored, the stored result answers.
 */
export const startAnalysis = <K extends AnalysisKind>(
  kind: K,
  request: unknown,
  total: number,
  /** What the job belongs to, named in its key (a debrief's exercise), so that its routes can check it. */
  owner?: string,
) =>
  Effect.gen(function* () {
    const hash = analysisHash(kind, request)
    const stored = yield* findAnalysis(kind, hash)
    if (stored !== undefined) return { stored } as AnalysisStart<K>
    const jobs = yield* JobQueue
    const job = yield* jobs.enqueue({
      kind,
      id: randomUUID(),
      key: jobKeyOf(kind, hash, owner),
      total,
      payload: { hash, request },
    })
    return { job } as AnalysisStart<K>
  })

/** Work that may be long, as a route asks for it (see `answerOrQueue`). */
export interface LongWork<K extends AnalysisKind, E, R> {
  readonly kind: K
  /** Its size (commitment-months), already checked against the ceiling, and the size above which it is a job. */
  readonly work: number
  readonly threshold: number
  /** The result, computed in the request. */
  readonly compute: Effect.Effect<AnalysisResult<K>, E, R>
  /** The request a job is queued with (its hash keys the job and the stored result). */
  readonly request: () => unknown
  /** Progress total of the job, its owner (named in its key) and where it is read, if not /api/{kind}/{id}. */
  readonly total: number
  readonly owner?: string
  readonly url?: (id: string) => string
  /** The response for a result. */
  readonly answer: (result: AnalysisResult<K>) => Response
}

/**
 * The one rule for work that may be long: at or under its threshold it is computed in the request and answered;
 * above, the result an identical earlier request stored answers, or else it is a job (202 with where to follow it).
 */
export const answerOrQueue = <K extends AnalysisKind, E, R>(c: Context, long: LongWork<K, E, R>) =>
  Effect.gen(function* () {
    if (long.work <= long.threshold) return long.answer(yield* long.compute)
    const started = yield* startAnalysis(long.kind, long.request(), long.total, long.owner)
    if (started.job === undefined) return long.answer(started.stored)
    return analysisStarted(c, long.kind, started.job, long.url?.(started.job.id))
  })

/** The key of a job: its kind, its owner if it has one, the hash of its request. */
export const jobKeyOf = (kind: AnalysisKind, hash: string, owner?: string) =>
  owner === undefined ? `${kind}:${hash}` : `${kind}:${owner}:${hash}`

/** Where a background job of this kind is read: /api/{kind}/{id} by default. */
const jobUrlOf = (kind: AnalysisKind, id: string) => `/api/${kind}/${id}`

/** 202 for a background analysis, with where to follow it (`url`: where its status and result are read). */
export const analysisStarted = (
  c: Context,
  kind: AnalysisKind,
  job: JobView,
  url = jobUrlOf(kind, job.id),
) => {
  return c.json({ id: job.id, status: "running" as const, statusUrl: url, eventsUrl: `${url}/events` }, 202, {
    location: url,
  })
}

export const statusOf = (job: JobView): typeof AnalysisStatus.Type => ({
  id: job.id,
  status: job.status === "failed" || job.status === "cancelled" ? job.status : "running",
  done: job.done,
  total: job.total,
  attempts: job.attempts,
  ...(job.error === undefined || job.status !== "failed" ? {} : { error: job.error }),
})

/** The job of a background analysis of this kind, or 404 (on PostgreSQL, every instance knows it). */
export const findJob = (kind: AnalysisKind, id: string) =>
  Effect.gen(function* () {
    const jobs = yield* JobQueue
    const job = yield* jobs.get(id)
    if (job === undefined || job.kind !== kind) {
      return yield* new NotFound({ message: `no analysis '${id}'`, resource: "analysis", id })
    }
    return job
  })

const ended = (job: JobView) => job.status !== "queued" && job.status !== "running"

/**
 * Server-Sent Events of a background analysis: progress, then `completed` (with `resultUrl`, where its status
 * and result are read), `failed` or `cancelled`.
 */
export const analysisEvents = (
  c: Context,
  kind: AnalysisKind,
  id: string,
  first: JobView,
  resultUrl = jobUrlOf(kind, id),
) =>
  Effect.gen(function* () {
    const jobs = yield* JobQueue
    const runtime = yield* Effect.runtime<JobQueue>()
    return streamSSE(c, async (stream) => {
      const send = (job: JobView) =>
        !ended(job)
          ? stream.writeSSE({
              event: "progress",
              data: JSON.stringify({ done: job.done, total: job.total }),
            })
          : job.status === "completed"
            ? stream.writeSSE({
                event: "completed",
                data: JSON.stringify({ resultUrl }),
              })
            : stream.writeSSE({ event: job.status, data: JSON.stringify(statusOf(job)) })
      if (ended(first)) return send(first)
      await new Promise<void>((resolve) => {
        const finish = (job: JobView) => {
          void send(job).then(() => {
            if (ended(job)) {
              stop()
              resolve()
            }
          })
        }
        const stop = jobs.listen(id, finish)
        stream.onAbort(() => {
          stop()
          resolve()
        })
        // Progress may have moved since the lookup: send where it stands now.
        void Runtime.runPromise(runtime)(findJob(kind, id)).then(finish, () => {})
      })
    })
  })

/** How a kind of background analysis is documented and answered. */
export interface AnalysisJobRoutesSpec<
  K extends AnalysisKind,
  Q extends Readonly<Record<string, ParameterSpec>>,
> {
  readonly kind: K
  /** The OpenAPI tag of its routes ("analysis" by default). */
  readonly tag?: string
  /** "analysis", "goal seek". */
  readonly noun: string
  /** What a completed one gives: "result", "answer". */
  readonly resultNoun: string
  /** What answered the id, e.g. "POST /api/sensitivity". */
  readonly startedBy: string
  readonly operationIds: { readonly status: string; readonly events: string }
  /** The query string of the result (left out: not read). */
  readonly query?: Q
  /** The 200 of GET /api/{kind}/{id}. */
  readonly result: ResponseSpec
  readonly answer: (c: Context, result: AnalysisResult<K>, query: ParamsOf<Q>) => Response
}

/**
 * GET /api/{kind}/{id} (the result when completed, the status otherwise) and GET /api/{kind}/{id}/events
 * (progress, then `completed`, `failed` or `cancelled`) of a kind's background analyses.
 */
export const analysisJobRoutes = <
  K extends AnalysisKind,
  const Q extends Readonly<Record<string, ParameterSpec>> = Readonly<Record<never, ParameterSpec>>,
>(
  spec: AnalysisJobRoutesSpec<K, Q>,
) => {
  const { kind, noun } = spec
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1)
  return [
    defineRoute({
      method: "get",
      path: `/api/${kind}/{id}`,
      operationId: spec.operationIds.status,
      tag: spec.tag ?? "analysis",
      summary: `A background ${noun}: its ${spec.resultNoun} when completed, its progress otherwise`,
      pathParams: {
        id: { description: `${Noun} id (as answered by ${spec.startedBy})`, schema: Schema.UUID },
      },
      ...(spec.query === undefined ? {} : { query: spec.query }),
      responses: {
        200: spec.result,
        202: {
          description: "Still running, or failed or cancelled: see `status` and `error`",
          schema: AnalysisStatus,
        },
      },
      // Looked up in the handler, not a guard: a broken query string is named even when the id is wrong too.
      handler: (c, { path, query }) =>
        Effect.gen(function* () {
          const job = yield* findJob(kind, path.id)
          if (job.status === "completed" && job.result !== undefined) {
            const result = yield* findAnalysis(kind, job.result)
            if (result !== undefined) return spec.answer(c, result, query as ParamsOf<Q>)
          }
          return c.json(statusOf(job), 202)
        }),
    }),
    defineRoute({
      method: "get",
      path: `/api/${kind}/{id}/events`,
      operationId: spec.operationIds.events,
      tag: spec.tag ?? "analysis",
      summary: `Server-Sent Events of a background ${noun}: \`progress\` {done, total}, then \`completed\` {resultUrl}, or \`failed\` or \`cancelled\` with its status`,
      pathParams: { id: { description: `${Noun} id`, schema: Schema.UUID } },
      responses: { 200: { description: "The event stream", kind: "event-stream" } },
      handler: (c, { path }) =>
        Effect.flatMap(findJob(kind, path.id), (first) => analysisEvents(c, kind, path.id, first)),
    }),
  ]
}
