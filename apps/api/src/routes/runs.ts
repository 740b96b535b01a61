import { RunId, ScenarioId } from "@accord/domain"
import { Report } from "@accord/engine"
import type { EventStore } from "@accord/event-store"
import { Effect, Runtime, Schema } from "effect"
import type { Context } from "hono"
import { streamSSE } from "hono/streaming"
import { NotFound } from "../http/api-error.js"
import type { ReportFormat } from "../http/report-format.js"
import { formatFor, reportResponse } from "../http/report-response.js"
import { defineRoute } from "../http/route.js"
import { JobQueue, type JobView } from "../jobs/job-queue.js"
import { locationHeader, reportHashHeader, runIdHeader } from "../openapi/response-headers.js"
import { type RunOutcome, runScenario } from "../runs/run-scenario.js"
import { scenarioOfRun } from "../scenarios/scenario-run.js"
import { loadScenario } from "../scenarios/scenario-stream.js"
import { formatQuery } from "./report-query.js"

/** A run as any instance can describe it: in flight here, or completed and recorded in its scenario. */
export const RunView = Schema.Struct({
  id: Schema.String,
  scenarioId: Schema.String,
  status: Schema.Literal("running", "completed", "failed", "cancelled"),
  done: Schema.optional(Schema.Int),
  total: Schema.optional(Schema.Int),
  reportHash: Schema.optional(Schema.String),
  reportUrl: Schema.optional(Schema.String),
  atVersion: Schema.optional(Schema.Int),
  error: Schema.optional(Schema.Struct({ error: Schema.String, message: Schema.String })),
}).annotations({ identifier: "Run" })
type RunView = typeof RunView.Type

export const RunStarted = Schema.Struct({
  runId: Schema.String,
  scenarioId: Schema.String,
  status: Schema.Literal("running"),
  statusUrl: Schema.String,
  eventsUrl: Schema.String,
}).annotations({ identifier: "RunStarted" })

/** A run's job as the API shows it: waiting and computing are both "running". */
const viewOf = (job: JobView): RunView => ({
  id: job.id,
  scenarioId: scenarioOfRun(job.id) ?? "",
  status: job.status === "queued" ? "running" : job.status,
  done: job.done,
  total: job.total,
  ...(job.result === undefined ? {} : { reportHash: job.result, reportUrl: `/api/reports/${job.result}` }),
  ...(job.status === "cancelled"
    ? { error: { error: "Cancelled", message: "the run was cancelled" } }
    : job.error === undefined || job.status !== "failed"
      ? {}
      : { error: job.error }),
})

/** Finds a run: its job (on PostgreSQL, the same on every instance), then recorded in its scenario's stream. */
const findRun = (runId: string) =>
  Effect.gen(function* () {
    const jobs = yield* JobQueue
    const job = yield* jobs.get(runId)
    if (job !== undefined) return viewOf(job)
    const scenarioId = scenarioOfRun(runId)
    const unknown = new NotFound({ message: `no run '${runId}'`, resource: "run", id: runId })
    if (scenarioId === undefined) return yield* unknown
    const loaded = yield* loadScenario(scenarioId).pipe(Effect.catchTag("ScenarioNotFound", () => unknown))
    const run = loaded.state.runs.find((r) => r.runId === runId)
    if (run === undefined) return yield* unknown
    return {
      id: runId,
      scenarioId,
      status: "completed",
      done: run.runs,
      total: run.runs,
      reportHash: run.reportHash,
      reportUrl: `/api/reports/${run.reportHash}`,
      atVersion: run.atVersion,
    } satisfies RunView
  })

/** What POST /api/scenarios/{id}/runs answers for each outcome of the run. */
const runAnswer = (c: Context, id: string, format: ReportFormat, outcome: RunOutcome) => {
  const runUrl = `/api/runs/${outcome.runId}`
  switch (outcome.kind) {
    case "reused":
      return reportResponse(c, outcome.report, format, 200, {
        "x-run-id": outcome.runId,
        "x-report-reused": "true",
        "content-location": `/api/reports/${outcome.report.hash}`,
      })
    case "computed":
      return reportResponse(c, outcome.report, format, 201, { "x-run-id": outcome.runId, location: runUrl })
    case "started":
      return c.json(
        {
          runId: outcome.runId,
          scenarioId: id,
          status: "running" as const,
          statusUrl: runUrl,
          eventsUrl: `${runUrl}/events`,
        },
        202,
        { "x-run-id": outcome.runId, location: runUrl },
      )
  }
}

/** Server-Sent Events of a run: progress, then completed or failed. */
const runEvents = (c: Context, id: string, first: RunView) =>
  Effect.gen(function* () {
    const jobs = yield* JobQueue
    const runtime = yield* Effect.runtime<JobQueue | EventStore>()
    return streamSSE(c, async (stream) => {
      const send = (view: RunView) => {
        if (view.status === "running") {
          return stream.writeSSE({
            event: "progress",
            data: JSON.stringify({ done: view.done, total: view.total }),
          })
        }
        if (view.status === "completed") {
          return stream.writeSSE({
            event: "completed",
            data: JSON.stringify({ reportHash: view.reportHash, reportUrl: view.reportUrl }),
          })
        }
        return stream.writeSSE({ event: view.status, data: JSON.stringify(view.error ?? {}) })
      }
      if (first.status !== "running") return send(first)
      await new Promise<void>((resolve) => {
        const sendUntilDone = (view: RunView) =>
          send(view).then(() => {
            if (view.status !== "running") {
              stop()
              resolve()
            }
          })
        const stop = jobs.listen(id, (job) => void sendUntilDone(viewOf(job)))
        stream.onAbort(() => {
          stop()
          resolve()
        })
        // Progress may have moved between the lookup and the listener: send where it stands now.
        void Runtime.runPromise(runtime)(findRun(id)).then(sendUntilDone, () => {})
      })
    })
  })

/** POST /api/scenarios/{id}/runs, GET /api/runs/{id} and its live feed. */
export const runsRoutes = [
  defineRoute({
    method: "post",
    path: "/api/scenarios/{id}/runs",
    operationId: "runScenario",
    tag: "runs",
    summary: "Run a scenario and keep its report",
    description:
      "An unchanged scenario answers 200 with the stored report of its earlier run. Otherwise a small run answers 201 with the fresh report; a large one answers 202 with a run id, and progress streams from /api/runs/{id}/events. Headers x-run-id and x-report-hash name what was answered.",
    pathParams: { id: { description: "Scenario id", schema: ScenarioId } },
    query: formatQuery,
    responses: {
      200: {
        description: "The stored report of an identical earlier run",
        schema: Report,
        kind: "report",
        headers: { ...reportHashHeader, ...runIdHeader },
      },
      201: {
        description: "The report of this run",
        schema: Report,
        kind: "report",
        headers: { ...reportHashHeader, ...runIdHeader, ...locationHeader },
      },
      202: {
        description: "A large run started in the background",
        schema: RunStarted,
        headers: { ...runIdHeader, ...locationHeader },
      },
    },
    handler: (c, { path, query }) =>
      Effect.map(runScenario(path.id), (outcome) =>
        runAnswer(c, path.id, formatFor(c, query.format), outcome),
      ),
  }),
  defineRoute({
    method: "get",
    path: "/api/runs/{id}",
    operationId: "getRun",
    tag: "runs",
    summary: "A run's status; when completed, where its report is",
    pathParams: { id: { description: "Run id (as answered by POST …/runs)", schema: RunId } },
    responses: { 200: { description: "The run", schema: RunView } },
    handler: (c, { path }) => Effect.map(findRun(path.id), (view) => c.json(view)),
  }),
  defineRoute({
    method: "get",
    path: "/api/runs/{id}/events",
    operationId: "getRunEvents",
    tag: "runs",
    summary:
      "Server-Sent Events of a run: `progress` {done, total}, then `completed` {reportHash, reportUrl}, or `failed` or `cancelled` with the error",
    pathParams: { id: { description: "Run id", schema: RunId } },
    responses: { 200: { description: "The event stream", kind: "event-stream" } },
    handler: (c, { path }) => Effect.flatMap(findRun(path.id), (first) => runEvents(c, path.id, first)),
  }),
]
