import type { Pack, ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { modelInfo } from "../model-version.js"
import { roundShare } from "../run-statistics.js"
import type { Sampler } from "./indicator-sample.js"
import { type Lever, type LeverRef, leverName, leverOf, withLever } from "./levers.js"
import { indicatorOf } from "./request-check.js"
import type { GoalResult } from "./sensitivity-result.js"

export interface GoalOptions {
  readonly lever: LeverRef
  readonly indicator: string
  readonly month: number
  readonly target: number
  /** Share of runs (0..1] that must reach the target. */
  readonly probability: number
}

/** A share as a percentage without float noise (0.07 → "7 %"). */
const percent = (share: number) => `${Number((share * 100).toPrecision(6))} %`

/** Steps of a real-valued lever's grid: bisection ends within 1/2^20 of its range (about 20 evaluations). */
const GRID_STEPS = 2 ** 20

/** The lever's values as a grid 0..last: integers step by 1, reals by range / 2^20 (rounded to 12 digits). */
const gridOf = (lever: Lever) => {
  const last = lever.integer ? lever.max - lever.min : GRID_STEPS
  const step = lever.integer ? 1 : (lever.max - lever.min) / GRID_STEPS
  const value = (k: number) => (k === last ? lever.max : Number((lever.min + k * step).toPrecision(12)))
  return { last, value }
}

/**
 * Goal seeking: the smallest lever value (for `month`, the latest) at which at least `probability` of the
 * runs have the indicator at `month` ≥ `target`, by bisection under common random numbers (every value
 * tried replays the same runs; the moved intervention keeps the spec's random stream). Assumes the share
 * of runs reaching the target is monotone in the lever; when neither end of the range reaches it, the
 * answer is "not reachable" with the best share seen. The caller checks the request (`goalIssues`).
 */
export const goalSeek = <E>(
  pack: Pack,
  spec: ScenarioSpec,
  options: GoalOptions,
  sampler: Sampler<E>,
): Effect.Effect<GoalResult, E> =>
  Effect.gen(function* () {
    const lever = leverOf(spec, options.lever) as Lever
    const latest = options.lever.field === "month"
    const grid = gridOf(lever)
    const evaluations: Array<{ value: number; probability: number }> = []
    const shareAt = (value: number, streams: ScenarioSpec) =>
      Effect.map(
        sampler([
          {
            spec: withLever(spec, options.lever, value),
            streams,
            indicator: options.indicator,
            month: options.month,
            fromRun: 0,
            toRun: spec.runs,
          },
        ]),
        ([values]) => {
          let reached = 0
          for (const v of values as Float64Array) if (v >= options.target) reached++
          return roundShare(reached / spec.runs)
        },
      )
    const reaches = (k: number) =>
      Effect.map(shareAt(grid.value(k), spec), (probability) => {
        evaluations.push({ value: grid.value(k), probability })
        return probability >= options.probability
      })
    // `good` reaches the goal, `bad` does not; bisect between them (for `month`, good < bad).
    const [first, second] = latest ? [grid.last, 0] : [0, grid.last]
    let found: number | undefined
    if (yield* reaches(first)) found = first
    else if (yield* reaches(second)) {
      let good = second
      let bad = first
      while (Math.abs(good - bad) > 1) {
        const mid = Math.floor((good + bad) / 2)
        if (yield* reaches(mid)) good = mid
        else bad = mid
      }
      found = good
    }
    const best = evaluations.reduce((a, b) => (b.probability > a.probability ? b : a))
    const definition = indicatorOf(pack, options.indicator)
    const seeking = latest ? ("latest" as const) : ("smallest" as const)
    const name = leverName(options.lever)
    const common = {
      pack: pack.id,
      indicator: {
        id: options.indicator,
        label: definition?.label ?? options.indicator,
        unit: definition?.unit ?? "",
      },
      month: options.month,
      target: options.target,
      probability: options.probability,
      lever: { ...options.lever, value: lever.value, min: lever.min, max: lever.max },
      seeking,
      best,
      evaluations,
      model: { ...modelInfo },
    }
    if (found === undefined) {
      return {
        ...common,
        reachable: false,
        message: `Not reachable: no value of ${name} in ${lever.min}..${lever.max} gets ${options.indicator} to ${options.target} at month ${options.month} in ${percent(options.probability)} of runs; the best is ${percent(best.probability)} at ${best.value}.`,
        spec: withLever(spec, options.lever, best.value),
      }
    }
    const value = grid.value(found)
    const probability = evaluations.find((e) => e.value === value)?.probability ?? 0
    const answerSpec = withLever(spec, options.lever, value)
    const probabilityAsWritten = yield* shareAt(value, answerSpec)
    return {
      ...common,
      reachable: true,
      answer: { value, probability, probabilityAsWritten },
      message: `The ${seeking} value of ${name} with ${options.indicator} ≥ ${options.target} at month ${options.month} in at least ${percent(options.probability)} of runs is ${value} (${percent(probability)} of runs).`,
      spec: answerSpec,
    }
  })
