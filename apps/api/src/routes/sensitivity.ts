import type { Pack } from "@accord/domain"
import {
  indicatorIssues,
  RECOMMENDED_SOBOL_SAMPLES,
  renderSensitivity,
  SensitivityResult,
  sobolRuns,
  tornadoRuns,
} from "@accord/engine"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import { SensitivityRequest } from "../analysis/analysis-requests.js"
import { analyse } from "../analysis/analysis-work.js"
import { contentTypeOf, type ReportFormat } from "../http/report-format.js"
import { formatFor } from "../http/report-response.js"
import { defineRoute } from "../http/route.js"
import { packById } from "../packs/pack-lookup.js"
import { Simulator } from "../simulation/simulator.js"
import { workOf } from "../simulation/work-ceiling.js"
import { checkAnalysisWork, requestIssues } from "./analysis-checks.js"
import { AnalysisStarted, analysisJobRoutes, answerOrQueue } from "./analysis-jobs.js"
import { formatQuery } from "./report-query.js"

/** Runs an analysis samples, all settings or matrices together. */
const analysisRuns = (pack: Pack, body: SensitivityRequest) =>
  body.method === "tornado"
    ? tornadoRuns(pack, body.spec, body.samples ?? body.spec.runs)
    : sobolRuns(pack, body.spec, body.samples ?? RECOMMENDED_SOBOL_SAMPLES)

const analysisWork = (pack: Pack, body: SensitivityRequest) =>
  workOf(pack, { ...body.spec, runs: analysisRuns(pack, body) })

const encodeSensitivity = Schema.encodeSync(SensitivityRequest)

const analysisResponse = (c: Context, result: typeof SensitivityResult.Type, format: ReportFormat) =>
  c.body(renderSensitivity(result, format), 200, { "content-type": contentTypeOf[format], vary: "Accept" })

/** POST /api/sensitivity and its background jobs (results and live feeds). */
export const sensitivityRoutes = [
  defineRoute({
    method: "post",
    path: "/api/sensitivity",
    operationId: "sensitivity",
    tag: "analysis",
    summary: "Which assumptions drive an indicator: tornado (one at a time) or Sobol indices",
    description:
      "tornado: the indicator's p50 and mean with each parameter fixed at its low and at its high, and each lever of the spec ±25 %, under common random numbers, sorted by swing. sobol: first-order and total-effect indices with bootstrap 90 % intervals (Saltelli sampling), chance listed as an input. Same request, same bytes. A large analysis is a durable job (any instance may compute it; GET /api/jobs lists it, POST /api/jobs/{id}/cancel stops it): it answers 202, its progress streams from /api/sensitivity/{id}/events on any instance and its result is at /api/sensitivity/{id}. The same large request asked again while it runs answers the same job; once its result is stored, it answers 200 with that result.",
    query: formatQuery,
    body: SensitivityRequest,
    bodyName: "the sensitivity request",
    bodyCheck: requestIssues((pack, body: SensitivityRequest) =>
      indicatorIssues(pack, body.spec, body.indicator, body.month),
    ),
    responses: {
      200: { description: "The analysis", schema: SensitivityResult, kind: "report" },
      202: { description: "A large analysis started in the background", schema: AnalysisStarted },
    },
    handler: (c, { query, body }) =>
      Effect.gen(function* () {
        const pack = packById(body.spec.pack)
        const simulator = yield* Simulator
        const work = yield* checkAnalysisWork(
          analysisWork(pack, body),
          simulator.options.analysisWorkCeiling,
          "samples",
        )
        const format = formatFor(c, query.format)
        return yield* answerOrQueue(c, {
          kind: "sensitivity",
          work,
          threshold: simulator.options.analysisBackgroundThreshold,
          compute: analyse(pack, body),
          request: () => encodeSensitivity(body),
          total: analysisRuns(pack, body),
          answer: (result) => analysisResponse(c, result, format),
        })
      }),
  }),
  ...analysisJobRoutes({
    kind: "sensitivity",
    noun: "analysis",
    resultNoun: "result",
    startedBy: "POST /api/sensitivity",
    operationIds: { status: "getSensitivity", events: "getSensitivityEvents" },
    query: formatQuery,
    result: { description: "The completed analysis", schema: SensitivityResult, kind: "report" },
    answer: (c, result, query) => analysisResponse(c, result, formatFor(c, query.format)),
  }),
]
