import { ReportHash } from "@accord/domain"
import { Report } from "@accord/engine"
import { Effect } from "effect"
import { formatFor, reportResponse } from "../http/report-response.js"
import { defineRoute } from "../http/route.js"
import { reportHashHeader } from "../openapi/response-headers.js"
import { loadReport } from "../reports/report-store.js"
import { ReportTrajectory, RunParam, reportTrajectory, runIssues } from "../reports/report-trajectory.js"
import { formatQuery } from "./report-query.js"

const hashParam = { hash: { description: "SHA-256 hex of the report body", schema: ReportHash } }
/** A stored report never changes: its hash is its content. */
const immutable = { "cache-control": "public, max-age=31536000, immutable" }

/** GET /api/reports/{hash} and GET /api/reports/{hash}/trajectory. */
export const reportsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/reports/{hash}",
    operationId: "getReport",
    tag: "runs",
    summary: "A stored report by its hash",
    pathParams: hashParam,
    query: formatQuery,
    responses: {
      200: { description: "The report", schema: Report, kind: "report", headers: reportHashHeader },
    },
    handler: (c, { path, query }) =>
      Effect.map(loadReport(path.hash), (report) =>
        reportResponse(c, report, formatFor(c, query.format), 200, immutable),
      ),
  }),
  defineRoute({
    method: "get",
    path: "/api/reports/{hash}/trajectory",
    operationId: "getReportTrajectory",
    tag: "runs",
    summary: "One run of a stored report, replayed: its events month by month",
    description:
      "What a timeline shows: the run's lifecycle, intervention and consultation events in order, and the commitments the spec's interventions added (with their kind and track). The run defaults to the report's representative run.",
    pathParams: hashParam,
    guard: (_, path) => loadReport(path.hash),
    query: {
      run: { description: "Run index, 0..runs-1 (default: the representative run)", schema: RunParam },
    },
    queryCheck: (query, report) => runIssues(report, query.run),
    responses: { 200: { description: "The run's events", schema: ReportTrajectory } },
    handler: (c, { query, guard: report }) =>
      Effect.map(reportTrajectory(report, query.run), (replayed) => c.json(replayed, 200, immutable)),
  }),
]
