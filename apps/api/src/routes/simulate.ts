import { crossCheckSpec, packCatalog, ScenarioSpec, type ValidationIssue } from "@accord/domain"
import { Comparison, comparabilityIssues, Report } from "@accord/engine"
import { Effect, Schema } from "effect"
import { comparisonResponse, formatFor, reportResponse } from "../http/report-response.js"
import { defineRoute } from "../http/route.js"
import { observationsFor } from "../observations/observation-stream.js"
import { reportHashHeader } from "../openapi/response-headers.js"
import { packById } from "../packs/pack-lookup.js"
import { saveReport } from "../reports/report-store.js"
import { Simulator } from "../simulation/simulator.js"
import { formatQuery } from "./report-query.js"

/** A spec as a comparison takes it: paired runs are unweighted, so without `asOf`. */
const ComparedSpec = ScenarioSpec.omit("asOf").annotations({ identifier: "ComparedSpec" })

export const CompareBody = Schema.Struct({ baseline: ComparedSpec, variant: ComparedSpec }).annotations({
  identifier: "CompareRequest",
})

/** The issues of a spec inside a request body, at their path within the body. */
export const prefixed = (prefix: string, issues: ReadonlyArray<ValidationIssue>) =>
  issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` }))

/** A spec body: decoded by its schema, then checked against its pack (ids exist, months within the horizon). */
export const specBody = {
  body: ScenarioSpec,
  bodyName: "the scenario spec",
  bodyCheck: (spec: ScenarioSpec) => crossCheckSpec(spec, packCatalog),
}

/** Every cross-check of both specs and their pairing, reported together. */
const comparisonIssues = (body: typeof CompareBody.Type) => [
  ...prefixed("baseline", crossCheckSpec(body.baseline, packCatalog)),
  ...prefixed("variant", crossCheckSpec(body.variant, packCatalog)),
  ...comparabilityIssues(body.baseline, body.variant),
]

/** POST /api/simulate and POST /api/compare. */
export const simulateRoutes = [
  defineRoute({
    method: "post",
    path: "/api/simulate",
    operationId: "simulate",
    tag: "simulation",
    summary: "Simulate a spec and answer with its report (stored only with store=true)",
    description:
      "Same spec and seed give the same bytes and hash. Large specs run in worker threads; a spec above the work ceiling (runs × months × commitments) is refused with 400.",
    query: {
      ...formatQuery,
      store: {
        description:
          "true: store the report so that GET /api/reports/{hash} and GET /api/reports/{hash}/trajectory serve it (default false: nothing is stored)",
        schema: Schema.Literal("true", "false"),
      },
    },
    ...specBody,
    responses: {
      200: { description: "The report", schema: Report, kind: "report", headers: reportHashHeader },
    },
    handler: (c, { query, body: spec }) =>
      Effect.gen(function* () {
        const simulator = yield* Simulator
        const pack = packById(spec.pack)
        const observations = yield* observationsFor(pack, spec)
        const report = yield* simulator.simulate(pack, spec, undefined, observations)
        if (query.store === "true") yield* saveReport(report)
        return reportResponse(c, report, formatFor(c, query.format))
      }),
  }),
  defineRoute({
    method: "post",
    path: "/api/compare",
    operationId: "compare",
    tag: "simulation",
    summary: "Compare two specs of one pack under common random numbers",
    description:
      "Per indicator and month: baseline and variant p50 and the paired delta's p10/p50/p90. Both specs must share pack, runs, seed and horizon.",
    query: formatQuery,
    body: CompareBody,
    bodyName: "the comparison",
    bodyCheck: comparisonIssues,
    responses: { 200: { description: "The comparison", schema: Comparison, kind: "report" } },
    handler: (c, { query, body }) =>
      Effect.gen(function* () {
        const simulator = yield* Simulator
        const comparison = yield* simulator.compare(packById(body.baseline.pack), body.baseline, body.variant)
        return comparisonResponse(c, comparison, formatFor(c, query.format))
      }),
  }),
]
