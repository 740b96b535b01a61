import { Effect, Schema } from "effect"
import { Conflict, NotFound } from "../http/api-error.js"
import { defineRoute } from "../http/route.js"
import { JobQueue, JobsOverview, JobView } from "../jobs/job-queue.js"

const JobId = Schema.String.pipe(
  Schema.minLength(1),
  Schema.maxLength(200),
  Schema.pattern(/^[A-Za-z0-9._-]+$/),
).annotations({ description: "Job id: a run id, or an analysis id" })
const idParam = { id: { description: "Job id (a run id or an analysis id)", schema: JobId } }

const findJob = (id: string) =>
  Effect.gen(function* () {
    const jobs = yield* JobQueue
    const job = yield* jobs.get(id)
    if (job === undefined) return yield* new NotFound({ message: `no job '${id}'`, resource: "job", id })
    return job
  })

/** GET /api/jobs, GET /api/jobs/{id}, POST /api/jobs/{id}/cancel: durable work, for an operator. */
export const jobsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/jobs",
    operationId: "listJobs",
    tag: "service",
    summary: "Durable work for an operator: jobs queued or running, recent failures, counts by status",
    description:
      "On PostgreSQL every instance answers the same (jobs live in the database); on SQLite, the jobs recorded in its file; in memory, the jobs of this process. Ages are in seconds.",
    responses: { 200: { description: "The jobs", schema: JobsOverview } },
    handler: (c) =>
      Effect.gen(function* () {
        const jobs = yield* JobQueue
        return c.json(yield* jobs.overview())
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/jobs/{id}",
    operationId: "getJob",
    tag: "service",
    summary: "One job: status, progress, attempts, the worker computing it, its result or its last error",
    pathParams: idParam,
    responses: { 200: { description: "The job", schema: JobView } },
    handler: (c, { path }) => Effect.map(findJob(path.id), (job) => c.json(job)),
  }),
  defineRoute({
    method: "post",
    path: "/api/jobs/{id}/cancel",
    operationId: "cancelJob",
    tag: "service",
    summary: "Cancel a queued or running job: its worker stops, and every instance shows it `cancelled`",
    description:
      "A queued job is not started; a running one is stopped by its worker within about a second (on PostgreSQL, at its next heartbeat). A job that has already ended is a 409.",
    pathParams: idParam,
    responses: { 200: { description: "The job, cancelled", schema: JobView } },
    guard: (_c, path) => findJob(path.id),
    handler: (c, { path, guard: before }) =>
      Effect.gen(function* () {
        const jobs = yield* JobQueue
        if (!(yield* jobs.cancel(path.id))) {
          const now = (yield* jobs.get(path.id)) ?? before
          return yield* new Conflict({
            message: `job '${path.id}' has already ended (${now.status})`,
            reason: "JobEnded",
          })
        }
        return c.json(yield* findJob(path.id))
      }),
  }),
]
