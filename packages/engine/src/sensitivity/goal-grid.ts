import { Effect } from "effect"
import type { Lever } from "./levers.js"

/** Steps of a real-valued lever's grid: bisection ends within 1/2^20 of its range (about 20 evaluations). */
const GRID_STEPS = 2 ** 20

/** A lever's values as a grid of indices 0..last. */
export interface LeverGrid {
  readonly last: number
  readonly value: (k: number) => number
}

/** The lever's values as a grid 0..last: integers step by 1, reals by range / 2^20 (rounded to 12 digits). */
export const gridOf = (lever: Lever): LeverGrid => {
  const last = lever.integer ? lever.max - lever.min : GRID_STEPS
  const step = lever.integer ? 1 : (lever.max - lever.min) / GRID_STEPS
  const value = (k: number) => (k === last ? lever.max : Number((lever.min + k * step).toPrecision(12)))
  return { last, value }
}

/**
 * The grid index nearest the goal's edge: the smallest index that reaches it (with `latest`, the largest),
 * or undefined when neither end does. Tries the near end, then the far end, then bisects between them,
 * assuming reaching is monotone in the index.
 */
export const bisectGrid = <E>(
  last: number,
  latest: boolean,
  reaches: (k: number) => Effect.Effect<boolean, E>,
): Effect.Effect<number | undefined, E> =>
  Effect.gen(function* () {
    // `good` reaches the goal, `bad` does not; bisect between them (for `month`, good < bad).
    const [first, second] = latest ? [last, 0] : [0, last]
    if (yield* reaches(first)) return first
    if (!(yield* reaches(second))) return undefined
    let good = second
    let bad = first
    while (Math.abs(good - bad) > 1) {
      const mid = Math.floor((good + bad) / 2)
      if (yield* reaches(mid)) good = mid
      else bad = mid
    }
    return good
  })
