import type { Pack, ScenarioSpec } from "@accord/domain"
import { canonicalJson } from "../canonical-json.js"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { describeRuns, roundStatistic } from "../run-statistics.js"
import { simulateChunk } from "../simulation-chunk.js"
import type { HorizonDelta } from "./debrief.js"

/** Every run's value of every indicator at the horizon: values[indicator][run] (float32, as reports use them). */
export type HorizonRuns = ReadonlyArray<Float32Array>

/**
 * Simulates a spec once and keeps only the horizon month, so that a debrief
 * pairs any two specs run by run (common random numbers: run i of each draws
 * the same streams) without simulating either twice. Specs with the same
 * canonical JSON are simulated once.
 */
export const horizonRunsOf = (pack: Pack) => {
  const cache = new Map<string, HorizonRuns>()
  return (spec: ScenarioSpec): HorizonRuns => {
    const key = canonicalJson(spec)
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    const chunk = simulateChunk(pack, spec, 0, spec.runs)
    const R = spec.runs
    const last = chunk.months - 1
    const runs = INDICATOR_IDS.map((_, ind) =>
      chunk.values.slice((ind * chunk.months + last) * R, (ind * chunk.months + last + 1) * R),
    )
    cache.set(key, runs)
    return runs
  }
}

/** The median across runs of one indicator. */
export const medianOf = (values: Float32Array): number => roundStatistic(describeRuns(values).p50)

/** The paired difference other − reference, run by run: p10, p50, p90 and mean. */
export const pairedDelta = (reference: Float32Array, other: Float32Array): HorizonDelta => {
  const delta = new Float64Array(reference.length)
  let same = true
  for (let r = 0; r < delta.length; r++) {
    delta[r] = (other[r] as number) - (reference[r] as number)
    if (delta[r] !== 0) same = false
  }
  if (same) return { p10: 0, p50: 0, p90: 0, mean: 0 }
  const d = describeRuns(delta)
  return {
    p10: roundStatistic(d.p10),
    p50: roundStatistic(d.p50),
    p90: roundStatistic(d.p90),
    mean: roundStatistic(d.mean),
  }
}
