import { AsOfDate, MAX_RUNS, visitOf } from "@accord/domain"
import { Backtest, backtestSpec } from "@accord/engine"
import { Effect, Schema } from "effect"
import { encodeBacktestJobRequest } from "../analysis/backtest-job.js"
import { defineRoute } from "../http/route.js"
import { loadObservations } from "../observations/observation-stream.js"
import { findPack } from "../packs/pack-lookup.js"
import { Simulator } from "../simulation/simulator.js"
import { checkWorkCeiling } from "../simulation/work-ceiling.js"
import { AnalysisStarted, analysisJobRoutes, answerOrQueue } from "./analysis-jobs.js"
import { packIdParam } from "./packs.js"

/**
 * Runs a backtest may ask for: as many as a scenario's (it computes where a simulation of its runs would, in
 * the worker pool or as a job, and within the same work ceiling).
 */
export const MAX_BACKTEST_RUNS = MAX_RUNS

const RunsParam = Schema.NumberFromString.pipe(
  Schema.int(),
  Schema.between(1, MAX_BACKTEST_RUNS),
).annotations({ description: `Monte Carlo runs, 1..${MAX_BACKTEST_RUNS} (default 1000)` })

const encode = Schema.encodeSync(Backtest)

/** GET /api/packs/{id}/backtest, and its background jobs (results and live feeds). */
export const backtestRoutes = [
  defineRoute({
    method: "get",
    path: "/api/packs/{id}/backtest",
    operationId: "backtest",
    tag: "observations",
    summary:
      "The pack's baseline projected as of a day (conditioned on the observations up to it) against every observation dated after it",
    description:
      "One row per later observation with a value or a state (a state compares as its lifecycle position): weighted p10/p50/p90 at its month, percentile (weighted share of runs at or below the observed value), inside (p10 ≤ observed ≤ p90) and CRPS; then coverage and mean CRPS. A backtest costs what a scenario run of its runs costs (runs × months × commitments, within the same ceiling): a large one (over the background threshold of a scenario run, about 4,200 runs of the default pack) is a durable job: it answers 202, its progress streams from /api/backtest/{id}/events on any instance and its result is at /api/backtest/{id}. Asked again while it runs, the same job answers; once its result is stored (until an observation is recorded), 200 with that result.",
    pathParams: packIdParam,
    guard: (_c, path) => findPack(path.id),
    query: {
      asOf: { description: "Project as of this day (default: the last day of the visit)", schema: AsOfDate },
      runs: { description: "Monte Carlo runs (default 1000)", schema: RunsParam },
    },
    responses: {
      200: { description: "The backtest", schema: Backtest },
      202: { description: "A large backtest started in the background", schema: AnalysisStarted },
    },
    handler: (c, { guard: pack, query }) =>
      Effect.gen(function* () {
        const { observations } = yield* loadObservations(pack)
        const options = { asOf: query.asOf ?? visitOf(pack).to, runs: query.runs ?? 1000 }
        const simulator = yield* Simulator
        const spec = backtestSpec(pack, observations, options)
        const work = yield* checkWorkCeiling(pack, spec, simulator.options.workCeiling)
        return yield* answerOrQueue(c, {
          kind: "backtest",
          work,
          threshold: simulator.options.backgroundThreshold,
          compute: simulator.backtest(pack, observations, options),
          request: () => encodeBacktestJobRequest({ pack: pack.id, ...options, observations }),
          total: options.runs,
          answer: (result) => c.json(encode(result)),
        })
      }),
  }),
  ...analysisJobRoutes({
    kind: "backtest",
    tag: "observations",
    noun: "backtest",
    resultNoun: "result",
    startedBy: "GET /api/packs/{id}/backtest",
    operationIds: { status: "getBacktest", events: "getBacktestEvents" },
    result: { description: "The completed backtest", schema: Backtest },
    answer: (c, result) => c.json(encode(result)),
  }),
]
