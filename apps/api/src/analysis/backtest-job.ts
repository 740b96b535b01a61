import { AsOfDate, Observation } from "@accord/domain"
import { Effect, Schema } from "effect"
import { packById } from "../packs/pack-lookup.js"
import { Simulator } from "../simulation/simulator.js"

/**
 * What a backtest job is asked with: the pack, the day and the runs, and the observations as they were when it
 * was asked (a later observation makes it another backtest, with another hash).
 */
export const BacktestJobRequest = Schema.Struct({
  pack: Schema.String,
  asOf: AsOfDate,
  runs: Schema.Int,
  observations: Schema.Array(Observation),
})
export type BacktestJobRequest = typeof BacktestJobRequest.Type

export const encodeBacktestJobRequest = Schema.encodeSync(BacktestJobRequest)

/** A backtest job's work: the backtest of the request, computed by the simulator (in the worker pool when large). */
export const computeBacktest = (request: BacktestJobRequest) =>
  Effect.flatMap(Simulator, (simulator) =>
    simulator.backtest(packById(request.pack), request.observations, {
      asOf: request.asOf,
      runs: request.runs,
    }),
  )
