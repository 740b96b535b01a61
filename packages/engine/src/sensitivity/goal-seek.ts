import type { Pack, ScenarioSpec } from "@accord/domain"
import { Effect } from "effect"
import { modelInfo } from "../model-version.js"
import { roundShare } from "../run-statistics.js"
import { bisectGrid, gridOf } from "./goal-grid.js"
import type { Sampler } from "./indicator-sample.js"
import { type Lever, type LeverRef, leverName, leverOf, withLever } from "./levers.js"
import { indicatorSummary } from "./request-check.js"
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

type GoalPoint = GoalResult["best"]

/** The share of the spec's runs with the indicator at the month at or over the target, at one lever value. */
const shareAt =
  <E>(spec: ScenarioSpec, options: GoalOptions, sampler: Sampler<E>) =>
  (value: number, streams: ScenarioSpec): Effect.Effect<number, E> =>
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

/** What every answer says: the question, the lever's range, and the values tried. */
const goalCommon = (
  pack: Pack,
  lever: Lever,
  options: GoalOptions,
  evaluations: ReadonlyArray<GoalPoint>,
) => ({
  pack: pack.id,
  indicator: indicatorSummary(pack, options.indicator),
  month: options.month,
  target: options.target,
  probability: options.probability,
  lever: { ...options.lever, value: lever.value, min: lever.min, max: lever.max },
  seeking: options.lever.field === "month" ? ("latest" as const) : ("smallest" as const),
  best: evaluations.reduce((a, b) => (b.probability > a.probability ? b : a)),
  evaluations,
  model: { ...modelInfo },
})

/** The answer when no value of the lever reaches the goal: the best share seen, and the spec there. */
const unreachable = (
  spec: ScenarioSpec,
  lever: Lever,
  options: GoalOptions,
  common: ReturnType<typeof goalCommon>,
): GoalResult => {
  const { best } = common
  return {
    ...common,
    reachable: false,
    message: `Not reachable: no value of ${leverName(options.lever)} in ${lever.min}..${lever.max} gets ${options.indicator} to ${options.target} at month ${options.month} in ${percent(options.probability)} of runs; the best is ${percent(best.probability)} at ${best.value}.`,
    spec: withLever(spec, options.lever, best.value),
  }
}

/** The answer at the value found, with the share when its spec is run as written. */
const reached = (
  value: number,
  probabilityAsWritten: number,
  answerSpec: ScenarioSpec,
  options: GoalOptions,
  common: ReturnType<typeof goalCommon>,
): GoalResult => {
  const probability = common.evaluations.find((e) => e.value === value)?.probability ?? 0
  return {
    ...common,
    reachable: true,
    answer: { value, probability, probabilityAsWritten },
    message: `The ${common.seeking} value of ${leverName(options.lever)} with ${options.indicator} ≥ ${options.target} at month ${options.month} in at least ${percent(options.probability)} of runs is ${value} (${percent(probability)} of runs).`,
    spec: answerSpec,
  }
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
    const grid = gridOf(lever)
    const share = shareAt(spec, options, sampler)
    const evaluations: Array<GoalPoint> = []
    const reaches = (k: number) =>
      Effect.map(share(grid.value(k), spec), (probability) => {
        evaluations.push({ value: grid.value(k), probability })
        return probability >= options.probability
      })
    const found = yield* bisectGrid(grid.last, options.lever.field === "month", reaches)
    const common = goalCommon(pack, lever, options, evaluations)
    if (found === undefined) return unreachable(spec, lever, options, common)
    const value = grid.value(found)
    const answerSpec = withLever(spec, options.lever, value)
    return reached(value, yield* share(value, answerSpec), answerSpec, options, common)
  })
