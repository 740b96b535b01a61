import { Effect } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { JobQueue, JobsOverview } from "../jobs/job-queue.js"
import type { Operation } from "../openapi/operation.js"

export const jobsOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/api/jobs",
    operationId: "listJobs",
    tag: "service",
    summary: "Durable work for an operator: jobs queued or running, recent failures, counts by status",
    description:
      "On PostgreSQL every instance answers the same (jobs live in the database); on SQLite and in memory, the jobs of this process. Ages are in seconds.",
    responses: { 200: { description: "The jobs", schema: JobsOverview } },
  },
]

/** GET /api/jobs (mounted at /api/jobs). */
export const jobsRoutes = (run: RunHandler<ApiServices>) =>
  new Hono().get("/", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const jobs = yield* JobQueue
        return c.json(yield* jobs.overview())
      }),
    ),
  )
