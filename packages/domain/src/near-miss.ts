import { distance } from "fastest-levenshtein"

/**
 * The closest of `candidates` to what someone typed, when it is near enough to be a typo:
 * at most a third of the word's letters changed (two for words of four letters or more, which
 * lets a swapped pair through), or one is a prefix of the other.
 */
export const nearMiss = (typed: string, candidates: ReadonlyArray<string>): string | undefined => {
  const word = typed.toLowerCase()
  if (word.length === 0) return undefined
  let best: { candidate: string; score: number } | undefined
  for (const candidate of candidates) {
    const other = candidate.toLowerCase()
    if (other === word) return candidate
    const edits = distance(word, other)
    const longest = Math.max(word.length, other.length)
    const typo = edits <= Math.max(longest >= 4 ? 2 : 1, Math.floor(longest / 3))
    const prefix = word.length >= 3 && (other.startsWith(word) || word.startsWith(other))
    // A prefix is a weaker hint than a typo: it ranks after any typo of the same length.
    const score = typo ? edits : prefix ? 100 + Math.abs(other.length - word.length) : undefined
    if (score !== undefined && (best === undefined || score < best.score)) best = { candidate, score }
  }
  return best?.candidate
}

/** `expected one of a, b, c; got "x"`, with "did you mean …?" when `x` is near one of them. */
export const notOneOf = (actual: unknown, allowed: ReadonlyArray<string>): string =>
  `${expectedOneOf(allowed)}; got ${shown(actual)}${didYouMean(actual, allowed)}`

/** "expected one of a, b, c" (or "expected a" for a set of one). */
export const expectedOneOf = (allowed: ReadonlyArray<string>): string =>
  allowed.length === 1 ? `expected ${allowed[0]}` : `expected one of ${allowed.join(", ")}`

/** ` (did you mean "y"?)` when `actual` is a near miss of one of `allowed`, else "". */
export const didYouMean = (actual: unknown, allowed: ReadonlyArray<string>): string => {
  const hint = typeof actual === "string" ? nearMiss(actual, allowed) : undefined
  return hint === undefined ? "" : ` (did you mean "${hint}"?)`
}

/** A value as it appears in an error message: strings quoted, long values cut short. */
export const shown = (actual: unknown): string => {
  if (actual === undefined) return "nothing"
  const text = typeof actual === "number" || typeof actual === "bigint" ? String(actual) : safeJson(actual)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
