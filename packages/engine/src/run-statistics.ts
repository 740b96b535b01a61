/** Reports carry numbers rounded to this many decimals, so that bytes do not depend on float noise in the last digit. */
const DECIMALS = 1e3
const SHARE_DECIMALS = 1e6

/** Rounds an indicator statistic for a report (monotone, so orderings between statistics survive). */
export const roundStatistic = (x: number): number => {
  const r = Math.round(x * DECIMALS) / DECIMALS
  return r === 0 ? 0 : r
}

/** Rounds a share of runs (0..1). */
export const roundShare = (x: number): number => Math.round(x * SHARE_DECIMALS) / SHARE_DECIMALS

/** Quantile q of ascending values: linear interpolation between order statistics (R type 7). */
export const quantileOfSorted = (sorted: ArrayLike<number>, q: number): number => {
  const n = sorted.length
  if (n === 0) return 0
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const a = sorted[lo] as number
  const b = sorted[Math.min(lo + 1, n - 1)] as number
  return a + (h - lo) * (b - a)
}

/** Sum in run order, the one order every path uses, so means never depend on chunking. */
export const sumInRunOrder = (values: ArrayLike<number>): number => {
  let sum = 0
  for (let r = 0; r < values.length; r++) sum += values[r] as number
  return sum
}

/** p10, p50, p90 and mean of one indicator at one month over all runs (values in run order, unrounded). */
export const describeRuns = (values: Float32Array | Float64Array) => {
  const sorted = values.slice().sort()
  return {
    p10: quantileOfSorted(sorted, 0.1),
    p50: quantileOfSorted(sorted, 0.5),
    p90: quantileOfSorted(sorted, 0.9),
    mean: sumInRunOrder(values) / values.length,
  }
}

/** The run whose value is closest to `target` (lowest index on ties). */
export const closestRun = (values: ArrayLike<number>, target: number): number => {
  let best = 0
  let bestDistance = Number.POSITIVE_INFINITY
  for (let r = 0; r < values.length; r++) {
    const d = Math.abs((values[r] as number) - target)
    if (d < bestDistance) {
      bestDistance = d
      best = r
    }
  }
  return best
}
