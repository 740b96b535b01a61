import type { RunStatistics } from "./run-statistics.js"

/**
 * p10, p50, p90 and mean of float32 values by radix selection: the same numbers as `describeRuns` (R type 7,
 * the same order statistics, the same interpolation, the sum in run order), found without comparisons. A
 * float32's bits, with the sign flipped (and every bit of a negative one), sort as the floats do; a histogram
 * of up to 11 bits of those keys (fewer for fewer keys), taken just below the highest bit that differs between the column's smallest and
 * largest key, says which bucket holds each order statistic; a bucket is gathered and the same is done on it
 * until it is small (sorted natively) or holds one value. Two or three passes over a column instead of
 * Floyd–Rivest's partitions, which cost more than the hot loop itself (issue 17's profile).
 */
export class Float32OrderStatistics {
  /** Keys of the column, then of each level's gathered bucket (depth 0 is the column). */
  private readonly levels: Array<Uint32Array>
  /** One more than 2^DIGIT_BITS: the smallest key's bucket of its own shifts the others up by one. */
  private readonly histogram = new Int32Array(BUCKETS + 1)
  /** Per bucket of the current level: the index of its entry in the tables below, or -1. */
  private readonly target = new Int8Array(BUCKETS + 1)
  /** Per level (depth × 6 + bucket; ranks × 2): at most 6 wanted ranks, so at most 6 buckets a level. */
  private readonly bucketRanks = new Int32Array((MAX_DEPTH + 1) * 12)
  private readonly bucketOffset = new Float64Array((MAX_DEPTH + 1) * 6)
  private readonly bucketStart = new Int32Array((MAX_DEPTH + 1) * 6)
  private readonly bucketFill = new Int32Array((MAX_DEPTH + 1) * 6)
  private readonly ranks = new Float64Array(6)
  private readonly found = new Float64Array(6)
  /**
   * Of the column `load` last read: the sum in run order, the smallest and the largest key (a typed array, not
   * three number fields: a field that turns from a small integer to a double changes the object's map, and the
   * map change deoptimized `load` on every simulation, which then ran its loops unoptimized, boxing every value).
   */
  private readonly loaded = new Float64Array(3)

  constructor(private readonly capacity: number) {
    this.levels = Array.from({ length: MAX_DEPTH + 1 }, () => new Uint32Array(capacity))
  }

  /** Statistics of a column (values in run order). */
  describe(values: Float32Array): RunStatistics {
    const keys = this.levels[0] as Uint32Array
    this.load(values, keys, values.length)
    return this.describeLoaded(values, keys)
  }

  /**
   * Writes each value's key into `keys` (the float's bits as an order-preserving unsigned integer) and keeps the
   * column's sum (in run order), smallest and largest key for `describeLoaded`; returns whether any key differs
   * from what `keys` held, so a caller that keeps last month's keys learns in the same pass whether the column
   * moved. An unmoved column costs one comparison a value (and leaves the sum and range unset) unless `full`.
   */
  load(values: Float32Array, keys: Uint32Array, n: number, full = true): boolean {
    if (n > this.capacity || n > keys.length)
      throw new RangeError(
        `Float32OrderStatistics: ${n} values, room for ${Math.min(this.capacity, keys.length)}`,
      )
    const bits = new Uint32Array(values.buffer, values.byteOffset, n)
    const from = full ? 0 : unchangedPrefix(bits, keys, n)
    if (from === n) return false
    return loadKeys(values, bits, keys, n, this.loaded) || from > 0
  }

  /** The statistics of the column `load` last wrote into `keys` (which this leaves as it is). */
  describeLoaded(values: Float32Array, keys: Uint32Array): RunStatistics {
    const n = values.length
    if (n === 0) return { p10: 0, p50: 0, p90: 0, mean: Number.NaN }
    const count = wantedRanks(n, this.ranks)
    this.select(
      keys,
      0,
      0,
      n,
      0,
      count,
      0,
      this.loaded[LOADED_MIN] as number,
      this.loaded[LOADED_MAX] as number,
    )
    return interpolatedQuantiles(n, (this.loaded[LOADED_SUM] as number) / n, (rank) =>
      this.valueOfRank(count, rank),
    )
  }

  /**
   * Finds the keys of ranks[from..to) (ascending, relative to this bucket) among keys[start..start+len), whose
   * smallest and largest are min and max; `keys` is the caller's column at depth 0 (left as it is) and
   * levels[depth] below.
   */
  private select(
    keys: Uint32Array,
    depth: number,
    start: number,
    len: number,
    from: number,
    to: number,
    offset: number,
    min: number,
    max: number,
  ): void {
    const end = start + len
    if (min === max || len <= SMALL || depth === MAX_DEPTH) {
      // Sorted in place, or (the caller's column) as a copy one level down. A small bucket below the column is
      // sorted by insertion where it lies: a native sort of a subarray cost more in its call and the subarray
      // than in sorting a few keys.
      let sorted = keys
      let at = 0
      if (min !== max && depth === 0) {
        sorted = (this.levels[1] as Uint32Array).subarray(0, len)
        sorted.set(keys.subarray(start, end))
        sorted.sort()
      } else if (min !== max && len <= SMALL) {
        insertionSort(keys, start, end)
        at = start
      } else if (min !== max) sorted = keys.subarray(start, end).sort()
      for (let j = from; j < to; j++)
        this.found[j] = min === max ? min : (sorted[at + (this.ranks[j] as number) - offset] as number)
      return
    }
    // Buckets of 2^shift keys: digitBits of key just below the highest bit that differs between min and max.
    // As many buckets as about half the keys (2^4 to 2^11): the scan of the histogram for the wanted ranks
    // cost more than the pass over the keys when a column of 1,000 runs had 2,048 buckets.
    const digitBits = Math.max(4, Math.min(DIGIT_BITS, 31 - Math.clz32(len) - 1))
    const shift = Math.max(0, 32 - Math.clz32((max - min) >>> 0) - digitBits)
    // The smallest key gets bucket 0 to itself (the buckets above it start one key later): a column's minimum
    // is often repeated (0 in many runs), and a wanted rank in a bucket of one key is answered without
    // gathering it (113 of a default simulation's 567 gathers were of one repeated key). Not when that would
    // carry the range past 32 bits (only NaN keys, below −∞ or above +∞, widen a column that much).
    const bias = shift > 0 && max - min + ((1 << shift) - 1) <= 0xffffffff ? (1 << shift) - 1 : 0
    const base = min - bias
    const { histogram, target } = this
    const buckets = ((max - base) >>> shift) + 1
    histogram.fill(0, 0, buckets)
    for (let i = start; i < end; i++) {
      const d = ((keys[i] as number) - base) >>> shift
      histogram[d] = (histogram[d] as number) + 1
    }
    // The buckets that hold a wanted rank, each with its ranks and its place one level down; one pass then
    // gathers them all.
    target.fill(-1, 0, buckets)
    // This level's rows of the bucket tables (deeper levels use their own).
    const level = depth * 6
    let below = offset
    let j = from
    let used = 0
    let place = 0
    for (let d = 0; d < buckets && j < to; d++) {
      const size = histogram[d] as number
      const first = j
      while (j < to && (this.ranks[j] as number) < below + size) j++
      if (j > first && (shift === 0 || (d === 0 && bias > 0))) {
        // A bucket of one key (the minimum, or any bucket when a bucket is one key wide): no gathering.
        const key = shift === 0 ? min + d : min
        for (let r = first; r < j; r++) this.found[r] = key
      } else if (j > first) {
        target[d] = used
        this.bucketRanks[(level + used) * 2] = first
        this.bucketRanks[(level + used) * 2 + 1] = j
        this.bucketOffset[level + used] = below
        this.bucketStart[level + used] = place
        this.bucketFill[level + used] = place
        place += size
        used++
      }
      below += size
    }
    if (used === 0) return
    const next = this.levels[depth + 1] as Uint32Array
    const fill = this.bucketFill
    for (let i = start; i < end; i++) {
      const k = keys[i] as number
      const slot = target[(k - base) >>> shift] as number
      if (slot >= 0) {
        next[fill[level + slot] as number] = k
        fill[level + slot] = (fill[level + slot] as number) + 1
      }
    }
    for (let b = level; b < level + used; b++) {
      const from = this.bucketStart[b] as number
      const size = (fill[b] as number) - from
      let low = next[from] as number
      let high = low
      for (let i = from + 1; i < from + size; i++) {
        const k = next[i] as number
        if (k < low) low = k
        else if (k > high) high = k
      }
      this.select(
        next,
        depth + 1,
        from,
        size,
        this.bucketRanks[b * 2] as number,
        this.bucketRanks[b * 2 + 1] as number,
        this.bucketOffset[b] as number,
        low,
        high,
      )
    }
  }

  private valueOfRank(count: number, rank: number): number {
    let j = 0
    while (j < count && this.ranks[j] !== rank) j++
    return floatOfKey(this.found[j] as number)
  }
}

/** Sorts keys[start..end) ascending in place (as a typed array's `sort` does: the same order). */
const insertionSort = (keys: Uint32Array, start: number, end: number): void => {
  for (let i = start + 1; i < end; i++) {
    const k = keys[i] as number
    let j = i - 1
    while (j >= start && (keys[j] as number) > k) {
      keys[j + 1] = keys[j] as number
      j--
    }
    keys[j + 1] = k
  }
}

/** How many leading runs hold the same key as `keys` (last month's column). */
const unchangedPrefix = (bits: Uint32Array, keys: Uint32Array, n: number): number => {
  let from = 0
  while (from < n && keyOf(bits[from] as number) === keys[from]) from++
  return from
}

/**
 * Writes the keys of a column into `keys` and its sum in run order, smallest and largest key into `out`;
 * returns whether a key changed. One loop over every run (runs before the first change, which
 * `unchangedPrefix` found, write the key they hold): a second loop for them ran only on some calls, and its
 * missing type feedback deoptimized this function on most calls.
 */
const loadKeys = (
  values: Float32Array,
  bits: Uint32Array,
  keys: Uint32Array,
  n: number,
  out: Float64Array,
): boolean => {
  let sum = 0
  let min = 0xffffffff
  let max = 0
  let changed = 0
  for (let r = 0; r < n; r++) {
    sum += values[r] as number
    const key = keyOf(bits[r] as number)
    changed |= (keys[r] as number) ^ key
    keys[r] = key
    min = Math.min(min, key)
    max = Math.max(max, key)
  }
  out[LOADED_SUM] = sum
  out[LOADED_MIN] = min
  out[LOADED_MAX] = max
  return changed !== 0
}

const LOADED_SUM = 0
const LOADED_MIN = 1
const LOADED_MAX = 2
const QUANTILES = [0.1, 0.5, 0.9] as const
const DIGIT_BITS = 11
const BUCKETS = 1 << DIGIT_BITS
/** Buckets this small are sorted natively. */
const SMALL = 48
/** 32 bits of key, 11 at a time, after the first level narrowed the range: three levels are enough. */
const MAX_DEPTH = 4

/**
 * A float32's bits as an order-preserving unsigned key: the sign flipped (every bit of a negative one); −0
 * sorts with +0, as comparisons see them (a rare branch: +0 needs none). Literals, not a constant: bundled, a
 * module constant becomes a mutable `var` the compiler cannot fold, and returning it made every key a boxed
 * number (one heap allocation per value, most of the report's garbage).
 */
export const keyOf = (b: number): number =>
  b === 0x80000000 ? 0x80000000 : (b ^ ((b >> 31) | 0x80000000)) >>> 0

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

/**
 * The ranks (from 0, ascending, distinct) whose order statistics p10, p50 and p90 of n values need (R type 7:
 * the k-th and, when it interpolates, the (k + 1)-th), written into `ranks` (room for 6); returns how many.
 */
export const wantedRanks = (n: number, ranks: Float64Array): number => {
  let count = 0
  for (const q of QUANTILES) {
    const h = (n - 1) * q
    const k = Math.floor(h)
    count = addRank(ranks, count, k)
    if (h > k && k + 1 < n) count = addRank(ranks, count, k + 1)
  }
  return count
}

/** p10, p50, p90 of n values from their order statistics (`valueOfRank` of a rank `wantedRanks` gave), and the mean. */
export const interpolatedQuantiles = (
  n: number,
  mean: number,
  valueOfRank: (rank: number) => number,
): RunStatistics => {
  const out = QUANTILES.map((q) => {
    const h = (n - 1) * q
    const k = Math.floor(h)
    const a = valueOfRank(k)
    if (!(h > k && k + 1 < n)) return a
    return a + (h - k) * (valueOfRank(k + 1) - a)
  })
  return { p10: out[0] as number, p50: out[1] as number, p90: out[2] as number, mean }
}

const toFloat = new Float32Array(1)
const toBits = new Uint32Array(toFloat.buffer)

/** The float32 an order-preserving key stands for (`keyOf` undone; −0 comes back as +0). */
export const floatOfKey = (key: number): number => {
  toBits[0] = key >= 0x80000000 ? (key ^ 0x80000000) >>> 0 : ~key >>> 0
  return toFloat[0] as number
}
