import { createHash } from "node:crypto"
import type { Pack } from "@accord/domain"
import { canonicalJson, goalSeek, MODEL_VERSION, type Sampler, sobol, tornado } from "@accord/engine"
import { Effect } from "effect"
import type { ProgressListener } from "../simulation/simulator.js"
import { Simulator } from "../simulation/simulator.js"
import type { GoalRequest, SensitivityRequest } from "./analysis-requests.js"

/**
 * The kinds of work that may run as jobs and store their result under the hash of their request: the analyses,
 * and backtests and debriefs (analysis-job.ts computes each).
 */
export type AnalysisKind = "sensitivity" | "goal" | "backtest" | "debrief"

/**
 * What names an analysis: its kind, the model version and the request. The same request on the same model
 * gives the same bytes, so the hash addresses the stored result and keys the job (asked twice, run once).
 */
export const analysisHash = (kind: AnalysisKind, request: unknown) =>
  createHash("sha256")
    .update(canonicalJson({ kind, model: MODEL_VERSION, request }))
    .digest("hex")
    .slice(0, 32)

/**
 * Tornado or Sobol indices, sampled by the simulator (large samples and Sobol's bootstrap in the worker pool),
 * or Sobol's matrix rows by `sobolSampler` (a job's chunks across instances: jobs/chunked-job.ts).
 */
export const analyse = <E = never>(
  pack: Pack,
  body: SensitivityRequest,
  onProgress?: ProgressListener,
  sobolSampler?: Sampler<E>,
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
          sobolSampler ?? sampler,
          simulator.sobolIndices(pack),
        )
  })

/** The smallest lever value reaching the target, with the report at that value. */
export const seekGoal = (pack: Pack, body: GoalRequest, onProgress?: ProgressListener) =>
  Effect.gen(function* () {
    const simulator = yield* Simulator
    const goal = yield* goalSeek(pack, body.spec, body, simulator.sampler(pack, onProgress))
    const report = yield* simulator.simulate(pack, goal.spec)
    return { goal, report }
  })
