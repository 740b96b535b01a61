import type { RunStatistics } from "./run-statistics.js"

/** Room for the run index below a value's sort key in one float64: 2^21 runs (the spec allows 100,000). */
const RUN_SLOTS = 2 ** 21
const SIGN = 0x80000000

const QUANTILES = [0.1, 0.5, 0.9] as const

/**
 * p10, p50, p90 and mean of one indicator at one month over weighted runs. The quantiles are the weighted
 * analogue of R type 7: runs with positive weight, sorted by value (ties by run index), the k-th at position
 * S_k − w_k on a scale of S_n − w_n (S the cumulative weight), linear in between. With equal weights this is
 * exactly type 7; with weights 0 and 1 it is type 7 over the runs of weight 1. Depends only on the runs'
 * values and weights, never on how runs were chunked. `packed` is scratch of the values' length.
 *
 * The order (by value, ties by run) comes from one native sort of float64s, each a float32's sort key (its
 * bits with the sign flipped, −0 as +0) times 2^21 plus the run index: exact integers below 2^53, so the
 * same order as comparing values then runs, without a comparator called n log n times.
 */
export const describeWeightedRuns = (
  values: Float32Array,
  weights: Float64Array,
  packed: Float64Array = new Float64Array(values.length),
): RunStatistics => {
  if (values.length > RUN_SLOTS) throw new RangeError(`describeWeightedRuns: more than ${RUN_SLOTS} runs`)
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length)
  let n = 0
  let total = 0
  let weightedSum = 0
  for (let r = 0; r < values.length; r++) {
    const w = weights[r] as number
    if (!(w > 0)) continue
    const v = values[r] as number
    const b = bits[r] as number
    const key = v === 0 ? SIGN : (b ^ ((b >> 31) | SIGN)) >>> 0
    packed[n++] = key * RUN_SLOTS + r
    total += w
    weightedSum += w * v
  }
  if (n === 0) return { p10: 0, p50: 0, p90: 0, mean: 0 }
  // Sorted, then each entry replaced by its run index.
  const sorted = packed.subarray(0, n).sort()
  for (let k = 0; k < n; k++) sorted[k] = (sorted[k] as number) % RUN_SLOTS
  return weightedStatisticsInOrder(values, weights, sorted, total, weightedSum)
}

/**
 * The quantile walk over runs of positive weight in ascending order (`sorted`, run indices), given their
 * total weight and weighted sum (summed in run order).
 */
export const weightedStatisticsInOrder = (
  values: Float32Array,
  weights: Float64Array,
  sorted: ArrayLike<number>,
  total: number,
  weightedSum: number,
): RunStatistics => {
  const n = sorted.length
  const last = weights[sorted[n - 1] as number] as number
  const scale = total - last
  const out = [0, 0, 0]
  let q = 0
  let below = 0
  for (let k = 0; k < n && q < QUANTILES.length; k++) {
    const w = weights[sorted[k] as number] as number
    const v = values[sorted[k] as number] as number
    // Every quantile whose position h falls in [below, below + w) lies between run k and run k + 1.
    while (q < QUANTILES.length) {
      const h = (QUANTILES[q] as number) * scale
      if (!(h < below + w) && k < n - 1) break
      const next = k + 1 < n ? (values[sorted[k + 1] as number] as number) : v
      out[q] = scale === 0 || k === n - 1 ? v : v + ((h - below) / w) * (next - v)
      q++
    }
    below += w
  }
  return { p10: out[0] as number, p50: out[1] as number, p90: out[2] as number, mean: weightedSum / total }
}

/** The run with positive weight whose value is closest to `target` (lowest index on ties). */
export const closestWeightedRun = (values: Float32Array, weights: Float64Array, target: number): number => {
  let best = 0
  let bestDistance = Number.POSITIVE_INFINITY
  for (let r = 0; r < values.length; r++) {
    if (!((weights[r] as number) > 0)) continue
    const d = Math.abs((values[r] as number) - target)
    if (d < bestDistance) {
      bestDistance = d
      best = r
    }
  }
  return best
}
