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
import { FormatQuery, formatQueryDoc } from "./simulate.js"

const ReportPath = Schema.Struct({ hash: ReportHash })

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
]

/** GET /api/reports/:hash. */
export const reportsRoutes = (run: RunHandler<ApiServices>) =>
  new Hono().get("/:hash", (c) =>
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
