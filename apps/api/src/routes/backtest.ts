import { AsOfDate, PackId, visitOf } from "@accord/domain"
import { Backtest, backtest } from "@accord/engine"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeQuery, decodeStrict } from "../http/request-input.js"
import { loadObservations } from "../observations/observation-stream.js"
import type { Operation } from "../openapi/operation.js"
import { findPack } from "../packs/pack-lookup.js"
import { PackPath } from "./packs.js"

/** Runs a backtest may ask for: it computes on the event loop, so well below a simulation's ceiling. */
export const MAX_BACKTEST_RUNS = 5_000

const RunsParam = Schema.NumberFromString.pipe(
  Schema.int(),
  Schema.between(1, MAX_BACKTEST_RUNS),
).annotations({ description: `Monte Carlo runs, 1..${MAX_BACKTEST_RUNS} (default 1000)` })

const BacktestQuery = Schema.Struct({
  asOf: Schema.optional(AsOfDate),
  runs: Schema.optional(RunsParam),
})

export const backtestOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/api/packs/{id}/backtest",
    operationId: "backtest",
    tag: "observations",
    summary:
      "The pack's baseline projected as of a day (conditioned on the observations up to it) against every observation dated after it",
    description:
      "One row per later observation with a value or a state (a state compares as its lifecycle position): weighted p10/p50/p90 at its month, percentile (weighted share of runs at or below the observed value), inside (p10 ≤ observed ≤ p90) and CRPS; then coverage and mean CRPS.",
    pathParams: { id: { description: "Pack id, e.g. sybiha-visit-2025", schema: PackId } },
    query: {
      asOf: { description: "Project as of this day (default: the last day of the visit)", schema: AsOfDate },
      runs: { description: "Monte Carlo runs (default 1000)", schema: RunsParam },
    },
    responses: { 200: { description: "The backtest", schema: Backtest } },
  },
]

const encode = Schema.encodeSync(Backtest)

/** GET /api/packs/:id/backtest. */
export const backtestRoutes = (run: RunHandler<ApiServices>) =>
  new Hono().get("/:id/backtest", (c) =>
    run(
      c,
      Effect.gen(function* () {
        const { id } = yield* decodeStrict(PackPath, "the path")(c.req.param())
        const pack = yield* findPack(id)
        const query = yield* decodeQuery(c, BacktestQuery)
        const { observations } = yield* loadObservations(pack)
        const result = backtest(pack, observations, {
          asOf: query.asOf ?? visitOf(pack).to,
          runs: query.runs ?? 1000,
        })
        return c.json(encode(result))
      }),
    ),
  )
