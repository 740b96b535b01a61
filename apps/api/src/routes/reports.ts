import { ReportHash } from "@accord/domain"
import { Report } from "@accord/engine"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { formatFor, reportResponse } from "../http/report-response.js"
import { decodeQuery, decodeStrict } from "../http/request-input.js"
import type { Operation } from "../openapi/operation.js"
import { reportHashHeader } from "../openapi/response-headers.js"
import { loadReport } from "../reports/report-store.js"
import { ReportTrajectory, RunParam, reportTrajectory } from "../reports/report-trajectory.js"
import { FormatQuery, formatQueryDoc } from "./simulate.js"

const ReportPath = Schema.Struct({ hash: ReportHash })
const TrajectoryQuery = Schema.Struct({ run: Schema.optional(RunParam) })

export const reportsOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/api/reports/{hash}",
    operationId: "getReport",
    tag: "runs",
    summary: "A stored report by its hash",
    pathParams: { hash: { description: "SHA-256 hex of the report body", schema: ReportHash } },
    query: formatQueryDoc,
    responses: {
      200: { description: "The report", schema: Report, kind: "report", headers: reportHashHeader },
    },
  },
  {
    method: "get",
    path: "/api/reports/{hash}/trajectory",
    operationId: "getReportTrajectory",
    tag: "runs",
    summary: "One run of a stored report, replayed: its events month by month",
    description:
      "What a timeline shows: the run's lifecycle, intervention and consultation events in order, and the commitments the spec's interventions added (with their kind and track). The run defaults to the report's representative run.",
    pathParams: { hash: { description: "SHA-256 hex of the report body", schema: ReportHash } },
    query: {
      run: { description: "Run index, 0..runs-1 (default: the representative run)", schema: RunParam },
    },
    responses: { 200: { description: "The run's events", schema: ReportTrajectory } },
  },
]

/** GET /api/reports/:hash and GET /api/reports/:hash/trajectory. */
export const reportsRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .get("/:hash/trajectory", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { hash } = yield* decodeStrict(ReportPath, "the path")(c.req.param())
          const query = yield* decodeQuery(c, TrajectoryQuery)
          const report = yield* loadReport(hash)
          const body = yield* reportTrajectory(report, query.run)
          return c.json(body, 200, { "cache-control": "public, max-age=31536000, immutable" })
        }),
      ),
    )
    .get("/:hash", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { hash } = yield* decodeStrict(ReportPath, "the path")(c.req.param())
          const query = yield* decodeQuery(c, FormatQuery)
          const report = yield* loadReport(hash)
          return reportResponse(c, report, formatFor(c, query.format), 200, {
            "cache-control": "public, max-age=31536000, immutable",
          })
        }),
      ),
    )
