import { goalIssues, indicatorIssues } from "@accord/engine"
import { Effect, Schema } from "effect"
import { GoalRequest, GoalResponse } from "../analysis/analysis-requests.js"
import { seekGoal } from "../analysis/analysis-work.js"
import { defineRoute } from "../http/route.js"
import { packById } from "../packs/pack-lookup.js"
import { Simulator } from "../simulation/simulator.js"
import { workOf } from "../simulation/work-ceiling.js"
import { checkAnalysisWork, requestIssues } from "./analysis-checks.js"
import { AnalysisStarted, analysisJobRoutes, answerOrQueue } from "./analysis-jobs.js"

const encodeGoalRequest = Schema.encodeSync(GoalRequest)
const encodeGoal = Schema.encodeSync(GoalResponse)

/** POST /api/goal and its background jobs (answers and live feeds). */
export const goalRoutes = [
  defineRoute({
    method: "post",
    path: "/api/goal",
    operationId: "goal",
    tag: "analysis",
    summary: "What would it take: the smallest lever value (latest, for a month) reaching a target",
    description:
      "Bisection under common random numbers over the lever's admissible range: the smallest value (for `month`, the latest) at which at least `probability` of the runs have the indicator at `month` ≥ `target`, with the report at that value; or `reachable: false` with the best share reached. A large goal seek (its bisection over the background threshold of an analysis) is a durable job: it answers 202, with progress at /api/goal/{id}/events and the answer at /api/goal/{id}; asked again once stored, it answers 200.",
    body: GoalRequest,
    bodyName: "the goal",
    bodyCheck: requestIssues((pack, body: GoalRequest) => [
      ...indicatorIssues(pack, body.spec, body.indicator, body.month),
      ...goalIssues(pack, body.spec, body),
    ]),
    responses: {
      200: { description: "The answer and the report at that value", schema: GoalResponse },
      202: { description: "A large goal seek started in the background", schema: AnalysisStarted },
    },
    handler: (c, { body }) =>
      Effect.gen(function* () {
        const pack = packById(body.spec.pack)
        const simulator = yield* Simulator
        // Bisection takes at most ~23 evaluations of the spec's runs (2^20 grid steps, both ends, a check).
        const work = yield* checkAnalysisWork(
          23 * workOf(pack, body.spec),
          simulator.options.analysisWorkCeiling,
          "spec.runs",
        )
        return yield* answerOrQueue(c, {
          kind: "goal",
          work,
          threshold: simulator.options.analysisBackgroundThreshold,
          compute: seekGoal(pack, body),
          request: () => encodeGoalRequest(body),
          total: 0,
          answer: (result) => c.json(encodeGoal(result)),
        })
      }),
  }),
  ...analysisJobRoutes({
    kind: "goal",
    noun: "goal seek",
    resultNoun: "answer",
    startedBy: "POST /api/goal",
    operationIds: { status: "getGoal", events: "getGoalEvents" },
    result: { description: "The answer and the report at that value", schema: GoalResponse },
    answer: (c, result) => c.json(encodeGoal(result)),
  }),
]
