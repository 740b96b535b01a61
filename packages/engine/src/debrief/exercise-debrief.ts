import { type ActiveExercise, moveNamesOf, type Pack, playedSpec } from "@accord/domain"
import { reportHash } from "../canonical-json.js"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { modelInfo } from "../model-version.js"
import { describeRuns, roundStatistic } from "../run-statistics.js"
import { attributeUnits, attributionUnits } from "./attribution.js"
import type { Debrief, OutcomeRow, RoundSnapshot } from "./debrief.js"
import { discussionPrompts, teamStories } from "./debrief-story.js"
import { type HorizonRuns, horizonRunsOf, medianOf, pairedDelta } from "./horizon-runs.js"
import { baselineSpecOf } from "./round-projection.js"
import { shapleyCoalitions } from "./shapley.js"
import { timelineOf } from "./team-timeline.js"
import { topMoversOf } from "./top-movers.js"

/** Whether every run's value is a whole number (the indicator counts things). */
const wholeNumbers = (values: Float32Array): boolean => values.every((v) => Number.isInteger(v))

/** Every indicator at the horizon: as played (with its band), the baseline, no moves, and the paired changes. */
const outcomeRows = (
  pack: Pack,
  played: HorizonRuns,
  baseline: HorizonRuns,
  noMoves: HorizonRuns,
): Array<OutcomeRow> =>
  pack.indicators.flatMap((definition) => {
    const k = INDICATOR_IDS.indexOf(definition.id as (typeof INDICATOR_IDS)[number])
    if (k < 0) return []
    const p = played[k] as Float32Array
    const spread = describeRuns(p)
    return [
      {
        id: definition.id,
        label: definition.label,
        unit: definition.unit,
        count: wholeNumbers(p) && wholeNumbers(noMoves[k] as Float32Array),
        playedP10: roundStatistic(spread.p10),
        playedP50: medianOf(p),
        playedP90: roundStatistic(spread.p90),
        baselineP50: medianOf(baseline[k] as Float32Array),
        noMovesP50: medianOf(noMoves[k] as Float32Array),
        vsBaseline: pairedDelta(baseline[k] as Float32Array, p),
        vsNoMoves: pairedDelta(noMoves[k] as Float32Array, p),
      },
    ]
  })

/** The round a debrief is as of: the one asked for, at most the last closed one (0 before any closed). */
const debriefRound = (state: ActiveExercise, asOfRound?: number): number => {
  const lastClosed = state.closedRounds.at(-1)?.round ?? 0
  return Math.max(0, Math.min(asOfRound ?? lastClosed, lastClosed))
}

/**
 * How many simulations a debrief runs (runs are cached by spec, so each distinct spec once): the pack's
 * baseline, and one per coalition of moves and deals its Shapley values need, the game as played and the
 * game without moves among them. The work ceiling counts these.
 */
export const debriefSimulations = (state: ActiveExercise, asOfRound?: number): number =>
  1 +
  shapleyCoalitions(
    attributionUnits(state, { throughRound: debriefRound(state, asOfRound) }).length,
    state.seed,
  )

/** What each closed round up to `through` projected when it closed. */
const roundSnapshots = (state: ActiveExercise, through: number): Array<RoundSnapshot> =>
  state.closedRounds
    .filter((r) => r.round <= through)
    .map((r) => ({
      round: r.round,
      month: r.month,
      movesApplied: r.applied.length,
      movesVoid: r.voided.length,
      outcomes: r.outcomes,
    }))

/** The exercise's settings and where the debrief stands in it. */
const exerciseSummary = (state: ActiveExercise, through: number): Debrief["exercise"] => ({
  id: state.exerciseId as string,
  name: state.name,
  pack: state.pack as string,
  rounds: state.rounds,
  roundsClosed: state.closedRounds.length,
  roundMonths: state.roundMonths,
  horizonMonths: state.horizonMonths,
  runs: state.runs,
  seed: state.seed,
  asOfRound: through,
  month: state.closedRounds.find((r) => r.round === through)?.month ?? 0,
  hasBaseScenario: state.baseScenario !== undefined,
})

/**
 * The debrief of an exercise as of a round (default: the last closed one):
 * each team's timeline; every indicator at the horizon as played, against the
 * pack's baseline and against no moves (paired under common random numbers);
 * which moves and deals moved which indicators, as Shapley values that add up
 * to the difference between the game as played and the game without moves
 * (same seed in every re-simulation, so differences are the moves'); each
 * team's story; three discussion questions; and what each round projected
 * when it closed.
 */
export const exerciseDebrief = (pack: Pack, state: ActiveExercise, asOfRound?: number): Debrief => {
  const through = debriefRound(state, asOfRound)
  const options = { throughRound: through }
  const runsOf = horizonRunsOf(pack)
  const played = runsOf(playedSpec(state, options))
  const baseline = runsOf(baselineSpecOf(state))
  const noMoves = runsOf(playedSpec(state, { noMoves: true }))

  const outcomes = outcomeRows(pack, played, baseline, noMoves)

  // Shapley values over moves and deals: the parts add up to as played − no moves.
  const names = moveNamesOf(state)
  const indicatorIndex = outcomes.map((o) => ({
    id: o.id,
    k: INDICATOR_IDS.indexOf(o.id as (typeof INDICATOR_IDS)[number]),
  }))
  const { attribution, total, method } = attributeUnits(state, options, runsOf, indicatorIndex, names)

  const rounds = roundSnapshots(state, through)
  const body = {
    exercise: exerciseSummary(state, through),
    timeline: timelineOf(state, through, asOfRound, names),
    outcomes,
    attribution,
    attributionTotal: total,
    attributionMethod: method,
    teams: teamStories(state, attribution, outcomes),
    prompts: discussionPrompts(state, through, attribution, outcomes, rounds),
    topMovers: topMoversOf(outcomes, attribution),
    rounds,
    model: { ...modelInfo },
  }
  return { hash: reportHash(body), ...body }
}
