import {
  type ActiveExercise,
  describeMove,
  type ExerciseActor,
  type MoveNames,
  moveNamesOf,
  type Pack,
  playedSpec,
} from "@accord/domain"
import { reportHash } from "../canonical-json.js"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { modelInfo } from "../model-version.js"
import { describeRuns, roundStatistic } from "../run-statistics.js"
import { attributeUnits, attributionUnits } from "./attribution.js"
import type { Debrief, OutcomeRow, TeamTimeline, TopMovers } from "./debrief.js"
import { discussionPrompts, effectText, teamStories } from "./debrief-story.js"
import { type HorizonRuns, horizonRunsOf, medianOf, pairedDelta } from "./horizon-runs.js"
import { baselineSpecOf } from "./round-projection.js"
import { shapleyCoalitions } from "./shapley.js"

/** Whether every run's value is a whole number (the indicator counts things). */
const wholeNumbers = (values: Float32Array): boolean => values.every((v) => Number.isInteger(v))

/** How many moves each indicator's "top movers" lists. */
const TOP_MOVERS = 3

const ACTOR_ORDER: ReadonlyArray<ExerciseActor> = ["japan", "ukraine", "russia", "facilitator"]

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

/** Each team's moves in play order, as known as of round `through`. */
const timelineOf = (
  state: ActiveExercise,
  through: number,
  asOfRound: number | undefined,
  names: MoveNames,
): Array<TeamTimeline> => {
  const roundOf = (round: number) => state.closedRounds.find((r) => r.round === round)
  // The whole game by default (the open round's moves show as pending); only up to the round when asked.
  const lastVisibleRound = asOfRound === undefined ? Number.POSITIVE_INFINITY : through
  return ACTOR_ORDER.flatMap((role) => {
    const moves = state.moves.filter((m) => m.actor === role && m.round <= lastVisibleRound)
    if (moves.length === 0) return []
    const team =
      role === "facilitator" ? "Facilitator" : (state.teams.find((t) => t.role === role)?.name ?? role)
    return [
      {
        role,
        team,
        moves: moves.map((m) => {
          // As of an earlier round, later outcomes are not known yet.
          const known = m.round <= through
          return {
            moveId: m.moveId,
            round: m.round,
            month: known ? (roundOf(m.round)?.month ?? null) : null,
            description: describeMove(m.move, names),
            status: known ? m.status : "pending",
            reason: known ? (m.reason ?? null) : null,
          }
        }),
      },
    ]
  })
}

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

  const topMovers: Array<TopMovers> = outcomes.map((indicator) => ({
    indicator: indicator.id,
    label: indicator.label,
    unit: indicator.unit,
    moves: attribution
      .map((a) => {
        const e = a.effects.find((x) => x.indicator === indicator.id)
        const deltaMean = e?.deltaMean ?? 0
        return {
          moveId: a.moveId,
          role: a.role,
          roles: a.roles,
          description: a.description,
          deltaMean,
          text: effectText(indicator, { deltaMean, shareUp: e?.shareUp ?? 0, shareDown: e?.shareDown ?? 0 }),
        }
      })
      .filter((m) => m.deltaMean !== 0)
      // Largest effect first; ties keep play order (sort is stable).
      .sort((a, b) => Math.abs(b.deltaMean) - Math.abs(a.deltaMean))
      .slice(0, TOP_MOVERS),
  }))

  const roundOf = (round: number) => state.closedRounds.find((r) => r.round === round)
  const timeline = timelineOf(state, through, asOfRound, names)

  const rounds = state.closedRounds
    .filter((r) => r.round <= through)
    .map((r) => ({
      round: r.round,
      month: r.month,
      movesApplied: r.applied.length,
      movesVoid: r.voided.length,
      outcomes: r.outcomes,
    }))
  const body = {
    exercise: {
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
      month: roundOf(through)?.month ?? 0,
      hasBaseScenario: state.baseScenario !== undefined,
    },
    timeline,
    outcomes,
    attribution,
    attributionTotal: total,
    attributionMethod: method,
    teams: teamStories(state, attribution, outcomes),
    prompts: discussionPrompts(state, through, attribution, outcomes, rounds),
    topMovers,
    rounds,
    model: { ...modelInfo },
  }
  return { hash: reportHash(body), ...body }
}
