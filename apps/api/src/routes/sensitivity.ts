import type { Pack, ValidationIssue } from "@accord/domain"
import {
  crossCheckSpec,
  InvalidInput,
  MAX_HORIZON_MONTHS,
  MAX_INTERVENTIONS,
  packCatalog,
  ScenarioSpec,
} from "@accord/domain"
import {
  GoalResult,
  goalIssues,
  goalSeek,
  indicatorIssues,
  RECOMMENDED_SOBOL_SAMPLES,
  Report,
  renderSensitivity,
  SensitivityResult,
  sobol,
  sobolRuns,
  tornado,
  tornadoRuns,
} from "@accord/engine"
import { Effect, Schema } from "effect"
import { type Context, Hono } from "hono"
import { streamSSE } from "hono/streaming"
import type { ApiServices } from "../api-services.js"
import { NotFound, WorkCeilingExceeded } from "../http/api-error.js"
import type { RunHandler } from "../http/effect-handler.js"
import { contentTypeOf, type ReportFormat } from "../http/report-format.js"
import { formatFor } from "../http/report-response.js"
import { decodeJsonBody, decodeQuery, decodeStrict } from "../http/request-input.js"
import type { Operation } from "../openapi/operation.js"
import { packById } from "../packs/pack-lookup.js"
import { type AnalysisJob, analysisJobs } from "../runs/analysis-jobs.js"
import { Simulator } from "../simulation/simulator.js"
import { workOf } from "../simulation/work-ceiling.js"
import { FormatQuery, formatQueryDoc } from "./simulate.js"

const IndicatorId = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)).annotations({
  description: "An indicator id of the spec's pack, e.g. funds.disbursed_usd_m",
})
const Month = Schema.Int.pipe(Schema.between(0, MAX_HORIZON_MONTHS))

export const SensitivityRequest = Schema.Struct({
  spec: ScenarioSpec,
  indicator: IndicatorId,
  month: Schema.optional(Month).annotations({
    description: "Month of the indicator; the horizon by default",
  }),
  method: Schema.Literal("tornado", "sobol"),
  samples: Schema.optional(Schema.Int.pipe(Schema.between(16, 16_384))).annotations({
    description: `tornado: runs per setting (the spec's runs by default); sobol: N, rows of each Saltelli matrix (${RECOMMENDED_SOBOL_SAMPLES} by default)`,
  }),
}).annotations({ identifier: "SensitivityRequest" })

export const GoalRequest = Schema.Struct({
  spec: ScenarioSpec,
  lever: Schema.Struct({
    intervention: Schema.Int.pipe(Schema.between(0, MAX_INTERVENTIONS - 1)).annotations({
      description: "Index of the intervention in spec.interventions",
    }),
    field: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(50)).annotations({
      description: "A numeric field of that intervention: amountUsdM, month, coverage, enforcement, …",
    }),
  }),
  indicator: IndicatorId,
  month: Month,
  target: Schema.Number.pipe(Schema.finite()),
  probability: Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(1)).annotations({
    description: "Share of runs (more than 0, at most 1) that must reach the target",
  }),
}).annotations({ identifier: "GoalRequest" })

export const GoalResponse = Schema.Struct({ goal: GoalResult, report: Report }).annotations({
  identifier: "GoalResponse",
})

export const AnalysisStarted = Schema.Struct({
  id: Schema.String,
  status: Schema.Literal("running"),
  statusUrl: Schema.String,
  eventsUrl: Schema.String,
}).annotations({ identifier: "AnalysisStarted" })

export const AnalysisStatus = Schema.Struct({
  id: Schema.String,
  status: Schema.Literal("running", "failed"),
  done: Schema.Int,
  total: Schema.Int,
  error: Schema.optional(Schema.Struct({ error: Schema.String, message: Schema.String })),
}).annotations({ identifier: "AnalysisStatus" })

const AnalysisPath = Schema.Struct({ id: Schema.UUID })

export const sensitivityOperations: ReadonlyArray<Operation> = [
  {
    method: "post",
    path: "/api/sensitivity",
    operationId: "sensitivity",
    tag: "analysis",
    summary: "Which assumptions drive an indicator: tornado (one at a time) or Sobol indices",
    description:
      "tornado: the indicator's p50 and mean with each parameter fixed at its low and at its high, and each lever of the spec ±25 %, under common random numbers, sorted by swing. sobol: first-order and total-effect indices with bootstrap 90 % intervals (Saltelli sampling), chance listed as an input. Same request, same bytes. A large analysis answers 202; its progress streams from /api/sensitivity/{id}/events and its result is at /api/sensitivity/{id}.",
    query: formatQueryDoc,
    body: SensitivityRequest,
    responses: {
      200: { description: "The analysis", schema: SensitivityResult, kind: "report" },
      202: { description: "A large analysis started in the background", schema: AnalysisStarted },
    },
  },
  {
    method: "get",
    path: "/api/sensitivity/{id}",
    operationId: "getSensitivity",
    tag: "analysis",
    summary: "A background analysis: its result when completed, its progress otherwise",
    pathParams: {
      id: { description: "Analysis id (as answered by POST /api/sensitivity)", schema: Schema.UUID },
    },
    query: formatQueryDoc,
    responses: {
      200: { description: "The completed analysis", schema: SensitivityResult, kind: "report" },
      202: { description: "Still running (or failed: see `status`)", schema: AnalysisStatus },
    },
  },
  {
    method: "get",
    path: "/api/sensitivity/{id}/events",
    operationId: "getSensitivityEvents",
    tag: "analysis",
    summary:
      "Server-Sent Events of a background analysis: `progress` {done, total}, then `completed` {resultUrl} or `failed`",
    pathParams: { id: { description: "Analysis id", schema: Schema.UUID } },
    responses: { 200: { description: "The event stream", kind: "event-stream" } },
  },
  {
    method: "post",
    path: "/api/goal",
    operationId: "goal",
    tag: "analysis",
    summary: "What would it take: the smallest lever value (latest, for a month) reaching a target",
    description:
      "Bisection under common random numbers over the lever's admissible range: the smallest value (for `month`, the latest) at which at least `probability` of the runs have the indicator at `month` ≥ `target`, with the report at that value; or `reachable: false` with the best share reached.",
    body: GoalRequest,
    responses: { 200: { description: "The answer and the report at that value", schema: GoalResponse } },
  },
]

const prefixed = (prefix: string, issues: ReadonlyArray<ValidationIssue>) =>
  issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` }))

const refuseIf = (issues: ReadonlyArray<ValidationIssue>, what: string) =>
  issues.length === 0
    ? Effect.void
    : Effect.fail(
        new InvalidInput({
          message: `${what} is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
          issues,
        }),
      )

/** Refuses an analysis whose runs together exceed the ceiling, naming the field to lower. */
const checkAnalysisWork = (work: number, limit: number, path: string) =>
  work <= limit
    ? Effect.succeed(work)
    : Effect.fail(
        new WorkCeilingExceeded({
          message: `this analysis needs ${work.toLocaleString("en-US")} commitment-months; the limit per request is ${limit.toLocaleString("en-US")}: lower ${path}`,
          work,
          limit,
          issues: [{ path, message: `the analysis needs ${work} commitment-months, over ${limit}` }],
        }),
      )

const analysisWork = (pack: Pack, body: typeof SensitivityRequest.Type) => {
  const runs =
    body.method === "tornado"
      ? tornadoRuns(pack, body.spec, body.samples ?? body.spec.runs)
      : sobolRuns(pack, body.spec, body.samples ?? RECOMMENDED_SOBOL_SAMPLES)
  return workOf(pack, { ...body.spec, runs })
}

const analyse = (
  pack: Pack,
  body: typeof SensitivityRequest.Type,
  onProgress?: (done: number, total: number) => void,
) =>
  Effect.gen(function* () {
    const simulator = yield* Simulator
    const sampler = simulator.sampler(pack, onProgress)
    const options = { indicator: body.indicator, ...(body.month === undefined ? {} : { month: body.month }) }
    return body.method === "tornado"
      ? yield* tornado(
          pack,
          body.spec,
          { ...options, ...(body.samples === undefined ? {} : { runs: body.samples }) },
          sampler,
        )
      : yield* sobol(
          pack,
          body.spec,
          { ...options, ...(body.samples === undefined ? {} : { samples: body.samples }) },
          sampler,
        )
  })

const analysisResponse = (c: Context, result: typeof SensitivityResult.Type, format: ReportFormat) =>
  c.body(renderSensitivity(result, format), 200, { "content-type": contentTypeOf[format], vary: "Accept" })

const statusOf = (job: AnalysisJob) => ({
  id: job.id,
  status: job.status === "failed" ? ("failed" as const) : ("running" as const),
  done: job.done,
  total: job.total,
  ...(job.error === undefined ? {} : { error: job.error }),
})

/** POST /api/sensitivity, its background results and POST /api/goal (mounted at /api). */
export const sensitivityRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .post("/sensitivity", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const query = yield* decodeQuery(c, FormatQuery)
          const body = yield* decodeJsonBody(c, SensitivityRequest, "the sensitivity request")
          yield* refuseIf(prefixed("spec", crossCheckSpec(body.spec, packCatalog)), "the sensitivity request")
          const pack = packById(body.spec.pack)
          yield* refuseIf(
            indicatorIssues(pack, body.spec, body.indicator, body.month),
            "the sensitivity request",
          )
          const simulator = yield* Simulator
          const work = yield* checkAnalysisWork(
            analysisWork(pack, body),
            simulator.options.analysisWorkCeiling,
            "samples",
          )
          const format = formatFor(c, query.format)
          if (work <= simulator.options.analysisBackgroundThreshold) {
            return analysisResponse(c, yield* analyse(pack, body), format)
          }
          const id = analysisJobs.start(0)
          const background = analyse(pack, body, (done, total) =>
            analysisJobs.update(id, { done, total }),
          ).pipe(
            Effect.matchCause({
              onSuccess: (result) => analysisJobs.update(id, { status: "completed", result }),
              onFailure: () =>
                analysisJobs.update(id, {
                  status: "failed",
                  error: { error: "InternalError", message: "the analysis failed; it has been logged" },
                }),
            }),
          )
          yield* Effect.forkDaemon(background)
          const url = `/api/sensitivity/${id}`
          return c.json({ id, status: "running" as const, statusUrl: url, eventsUrl: `${url}/events` }, 202, {
            location: url,
          })
        }),
      ),
    )
    .get("/sensitivity/:id", (c) =>
      run(
        c,
        Effect.gen(function* () {
          // The query first: a broken ?format= is named even when the id is wrong too.
          const query = yield* decodeQuery(c, FormatQuery)
          const { id } = yield* decodeStrict(AnalysisPath, "the path")(c.req.param())
          const job = analysisJobs.get(id)
          if (job === undefined)
            return yield* new NotFound({
              message: `no analysis '${id}' on this instance`,
              resource: "analysis",
              id,
            })
          if (job.result !== undefined) return analysisResponse(c, job.result, formatFor(c, query.format))
          return c.json(statusOf(job), 202)
        }),
      ),
    )
    .get("/sensitivity/:id/events", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(AnalysisPath, "the path")(c.req.param())
          const first = analysisJobs.get(id)
          if (first === undefined)
            return yield* new NotFound({
              message: `no analysis '${id}' on this instance`,
              resource: "analysis",
              id,
            })
          return streamSSE(c, async (stream) => {
            const send = (job: AnalysisJob) =>
              job.status === "running"
                ? stream.writeSSE({
                    event: "progress",
                    data: JSON.stringify({ done: job.done, total: job.total }),
                  })
                : job.status === "completed"
                  ? stream.writeSSE({
                      event: "completed",
                      data: JSON.stringify({ resultUrl: `/api/sensitivity/${id}` }),
                    })
                  : stream.writeSSE({ event: "failed", data: JSON.stringify(job.error ?? {}) })
            await new Promise<void>((resolve) => {
              const finish = (job: AnalysisJob) => {
                void send(job).then(() => {
                  if (job.status !== "running") {
                    stop()
                    resolve()
                  }
                })
              }
              const stop = analysisJobs.listen(id, finish)
              stream.onAbort(() => {
                stop()
                resolve()
              })
              // Progress may have moved since the lookup: send where it stands now.
              finish(analysisJobs.get(id) ?? first)
            })
          })
        }),
      ),
    )
    .post("/goal", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const body = yield* decodeJsonBody(c, GoalRequest, "the goal")
          yield* refuseIf(prefixed("spec", crossCheckSpec(body.spec, packCatalog)), "the goal")
          const pack = packById(body.spec.pack)
          yield* refuseIf(
            [
              ...indicatorIssues(pack, body.spec, body.indicator, body.month),
              ...goalIssues(pack, body.spec, body),
            ],
            "the goal",
          )
          const simulator = yield* Simulator
          // Bisection takes at most ~23 evaluations of the spec's runs (2^20 grid steps, both ends, a check).
          yield* checkAnalysisWork(
            23 * workOf(pack, body.spec),
            simulator.options.analysisWorkCeiling,
            "spec.runs",
          )
          const goal = yield* goalSeek(pack, body.spec, body, simulator.sampler(pack))
          const report = yield* simulator.simulate(pack, goal.spec)
          return c.json({ goal, report })
        }),
      ),
    )
