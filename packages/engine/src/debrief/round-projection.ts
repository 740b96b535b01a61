import type {
  ActiveExercise,
  Milestone,
  Pack,
  PlayedSpecOptions,
  RoundOutcomes,
  ScenarioSpec,
} from "@accord/domain"
import { playedSpec, roleBriefs } from "@accord/domain"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { simulate } from "../simulate.js"
import { type HorizonRuns, horizonRunsOf, medianOf } from "./horizon-runs.js"

/** The pack's baseline at the exercise's horizon, runs and seed: no interventions, no overrides. */
export const baselineSpecOf = (state: ActiveExercise): ScenarioSpec => ({
  pack: state.pack,
  horizonMonths: state.horizonMonths,
  runs: state.runs,
  seed: state.seed,
  interventions: [],
})

/** The indicators each role's goal names, at the month it names, as played and without moves. */
const goalMilestones = (
  pack: Pack,
  state: ActiveExercise,
  played: ReturnType<typeof simulate>,
): ReadonlyArray<Milestone> => {
  const goals = Object.values(roleBriefs).flatMap((b) => (b.focus === undefined ? [] : [b.focus]))
  const months = [...new Set(goals.map((g) => g.month))]
    .filter((m) => m <= state.horizonMonths)
    .sort((a, b) => a - b)
  if (months.length === 0) return []
  const noMoves = simulate(pack, playedSpec(state, { noMoves: true }))
  return months.map((month) => {
    const ids = [...new Set(goals.filter((g) => g.month === month).flatMap((g) => g.indicators))]
    return {
      month,
      indicators: ids.flatMap((id) => {
        const row = played.indicators.find((i) => i.id === id)?.series[month]
        const reference = noMoves.indicators.find((i) => i.id === id)?.series[month]
        if (row === undefined || reference === undefined) return []
        return [{ id, p10: row.p10, p50: row.p50, p90: row.p90, noMovesP50: reference.p50 }]
      }),
    }
  })
}

/**
 * Projects every indicator to the horizon from the moves played so far (with
 * the open round's moves, by default, as closing it would apply them), next
 * to the pack's baseline and to the exercise without moves: what a
 * RoundClosed event records.
 */
export const projectRoundOutcomes = (
  pack: Pack,
  state: ActiveExercise,
  options: PlayedSpecOptions = { closingOpenRound: true },
): RoundOutcomes => {
  const played = simulate(pack, playedSpec(state, options))
  // The references need medians at the horizon only; without a base scenario they are one simulation.
  const runsOf = horizonRunsOf(pack)
  const baseline = runsOf(baselineSpecOf(state))
  const noMoves = runsOf(playedSpec(state, { noMoves: true }))
  const medianAtHorizon = (runs: HorizonRuns, id: string) => {
    const k = INDICATOR_IDS.indexOf(id as (typeof INDICATOR_IDS)[number])
    return k < 0 ? 0 : medianOf(runs[k] as Float32Array)
  }
  return {
    horizonMonth: state.horizonMonths,
    reportHash: played.hash,
    milestones: goalMilestones(pack, state, played),
    indicators: played.indicators.map((indicator) => {
      const row = indicator.series.at(-1) ?? { p10: 0, p50: 0, p90: 0 }
      return {
        id: indicator.id,
        label: indicator.label,
        unit: indicator.unit,
        p10: row.p10,
        p50: row.p50,
        p90: row.p90,
        baselineP50: medianAtHorizon(baseline, indicator.id),
        noMovesP50: medianAtHorizon(noMoves, indicator.id),
      }
    }),
  }
}
