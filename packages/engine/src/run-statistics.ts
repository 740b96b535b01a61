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

/**
 * Moves the k-th smallest of a[left..right] to a[k], smaller ones before it and
 * larger ones after it: Floyd–Rivest selection (a sample picks pivots close to
 * the k-th value), linear time with few passes, where a full sort per indicator
 * and month dominated the report's cost.
 */
const selectInPlace = (a: Float64Array, lo: number, hi: number, k: number): void => {
  let left = lo
  let right = hi
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1
      const i = k - left + 1
      const z = Math.log(n)
      const s = 0.5 * Math.exp((2 * z) / 3)
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1)
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd))
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd))
      selectInPlace(a, newLeft, newRight, k)
    }
    const t = a[k] as number
    let i = left
    let j = right
    swap(a, left, k)
    if ((a[right] as number) > t) swap(a, left, right)
    while (i < j) {
      swap(a, i, j)
      i++
      j--
      while ((a[i] as number) < t) i++
      while ((a[j] as number) > t) j--
    }
    if (a[left] === t) swap(a, left, j)
    else {
      j++
      swap(a, j, right)
    }
    if (j <= k) left = j + 1
    if (k <= j) right = j - 1
  }
}

const swap = (a: Float64Array, i: number, j: number): void => {
  const t = a[i] as number
  a[i] = a[j] as number
  a[j] = t
}

const minIn = (a: Float64Array, from: number, to: number): number => {
  let min = a[from] as number
  for (let r = from + 1; r <= to; r++) if ((a[r] as number) < min) min = a[r] as number
  return min
}

const QUANTILES = [0.1, 0.5, 0.9] as const

/** Statistics of one indicator at one month over all runs. */
export interface RunStatistics {
  readonly p10: number
  readonly p50: number
  readonly p90: number
  readonly mean: number
}

/**
 * p10, p50, p90 (R type 7, as `quantileOfSorted` on sorted values) and mean of
 * one indicator at one month over all runs (values in run order, unrounded).
 * `scratch` must have the values' length; its contents are overwritten.
 */
export const describeRuns = (
  values: Float32Array | Float64Array,
  scratch: Float64Array = new Float64Array(values.length),
): RunStatistics => {
  const n = values.length
  let sum = 0
  for (let r = 0; r < n; r++) {
    const v = values[r] as number
    scratch[r] = v
    sum += v
  }
  // Select the three order statistics first (each on what lies right of the last), then the neighbours
  // each interpolation needs: the minimum of the segment right of each, which is shorter than the tail.
  const ks = QUANTILES.map((q) => Math.floor((n - 1) * q))
  let left = 0
  for (const k of ks) {
    if (k >= left) {
      selectInPlace(scratch, left, n - 1, k)
      left = k + 1
    }
  }
  const out = QUANTILES.map((q, qi) => {
    const h = (n - 1) * q
    const k = ks[qi] as number
    const a = scratch[k] as number
    if (!(h > k && k + 1 < n)) return a
    const next = ks.find((other) => other > k)
    // Right of k and up to the next selected order statistic (inclusive) lie all values ≥ a, and the
    // smallest of them is the (k+1)-th; past the last selected one it is the tail's minimum.
    const b = minIn(scratch, k + 1, next === undefined ? n - 1 : next)
    return a + (h - k) * (b - a)
  })
  return { p10: out[0] as number, p50: out[1] as number, p90: out[2] as number, mean: sum / n }
}

/**
 * The same statistics for small non-negative integers (counts): a histogram
 * instead of selection, exact and linear.
 */
export const describeCounts = (values: Float32Array, histogram: Int32Array): RunStatistics => {
  const n = values.length
  histogram.fill(0)
  let sum = 0
  for (let r = 0; r < n; r++) {
    const v = values[r] as number
    sum += v
    histogram[v] = (histogram[v] as number) + 1
  }
  return countStatistics(histogram, n, sum)
}

/** p10, p50, p90 (R type 7) and mean of n counts from their histogram and their sum in run order. */
export const countStatistics = (histogram: Int32Array, n: number, sum: number): RunStatistics => {
  const p10 = countQuantile(histogram, n, 0.1)
  const p50 = countQuantile(histogram, n, 0.5)
  const p90 = countQuantile(histogram, n, 0.9)
  return { p10, p50, p90, mean: sum / n }
}

/**
 * Quantile q (R type 7) of n counts from their histogram. Plain calls, not a closure mapped over the quantiles
 * and destructured: that deoptimized `describeCounts` ("wrong map") hundreds of times a simulation.
 */
const countQuantile = (histogram: Int32Array, n: number, q: number): number => {
  const h = (n - 1) * q
  const k = Math.floor(h)
  const a = orderStatisticOfCounts(histogram, k)
  const b = k + 1 < n && h > k ? orderStatisticOfCounts(histogram, k + 1) : a
  return a + (h - k) * (b - a)
}

/** The k-th smallest (from 0) of the values a histogram counts. */
const orderStatisticOfCounts = (histogram: Int32Array, k: number): number => {
  let seen = 0
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v] as number
    if (seen > k) return v
  }
  return histogram.length - 1
}

/** Whether every value is an integer in 0..limit-1 (then `describeCounts` applies). */
export const isSmallCount = (values: Float32Array, limit: number): boolean => {
  for (let r = 0; r < values.length; r++) {
    const v = values[r] as number
    if (!(v >= 0 && v < limit && v === Math.floor(v))) return false
  }
  return true
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
