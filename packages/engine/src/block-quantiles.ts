import { floatOfKey, interpolatedQuantiles, keyOf, wantedRanks } from "./float32-order-statistics.js"
import { INDICATOR_IDS, type IndicatorId } from "./indicator-formulas.js"
import { COUNT_INDICATORS, COUNT_LIMIT } from "./report-assembly.js"
import { countStatistics, type RunStatistics } from "./run-statistics.js"

/**
 * p10, p50, p90 and mean of every report column (indicator × month) when runs are simulated in blocks and no
 * column is ever whole: the same numbers as `ReportBuilder.addMonth` on the whole column, in two passes over
 * the blocks. The first (`observe`) keeps each column's sum in run order, smallest and largest key, the
 * histogram of a count indicator's values, and a radix histogram of its keys: 2^DIGIT_BITS buckets over the key
 * range of the first block's column and six around them (`bucketOf`), each with its first key and whether another
 * followed. `plan` then knows which buckets hold the order statistics each quantile needs; the second pass
 * (`gather`, over the same runs simulated again: counter-based draws replay exactly) keeps only the keys of
 * those buckets that held more than one key, and `statistics` sorts them and reads the ranks. A count column of
 * small integers and a constant column need no second pass. Exact whatever the first block holds (a wanted rank
 * beyond its range is in a bucket below or above it, gathered whole); its range only decides how many keys the
 * second pass keeps.
 */
export class BlockQuantiles {
  private readonly columns: number
  private readonly lo: Uint32Array
  private readonly hi: Uint32Array
  private readonly inner: Uint32Array
  private readonly span: Uint32Array
  private readonly shift: Uint8Array
  private readonly min: Uint32Array
  private readonly max: Uint32Array
  private readonly sum: Float64Array
  private readonly histogram: Int32Array
  /** Per column and bucket: its first key, and whether another key followed (a bucket of one key needs no gather). */
  private readonly firstKey: Uint32Array
  private readonly mixed: Uint8Array
  /** Per column: its row in `counts` (a count indicator), or -1. */
  private readonly countRow: Int32Array
  private readonly counts: Int32Array
  /** Per column: whether every value so far was a count below COUNT_LIMIT (then `counts` holds them all). */
  private readonly small: Uint8Array
  private readonly kind: Uint8Array
  /** Per column and bucket: the bucket's slot (0..5) among the column's wanted buckets, or -1. */
  private readonly target: Int8Array
  private readonly ranks: Float64Array
  private readonly rankCount: Uint8Array
  /** Per column and wanted rank: the slot of the bucket that holds it. */
  private readonly rankSlot: Int8Array
  private readonly slotCount: Uint8Array
  private readonly slotStart: Int32Array
  private readonly slotFill: Int32Array
  /** Per column and slot: how many of the column's keys lie in buckets below the slot's. */
  private readonly slotBelow: Float64Array
  /** Per column and slot: the one key of a bucket that holds no other, or -1 (its keys are gathered). */
  private readonly slotKey: Float64Array
  private pool = new Uint32Array(0)
  /** Scratch: a column's sum, smallest and largest key while a block is read; its bucketing. */
  private readonly loaded = new Float64Array(3)
  private readonly range = new Float64Array(5)

  constructor(readonly months: number) {
    const columns = INDICATOR_IDS.length * months
    this.columns = columns
    this.lo = new Uint32Array(columns)
    this.hi = new Uint32Array(columns)
    this.inner = new Uint32Array(columns)
    this.span = new Uint32Array(columns)
    this.shift = new Uint8Array(columns)
    this.min = new Uint32Array(columns).fill(0xffffffff)
    this.max = new Uint32Array(columns)
    this.sum = new Float64Array(columns)
    this.histogram = new Int32Array(columns * WIDTH)
    this.firstKey = new Uint32Array(columns * WIDTH)
    this.mixed = new Uint8Array(columns * WIDTH)
    this.countRow = new Int32Array(columns).fill(-1)
    let rows = 0
    for (let col = 0; col < columns; col++) {
      if (COUNT_INDICATORS.has(INDICATOR_IDS[Math.floor(col / months)] as IndicatorId))
        this.countRow[col] = rows++
    }
    this.counts = new Int32Array(rows * COUNT_LIMIT)
    this.small = new Uint8Array(columns).fill(1)
    this.kind = new Uint8Array(columns)
    this.target = new Int8Array(columns * WIDTH).fill(-1)
    this.ranks = new Float64Array(columns * SLOTS)
    this.rankCount = new Uint8Array(columns)
    this.rankSlot = new Int8Array(columns * SLOTS)
    this.slotCount = new Uint8Array(columns)
    this.slotStart = new Int32Array(columns * SLOTS)
    this.slotFill = new Int32Array(columns * SLOTS)
    this.slotBelow = new Float64Array(columns * SLOTS)
    this.slotKey = new Float64Array(columns * SLOTS)
  }

  /** First pass: the next runs' values of column `col` (indicator × months + month), blocks in run order. */
  observe(col: number, values: Float32Array, firstBlock: boolean): void {
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length)
    if (firstBlock) this.setRange(col, bits)
    const loaded = this.loaded
    loaded[0] = this.sum[col] as number
    loaded[1] = this.min[col] as number
    loaded[2] = this.max[col] as number
    const { histogram, firstKey, mixed } = this
    histogramKeys(values, bits, col * WIDTH, this.bucketing(col), histogram, firstKey, mixed, loaded)
    this.sum[col] = loaded[0] as number
    this.min[col] = loaded[1] as number
    this.max[col] = loaded[2] as number
    const row = this.countRow[col] as number
    if (row >= 0 && this.small[col] === 1) this.small[col] = countInto(values, this.counts, row * COUNT_LIMIT)
  }

  /** A column's bucketing (see `bucketOf`) in a scratch array: lo, hi, inner, span, shift. */
  private bucketing(col: number): Float64Array {
    this.range[0] = this.lo[col] as number
    this.range[1] = this.hi[col] as number
    this.range[2] = this.inner[col] as number
    this.range[3] = this.span[col] as number
    this.range[4] = this.shift[col] as number
    return this.range
  }

  /**
   * The bucket mapping of a column (see `bucketOf`): the first block's smallest and largest key have buckets of
   * their own (a column often holds one value in many runs at either end: nothing restored yet, every pledge
   * made, and a bucket of one key needs no gather), and DIGIT_BITS of key spread the keys between them.
   */
  private setRange(col: number, bits: Uint32Array): void {
    let lo = 0xffffffff
    let hi = 0
    for (let r = 0; r < bits.length; r++) {
      const key = keyOf(bits[r] as number)
      lo = Math.min(lo, key)
      hi = Math.max(hi, key)
    }
    let inner = 0xffffffff
    let outer = 0
    for (let r = 0; r < bits.length; r++) {
      const key = keyOf(bits[r] as number)
      if (key > lo && key < hi) {
        inner = Math.min(inner, key)
        outer = Math.max(outer, key)
      }
    }
    if (inner > outer) {
      inner = lo + 1
      outer = Math.max(inner, hi - 1)
    }
    const span = outer - inner
    this.lo[col] = lo
    this.hi[col] = hi
    this.inner[col] = inner
    this.span[col] = span
    this.shift[col] = Math.max(0, 32 - Math.clz32(span) - DIGIT_BITS)
  }

  /**
   * After the first pass over n runs: which column needs which buckets; returns how many keys the second pass
   * keeps (0: no second pass is needed).
   */
  plan(n: number): number {
    let total = 0
    for (let col = 0; col < this.columns; col++) {
      if ((this.countRow[col] as number) >= 0 && this.small[col] === 1) this.kind[col] = COUNTS
      else if (this.min[col] === this.max[col]) this.kind[col] = CONSTANT
      else {
        this.kind[col] = GATHERED
        total = this.planColumn(col, n, total)
      }
    }
    this.pool = new Uint32Array(total)
    this.slotFill.set(this.slotStart)
    return total
  }

  /** The wanted buckets of one column, their places in the pool from `total` on; returns the new total. */
  private planColumn(col: number, n: number, total: number): number {
    const ranks = this.ranks.subarray(col * SLOTS, (col + 1) * SLOTS)
    const count = wantedRanks(n, ranks)
    this.rankCount[col] = count
    const base = col * WIDTH
    let below = 0
    let j = 0
    let used = 0
    let place = total
    for (let d = 0; d < WIDTH && j < count; d++) {
      const size = this.histogram[base + d] as number
      const first = j
      while (j < count && (ranks[j] as number) < below + size) this.rankSlot[col * SLOTS + j++] = used
      if (j > first) {
        const slot = col * SLOTS + used
        const one = this.mixed[base + d] === 0
        this.slotBelow[slot] = below
        this.slotStart[slot] = place
        this.slotKey[slot] = one ? (this.firstKey[base + d] as number) : -1
        if (!one) {
          this.target[base + d] = used
          place += size
        }
        used++
      }
      below += size
    }
    this.slotCount[col] = used
    return place
  }

  /** Second pass: the same values as `observe` saw, blocks in run order; keeps the keys of wanted buckets. */
  gather(col: number, values: Float32Array): void {
    if (this.kind[col] !== GATHERED) return
    const bits = new Uint32Array(values.buffer, values.byteOffset, values.length)
    gatherKeys(bits, col, this.bucketing(col), this.target, this.pool, this.slotFill)
  }

  /** The statistics of column `col` over all n runs (after `plan`, and `gather` over every block if it said so). */
  statistics(col: number, n: number): RunStatistics {
    const sum = this.sum[col] as number
    const kind = this.kind[col]
    if (kind === COUNTS) {
      const row = this.countRow[col] as number
      return countStatistics(this.counts.subarray(row * COUNT_LIMIT, (row + 1) * COUNT_LIMIT), n, sum)
    }
    if (kind === CONSTANT) {
      const value = floatOfKey(this.min[col] as number)
      return interpolatedQuantiles(n, sum / n, () => value)
    }
    for (let s = col * SLOTS; s < col * SLOTS + (this.slotCount[col] as number); s++) {
      this.pool.subarray(this.slotStart[s] as number, this.slotFill[s] as number).sort()
    }
    return interpolatedQuantiles(n, sum / n, (rank) => floatOfKey(this.keyOfRank(col, rank)))
  }

  private keyOfRank(col: number, rank: number): number {
    let j = 0
    while (j < (this.rankCount[col] as number) && this.ranks[col * SLOTS + j] !== rank) j++
    const slot = col * SLOTS + (this.rankSlot[col * SLOTS + j] as number)
    if ((this.slotKey[slot] as number) >= 0) return this.slotKey[slot] as number
    return this.pool[(this.slotStart[slot] as number) + rank - (this.slotBelow[slot] as number)] as number
  }
}

/**
 * One block of a column into its histogram (`loaded`: sum in run order, smallest and largest key, carried over).
 * A function of its own, its loop the whole of it: inside `observe`, whose code after the loop had no type
 * feedback when the loop was first compiled, it deoptimized and ran unoptimized, boxing every key.
 */
const histogramKeys = (
  values: Float32Array,
  bits: Uint32Array,
  base: number,
  range: Float64Array,
  histogram: Int32Array,
  firstKey: Uint32Array,
  mixed: Uint8Array,
  loaded: Float64Array,
): void => {
  let sum = loaded[0] as number
  let min = loaded[1] as number
  let max = loaded[2] as number
  for (let r = 0; r < values.length; r++) {
    sum += values[r] as number
    const key = keyOf(bits[r] as number)
    min = Math.min(min, key)
    max = Math.max(max, key)
    const d = base + bucketOf(key, range)
    const size = histogram[d] as number
    if (size === 0) firstKey[d] = key
    else if (firstKey[d] !== key) mixed[d] = 1
    histogram[d] = size + 1
  }
  loaded[0] = sum
  loaded[1] = min
  loaded[2] = max
}

/** One block of a column: the keys of its wanted buckets into their places in the pool. */
const gatherKeys = (
  bits: Uint32Array,
  col: number,
  range: Float64Array,
  target: Int8Array,
  pool: Uint32Array,
  slotFill: Int32Array,
): void => {
  const base = col * WIDTH
  for (let r = 0; r < bits.length; r++) {
    const key = keyOf(bits[r] as number)
    const slot = target[base + bucketOf(key, range)] as number
    if (slot >= 0) {
      const at = col * SLOTS + slot
      pool[slotFill[at] as number] = key
      slotFill[at] = (slotFill[at] as number) + 1
    }
  }
}

/**
 * Bucket of a key, in key order, given a column's bucketing (lo, hi, inner, span, shift: `setRange`): 0 below
 * lo, 1 lo itself, 2 between lo and inner, 3 + its digit from inner to inner + span, WIDTH − 3 from there to
 * hi, WIDTH − 2 hi itself, WIDTH − 1 above hi.
 */
const bucketOf = (key: number, range: Float64Array): number => {
  const lo = range[0] as number
  const hi = range[1] as number
  if (key <= lo) return key === lo ? 1 : 0
  if (key >= hi) return key === hi ? WIDTH - 2 : WIDTH - 1
  const inner = range[2] as number
  if (key < inner) return 2
  const offset = key - inner
  return offset > (range[3] as number) ? WIDTH - 3 : 3 + (offset >>> (range[4] as number))
}

/** Adds small counts to their histogram row; 0 (and the row no longer whole) at the first value that is not one. */
const countInto = (values: Float32Array, counts: Int32Array, row: number): number => {
  for (let r = 0; r < values.length; r++) {
    const v = values[r] as number
    if (!(v >= 0 && v < COUNT_LIMIT && v === Math.floor(v))) return 0
    counts[row + v] = (counts[row + v] as number) + 1
  }
  return 1
}

/** 2^9 buckets: 2 MB of tables for 400 columns; 2^11 kept a third of the keys for 3 MB more (benchmarks, round 5). */
const DIGIT_BITS = 9
/** Buckets of a column: 2^DIGIT_BITS, and 6 around them (`bucketOf`). */
const WIDTH = (1 << DIGIT_BITS) + 6
/** At most 6 wanted ranks (3 quantiles, each maybe interpolating), so at most 6 wanted buckets. */
const SLOTS = 6
const GATHERED = 0
const COUNTS = 1
const CONSTANT = 2
