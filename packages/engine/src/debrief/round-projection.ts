import type { ActiveExercise, Pack, PlayedSpecOptions, RoundOutcomes, ScenarioSpec } from "@accord/domain"
import { playedSpec } from "@accord/domain"
import type { Report } from "../report.js"
import { simulate } from "../simulate.js"

/** The pack's baseline at the exercise's horizon, runs and seed: no interventions, no overrides. */
export const baselineSpecOf = (state: ActiveExercise): ScenarioSpec => ({
  pack: state.pack,
  horizonMonths: state.horizonMonths,
  runs: state.runs,
  seed: state.seed,
  interventions: [],
})

const atHorizon = (report: Report, id: string) => report.indicators.find((i) => i.id === id)?.series.at(-1)

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
  const played = simulate(pack, playedSpec(state, pack, options))
  const baseline = simulate(pack, baselineSpecOf(state))
  const noMoves = simulate(pack, playedSpec(state, pack, { noMoves: true }))
  return {
    horizonMonth: state.horizonMonths,
    reportHash: played.hash,
    indicators: played.indicators.map((indicator) => {
      const row = indicator.series.at(-1) ?? { p10: 0, p50: 0, p90: 0 }
      return {
        id: indicator.id,
        label: indicator.label,
        unit: indicator.unit,
        p10: row.p10,
        p50: row.p50,
        p90: row.p90,
        baselineP50: atHorizon(baseline, indicator.id)?.p50 ?? 0,
        noMovesP50: atHorizon(noMoves, indicator.id)?.p50 ?? 0,
      }
    }),
  }
}
