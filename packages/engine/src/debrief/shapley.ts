import type { HorizonRuns } from "./horizon-runs.js"

/** Up to this many units, Shapley values are exact (2^n coalitions); beyond, permutations are sampled. */
export const EXACT_SHAPLEY_MAX_UNITS = 6

/** About this many coalitions are simulated when sampling (each ≈ one simulation of the game). */
const SAMPLED_COALITION_BUDGET = 160

/** Per unit, per indicator, per run: the unit's Shapley share of that run's difference. */
export interface ShapleyResult {
  readonly method: "exact" | "sampled"
  /** Permutations drawn (sampled only; 0 when exact). */
  readonly permutations: number
  /** values[unit][indicator][run]. */
  readonly values: ReadonlyArray<ReadonlyArray<Float64Array>>
  /** Standard error of each unit's mean, per indicator (0 when exact). */
  readonly standardErrors: ReadonlyArray<ReadonlyArray<number>>
}

/** Mulberry32: a small seeded generator, so the sampled permutations (and the debrief's bytes) repeat. */
const generator = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const zeros = (n: number, indicators: number, runs: number) =>
  Array.from({ length: n }, () => Array.from({ length: indicators }, () => new Float64Array(runs)))

/** Adds weight × (with − without) run by run into `into`. */
const addMarginal = (
  into: ReadonlyArray<Float64Array>,
  withUnit: HorizonRuns,
  without: HorizonRuns,
  weight: number,
) => {
  for (let k = 0; k < into.length; k++) {
    const target = into[k] as Float64Array
    const a = withUnit[k] as Float32Array
    const b = without[k] as Float32Array
    for (let r = 0; r < target.length; r++)
      target[r] = (target[r] as number) + weight * ((a[r] as number) - (b[r] as number))
  }
}

const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1))

/**
 * Shapley values of `n` units under common random numbers: `playWith(members)`
 * gives every run's horizon values with only those units played (same seed, so
 * run r of every coalition draws the same streams). Run by run, the units'
 * values add up exactly to playWith(all) − playWith(none) — exact or sampled,
 * because every permutation's marginal contributions telescope to that
 * difference. Sampling walks antithetic pairs of permutations (one and its
 * reverse) drawn from `seed`.
 */
export const shapleyValues = (
  n: number,
  playWith: (members: ReadonlyArray<number>) => HorizonRuns,
  seed: number,
): ShapleyResult => {
  const empty = playWith([])
  const indicators = empty.length
  const runs = (empty[0] as Float32Array | undefined)?.length ?? 0
  const values = zeros(n, indicators, runs)
  if (n === 0) return { method: "exact", permutations: 0, values, standardErrors: [] }
  if (n <= EXACT_SHAPLEY_MAX_UNITS) {
    const memo = new Map<number, HorizonRuns>()
    const of = (mask: number) => {
      let v = memo.get(mask)
      if (v === undefined) {
        v = playWith(Array.from({ length: n }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0))
        memo.set(mask, v)
      }
      return v
    }
    for (let mask = 0; mask < 1 << n; mask++) {
      let size = 0
      for (let i = 0; i < n; i++) if ((mask & (1 << i)) !== 0) size++
      const weight = (factorial(size) * factorial(n - size - 1)) / factorial(n)
      for (let i = 0; i < n; i++) {
        if ((mask & (1 << i)) !== 0) continue
        addMarginal(values[i] as ReadonlyArray<Float64Array>, of(mask | (1 << i)), of(mask), weight)
      }
    }
    return {
      method: "exact",
      permutations: 0,
      values,
      standardErrors: values.map((u) => u.map(() => 0)),
    }
  }
  return sampledShapley(n, playWith, seed, values)
}

/** The orders of play a sampled estimate walks: antithetic pairs, each random permutation then its reverse. */
const sampledOrders = (n: number, seed: number): ReadonlyArray<ReadonlyArray<number>> => {
  const pairs = Math.max(2, Math.min(16, Math.floor(SAMPLED_COALITION_BUDGET / (2 * (n - 1)))))
  const random = generator(seed ^ 0x5eed)
  const orders: Array<ReadonlyArray<number>> = []
  for (let p = 0; p < pairs; p++) {
    const order = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j] as number, order[i] as number]
    }
    orders.push(order, [...order].reverse())
  }
  return orders
}

/**
 * How many coalitions (sets of units played) shapleyValues simulates for `n` units: every one of the 2^n
 * when exact, else the distinct prefixes of the sampled orders (the empty and the full coalition included).
 */
export const shapleyCoalitions = (n: number, seed: number): number => {
  if (n <= EXACT_SHAPLEY_MAX_UNITS) return 2 ** n
  const seen = new Set<string>([""])
  for (const order of sampledOrders(n, seed)) {
    const members: Array<number> = []
    for (const unit of order) {
      members.push(unit)
      seen.add([...members].sort((a, b) => a - b).join(","))
    }
  }
  return seen.size
}

const sampledShapley = (
  n: number,
  playWith: (members: ReadonlyArray<number>) => HorizonRuns,
  seed: number,
  values: Array<Array<Float64Array>>,
): ShapleyResult => {
  const orders = sampledOrders(n, seed)
  const pairs = orders.length / 2
  const permutations = orders.length
  const memo = new Map<string, HorizonRuns>()
  const of = (members: ReadonlyArray<number>) => {
    const key = [...members].sort((a, b) => a - b).join(",")
    let v = memo.get(key)
    if (v === undefined) {
      v = playWith([...members].sort((a, b) => a - b))
      memo.set(key, v)
    }
    return v
  }
  const indicators = values[0]?.length ?? 0
  // Per unit and indicator: the mean marginal of each permutation, for the standard error.
  const perPermutation = Array.from({ length: n }, () =>
    Array.from({ length: indicators }, () => [] as number[]),
  )
  const weight = 1 / permutations
  for (const walk of orders) {
    const members: Array<number> = []
    let before = of(members)
    for (const unit of walk) {
      members.push(unit)
      const after = of(members)
      addMarginal(values[unit] as ReadonlyArray<Float64Array>, after, before, weight)
      for (let k = 0; k < indicators; k++) {
        const a = after[k] as Float32Array
        const b = before[k] as Float32Array
        let sum = 0
        for (let r = 0; r < a.length; r++) sum += (a[r] as number) - (b[r] as number)
        perPermutation[unit]?.[k]?.push(sum / Math.max(1, a.length))
      }
      before = after
    }
  }
  // A permutation and its reverse are not independent: the pair's mean is the sample.
  const standardErrors = perPermutation.map((unit) =>
    unit.map((xs) => {
      const pairMeans = Array.from(
        { length: pairs },
        (_, i) => ((xs[2 * i] as number) + (xs[2 * i + 1] as number)) / 2,
      )
      const mean = pairMeans.reduce((s, x) => s + x, 0) / pairs
      const variance = pairMeans.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, pairs - 1)
      return Math.sqrt(variance / pairs)
    }),
  )
  return { method: "sampled", permutations, values, standardErrors }
}
