import type { RunStatistics } from "./run-statistics.js"

/**
 * p10, p50, p90 and mean of float32 values by radix selection: the same numbers as `describeRuns` (R type 7,
 * the same order statistics, the same interpolation, the sum in run order), found without comparisons. A
 * float32's bits, with the sign flipped (and every bit of a negative one), sort as the floats do; a histogram
 * of 11 bits of those keys, taken just below the highest bit that differs between the column's smallest and
 * largest key, says which bucket holds each order statistic; a bucket is gathered and the same is done on it
 * until it is small (sorted natively) or holds one value. Two or three passes over a column instead of
 * Floyd–Rivest's partitions, which cost more than the hot loop itself (issue 17's profile).
 */
export class Float32OrderStatistics {
  /** Keys of the column, then of each level's gathered bucket (depth 0 is the column). */
  private readonly levels: Array<Uint32Array>
  private readonly histogram = new Int32Array(BUCKETS)
  /** Per bucket of the current level: the index of its entry in the tables below, or -1. */
  private readonly target = new Int8Array(BUCKETS)
  private readonly bucketRanks = new Int32Array(12)
  private readonly bucketOffset = new Float64Array(6)
  private readonly bucketStart = new Int32Array(6)
  private readonly bucketFill = new Int32Array(6)
  private readonly ranks = new Float64Array(6)
  private readonly found = new Float64Array(6)
  private readonly toFloat = new Float32Array(1)
  private readonly toBits = new Uint32Array(this.toFloat.buffer)

  constructor(private readonly capacity: number) {
    this.levels = Array.from({ length: MAX_DEPTH + 1 }, () => new Uint32Array(capacity))
  }

  describe(values: Float32Array): RunStatistics {
    const n = values.length
    if (n > this.capacity)
      throw new RangeError(`Float32OrderStatistics: ${n} values, room for ${this.capacity}`)
    if (n === 0) return { p10: 0, p50: 0, p90: 0, mean: Number.NaN }
    const bits = new Uint32Array(values.buffer, values.byteOffset, n)
    const keys = this.levels[0] as Uint32Array
    let sum = 0
    for (let r = 0; r < n; r++) {
      const v = values[r] as number
      sum += v
      const b = bits[r] as number
      // −0 sorts with +0, as comparisons see them.
      keys[r] = v === 0 ? SIGN : (b ^ ((b >> 31) | SIGN)) >>> 0
    }
    // The ranks each quantile needs: its order statistic k and, when it interpolates, k + 1.
    let count = 0
    for (const q of QUANTILES) {
      const h = (n - 1) * q
      const k = Math.floor(h)
      count = addRank(this.ranks, count, k)
      if (h > k && k + 1 < n) count = addRank(this.ranks, count, k + 1)
    }
    this.select(0, 0, n, 0, count, 0)
    const out = QUANTILES.map((q) => {
      const h = (n - 1) * q
      const k = Math.floor(h)
      const a = this.valueOfRank(count, k)
      if (!(h > k && k + 1 < n)) return a
      return a + (h - k) * (this.valueOfRank(count, k + 1) - a)
    })
    return { p10: out[0] as number, p50: out[1] as number, p90: out[2] as number, mean: sum / n }
  }

  /** Finds the keys of ranks[from..to) (ascending, relative to this bucket) among levels[depth][start..start+len). */
  private select(depth: number, start: number, len: number, from: number, to: number, offset: number): void {
    const keys = this.levels[depth] as Uint32Array
    const end = start + len
    let min = keys[start] as number
    let max = min
    for (let i = start + 1; i < end; i++) {
      const k = keys[i] as number
      if (k < min) min = k
      else if (k > max) max = k
    }
    if (min === max || len <= SMALL || depth === MAX_DEPTH) {
      const sorted = min === max ? keys : keys.subarray(start, end).sort()
      for (let j = from; j < to; j++)
        this.found[j] = min === max ? min : (sorted[(this.ranks[j] as number) - offset] as number)
      return
    }
    const width = 2 ** Math.max(0, 32 - Math.clz32((max - min) >>> 0) - DIGIT_BITS)
    const { histogram, target } = this
    const buckets = Math.floor((max - min) / width) + 1
    histogram.fill(0, 0, buckets)
    for (let i = start; i < end; i++) {
      const d = ((keys[i] as number) - min) / width
      histogram[d | 0] = (histogram[d | 0] as number) + 1
    }
    // The buckets that hold a wanted rank, each with its ranks and its place one level down; one pass then
    // gathers them all.
    target.fill(-1, 0, buckets)
    let below = offset
    let j = from
    let used = 0
    let place = 0
    for (let d = 0; d < buckets && j < to; d++) {
      const size = histogram[d] as number
      const first = j
      while (j < to && (this.ranks[j] as number) < below + size) j++
      if (j > first) {
        target[d] = used
        this.bucketRanks[used * 2] = first
        this.bucketRanks[used * 2 + 1] = j
        this.bucketOffset[used] = below
        this.bucketStart[used] = place
        this.bucketFill[used] = place
        place += size
        used++
      }
      below += size
    }
    const next = this.levels[depth + 1] as Uint32Array
    const fill = this.bucketFill
    for (let i = start; i < end; i++) {
      const k = keys[i] as number
      const slot = target[((k - min) / width) | 0] as number
      if (slot >= 0) {
        next[fill[slot] as number] = k
        fill[slot] = (fill[slot] as number) + 1
      }
    }
    // The bucket tables are overwritten one level down: read this level's first.
    const starts = Array.from(this.bucketStart.subarray(0, used))
    const sizes = starts.map((s, b) => (fill[b] as number) - s)
    const ranksOf = Array.from(this.bucketRanks.subarray(0, used * 2))
    const offsets = Array.from(this.bucketOffset.subarray(0, used))
    for (let b = 0; b < used; b++) {
      this.select(
        depth + 1,
        starts[b] as number,
        sizes[b] as number,
        ranksOf[b * 2] as number,
        ranksOf[b * 2 + 1] as number,
        offsets[b] as number,
      )
    }
  }

  private valueOfRank(count: number, rank: number): number {
    let j = 0
    while (j < count && this.ranks[j] !== rank) j++
    const key = this.found[j] as number
    this.toBits[0] = key >= SIGN ? (key ^ SIGN) >>> 0 : ~key >>> 0
    return this.toFloat[0] as number
  }
}

const QUANTILES = [0.1, 0.5, 0.9] as const
const SIGN = 0x80000000
const DIGIT_BITS = 11
const BUCKETS = 1 << DIGIT_BITS
/** Buckets this small are sorted natively. */
const SMALL = 48
/** 32 bits of key, 11 at a time, after the first level narrowed the range: three levels are enough. */
const MAX_DEPTH = 4

/** Adds a rank to the ascending list of distinct ranks; returns the new count. */
const addRank = (ranks: Float64Array, count: number, rank: number): number => {
  for (let j = 0; j < count; j++) if (ranks[j] === rank) return count
  let j = count
  while (j > 0 && (ranks[j - 1] as number) > rank) {
    ranks[j] = ranks[j - 1] as number
    j--
  }
  ranks[j] = rank
  return count + 1
}
