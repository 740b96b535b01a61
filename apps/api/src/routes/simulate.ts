import { crossCheckSpec, InvalidInput, packCatalog, ScenarioSpec } from "@accord/domain"
import { Comparison, comparabilityIssues, Report } from "@accord/engine"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { ReportFormatParam } from "../http/report-format.js"
import { comparisonResponse, formatFor, reportResponse } from "../http/report-response.js"
import { decodeJsonBody, decodeQuery } from "../http/request-input.js"
import { observationsFor } from "../observations/observation-stream.js"
import type { Operation } from "../openapi/operation.js"
import { reportHashHeader } from "../openapi/response-headers.js"
import { packById } from "../packs/pack-lookup.js"
import { saveReport } from "../reports/report-store.js"
import { Simulator } from "../simulation/simulator.js"

/** Query of report-shaped responses. */
export const FormatQuery = Schema.Struct({ format: Schema.optional(ReportFormatParam) })
export const formatQueryDoc = {
  format: {
    description: "json | markdown (md) | csv | html; overrides the Accept header",
    schema: ReportFormatParam,
  },
}

/** `store=true`: keep the report, so that GET /api/reports/{hash} (and its trajectory) serve it. */
const SimulateQuery = Schema.Struct({
  ...FormatQuery.fields,
  store: Schema.optional(Schema.Literal("true", "false")),
})

/** A spec as a comparison takes it: paired runs are unweighted, so without `asOf`. */
const ComparedSpec = ScenarioSpec.omit("asOf").annotations({ identifier: "ComparedSpec" })

export const CompareBody = Schema.Struct({ baseline: ComparedSpec, variant: ComparedSpec }).annotations({
  identifier: "CompareRequest",
})

export const simulateOperations: ReadonlyArray<Operation> = [
  {
    method: "post",
    path: "/api/simulate",
    operationId: "simulate",
    tag: "simulation",
    summary: "Simulate a spec and answer with its report (stored only with store=true)",
    description:
      "Same spec and seed give the same bytes and hash. Large specs run in worker threads; a spec above the work ceiling (runs × months × commitments) is refused with 400.",
    query: {
      ...formatQueryDoc,
      store: {
        description:
          "true: store the report so that GET /api/reports/{hash} and GET /api/reports/{hash}/trajectory serve it (default false: nothing is stored)",
        schema: Schema.Literal("true", "false"),
      },
    },
    body: ScenarioSpec,
    responses: {
      200: { description: "The report", schema: Report, kind: "report", headers: reportHashHeader },
    },
  },
  {
    method: "post",
    path: "/api/compare",
    operationId: "compare",
    tag: "simulation",
    summary: "Compare two specs of one pack under common random numbers",
    description:
      "Per indicator and month: baseline and variant p50 and the paired delta's p10/p50/p90. Both specs must share pack, runs, seed and horizon.",
    query: formatQueryDoc,
    body: CompareBody,
    responses: { 200: { description: "The comparison", schema: Comparison, kind: "report" } },
  },
]

const prefixed = (prefix: string, issues: ReadonlyArray<{ path: string; message: string }>) =>
  issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` }))

/** Structural decoding, then every cross-check of both specs and their pairing, reported together. */
const checkComparable = (body: typeof CompareBody.Type) => {
  const issues = [
    ...prefixed("baseline", crossCheckSpec(body.baseline, packCatalog)),
    ...prefixed("variant", crossCheckSpec(body.variant, packCatalog)),
    ...comparabilityIssues(body.baseline, body.variant),
  ]
  return issues.length === 0
    ? Effect.succeed(body)
    : Effect.fail(
        new InvalidInput({ message: `the comparison is invalid (${issues.length} problems)`, issues }),
      )
}

/** POST /api/simulate and POST /api/compare (mounted at /api). */
export const simulateRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .post("/simulate", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const query = yield* decodeQuery(c, SimulateQuery)
          const spec = yield* decodeJsonBody(c, ScenarioSpec, "the scenario spec")
          const issues = crossCheckSpec(spec, packCatalog)
          if (issues.length > 0) {
            return yield* new InvalidInput({
              message: `the scenario spec is invalid (${issues.length} problems)`,
              issues,
            })
          }
          const simulator = yield* Simulator
          const pack = packById(spec.pack)
          const observations = yield* observationsFor(pack, spec)
          const report = yield* simulator.simulate(pack, spec, undefined, observations)
          if (query.store === "true") yield* saveReport(report)
          return reportResponse(c, report, formatFor(c, query.format))
        }),
      ),
    )
    .post("/compare", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const query = yield* decodeQuery(c, FormatQuery)
          const body = yield* Effect.flatMap(
            decodeJsonBody(c, CompareBody, "the comparison"),
            checkComparable,
          )
          const simulator = yield* Simulator
          const comparison = yield* simulator.compare(
            packById(body.baseline.pack),
            body.baseline,
            body.variant,
          )
          return comparisonResponse(c, comparison, formatFor(c, query.format))
        }),
      ),
    )
