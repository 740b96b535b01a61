import { lifecycleStates } from "@accord/domain"
import type { CompiledModel } from "./compiled-model.js"
import { type Conditioning, conditioningWarnings, effectiveRuns, weightsOf } from "./conditioning.js"
import type { WeightedRuns } from "./report-assembly.js"
import type { SimulationChunk } from "./simulation-chunk.js"

/**
 * Joins chunks' log-likelihoods and final states (chunks in run order) into the weights and weighted shares
 * of a conditioned report. Every sum runs in run order, so the bytes do not depend on the chunking.
 */
export const conditionedRuns = (
  model: CompiledModel,
  conditioning: Conditioning,
  ordered: ReadonlyArray<SimulationChunk>,
): WeightedRuns => {
  const R = model.runs
  const C = model.commitmentCount
  const S = lifecycleStates.length
  const logLikelihood = new Float64Array(R)
  const finalStates = new Int8Array(R * C)
  for (const chunk of ordered) {
    if (chunk.logLikelihood === undefined || chunk.finalStates === undefined) {
      throw new RangeError("assembleReport: a spec with asOf needs chunks simulated with its observations")
    }
    logLikelihood.set(chunk.logLikelihood, chunk.fromRun)
    finalStates.set(chunk.finalStates, chunk.fromRun * C)
  }
  const weights = weightsOf(logLikelihood)
  let total = 0
  for (let r = 0; r < R; r++) total += weights[r] as number
  const sums = new Float64Array(C * S)
  for (let r = 0; r < R; r++) {
    const w = weights[r] as number
    for (let c = 0; c < C; c++) {
      const s = finalStates[r * C + c] as number
      if (s >= 0) sums[c * S + s] = (sums[c * S + s] as number) + w
    }
  }
  const finalStateShares = sums.map((sum) => sum / total)
  const effective = effectiveRuns(weights)
  return {
    weights,
    finalStateShares,
    conditioning: {
      asOf: conditioning.asOf,
      observations: conditioning.used,
      ignored: conditioning.ignored,
      effectiveRuns: effective,
    },
    warnings: conditioningWarnings(R, effective),
  }
}
