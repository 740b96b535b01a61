/**
 * Counter-based random numbers: a uniform is a hash of (stream key, month, slot),
 * so any run, commitment or month can be replayed alone, in any order, on any
 * thread. A stream key is derived from (seed, run index, stream id); stream ids
 * come from names (a commitment id, a parameter id, an intervention's content),
 * so adding an intervention never shifts another commitment's draws (common
 * random numbers across scenarios).
 */

// Chris Wellons' "triple32" integer hash: full avalanche, no multiplications by small constants.
export const mix32 = (input: number): number => {
  let x = input | 0
  x ^= x >>> 17
  x = Math.imul(x, 0xed5ad4bb)
  x ^= x >>> 11
  x = Math.imul(x, 0xac4c1b51)
  x ^= x >>> 15
  x = Math.imul(x, 0x31848bab)
  x ^= x >>> 14
  return x >>> 0
}

/** FNV-1a of a string, for stream ids from names. */
export const streamId = (name: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** Key of one run: every stream of the run derives from it. */
export const runKey = (seed: number, runIndex: number): number =>
  mix32(mix32(seed ^ 0x5bd1e995) ^ Math.imul(runIndex + 1, 0x9e3779b1))

/** What a stream id contributes to its key in every run: computed once per stream, not once per run. */
export const streamSalt = (id: number): number => mix32(id ^ 0x27d4eb2f)

/** Key of one named stream within a run, from the stream's salt. */
export const saltedStreamKey = (run: number, salt: number): number => mix32(run ^ salt)

/** Key of one named stream within a run. */
export const streamKey = (run: number, id: number): number => saltedStreamKey(run, streamSalt(id))

const TWO_POW_32 = 4294967296
/** Slots per month: the model uses at most this many draws per stream and month. */
export const SLOTS_PER_MONTH = 32

/** Uniform in [0, 1) for (stream, month, slot). */
export const uniform = (key: number, month: number, slot: number): number =>
  mix32(key ^ Math.imul(month * SLOTS_PER_MONTH + slot + 1, 0x85ebca6b)) / TWO_POW_32

/** Inverse CDF of the triangular distribution over [low, high] with the given mode. */
export const triangular = (u: number, low: number, mode: number, high: number): number => {
  const width = high - low
  if (width <= 0) return low
  return triangularOfTerms(u, low, high, width, (mode - low) / width, mode - low, high - mode)
}

/**
 * `triangular` from its per-range terms (width, the mode's share of it, mode − low, high − mode; width > 0), for
 * a caller that draws many values from one range: the same operations in the same order, so the same numbers.
 */
export const triangularOfTerms = (
  u: number,
  low: number,
  high: number,
  width: number,
  split: number,
  below: number,
  above: number,
): number => (u < split ? low + Math.sqrt(u * width * below) : high - Math.sqrt((1 - u) * width * above))
