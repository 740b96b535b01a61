import type { Pack } from "@accord/domain"
import type { Sampler } from "@accord/engine"
import { Effect, Schema } from "effect"
import { computeDebrief, DebriefJobRequest } from "../exercises/debrief-job.js"
import { packById } from "../packs/pack-lookup.js"
import type { ProgressListener } from "../simulation/simulator.js"
import { GoalRequest, SensitivityRequest } from "./analysis-requests.js"
import { type AnalysisResult, findAnalysis, saveAnalysis } from "./analysis-store.js"
import { type AnalysisKind, analyse, seekGoal } from "./analysis-work.js"
import { BacktestJobRequest, computeBacktest } from "./backtest-job.js"

/**
 * The result of a kind of work from the request it was queued with (decoded here); a Sobol analysis's matrix
 * rows by `sobolSampler` when given (a job's chunks across instances).
 */
const compute = (
  kind: AnalysisKind,
  request: unknown,
  progress: ProgressListener,
  sobolSampler: ((pack: Pack) => Sampler<unknown>) | undefined,
) => {
  switch (kind) {
    case "sensitivity":
      return Effect.flatMap(Schema.decodeUnknown(SensitivityRequest)(request), (body) => {
        const pack = packById(body.spec.pack)
        return analyse(pack, body, progress, sobolSampler?.(pack))
      })
    case "goal":
      return Effect.flatMap(Schema.decodeUnknown(GoalRequest)(request), (body) =>
        seekGoal(packById(body.spec.pack), body, progress),
      )
    case "backtest":
      return Effect.flatMap(Schema.decodeUnknown(BacktestJobRequest)(request), computeBacktest)
    case "debrief":
      return Effect.flatMap(Schema.decodeUnknown(DebriefJobRequest)(request), computeDebrief)
  }
}

/**
 * The work of an analysis job (a backtest's and a debrief's too): decode the request it was queued with,
 * compute, store the result under its hash. A result already stored (an earlier attempt stored it, then its
 * instance died) is not computed again. `sobolSampler`, when the job engine gives one, draws a Sobol
 * analysis's matrix rows (on PostgreSQL: chunk jobs that every instance computes, jobs/chunked-job.ts).
 */
export const analysisJob = (
  kind: AnalysisKind,
  payload: { readonly hash: string; readonly request: unknown },
  progress: ProgressListener,
  sobolSampler?: (pack: Pack) => Sampler<unknown>,
) =>
  Effect.gen(function* () {
    const { hash } = payload
    if ((yield* findAnalysis(kind, hash)) !== undefined) return hash
    const result = yield* compute(kind, payload.request, progress, sobolSampler)
    yield* saveAnalysis(kind, hash, result as AnalysisResult<typeof kind>)
    return hash
  })
