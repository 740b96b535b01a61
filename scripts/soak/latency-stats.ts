// Latency figures from raw samples: count, errors, and nearest-rank percentiles in milliseconds.

export interface LatencyStats {
  readonly count: number
  readonly errors: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly perSecond: number
}

/** Nearest-rank percentile of sorted samples. */
export const percentile = (sorted: ReadonlyArray<number>, p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN)

/** Summarizes samples (ms) taken over `seconds`. */
export const statsOf = (samples: ReadonlyArray<number>, errors: number, seconds: number): LatencyStats => {
  const sorted = [...samples].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    count: samples.length,
    errors,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    perSecond: round(samples.length / seconds),
  }
}
