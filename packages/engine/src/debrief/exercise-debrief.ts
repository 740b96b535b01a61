import {
  type ActiveExercise,
  describeMove,
  type ExerciseActor,
  type Pack,
  playedMoves,
  playedSpec,
} from "@accord/domain"
import { reportHash } from "../canonical-json.js"
import { INDICATOR_IDS } from "../indicator-formulas.js"
import { modelInfo } from "../model-version.js"
import type { Debrief, MoveAttribution, OutcomeRow, TeamTimeline, TopMovers } from "./debrief.js"
import { horizonRunsOf, medianOf, pairedDelta } from "./horizon-runs.js"
import { baselineSpecOf } from "./round-projection.js"

/** How many moves each indicator's "top movers" lists. */
const TOP_MOVERS = 3

const ACTOR_ORDER: ReadonlyArray<ExerciseActor> = ["japan", "ukraine", "russia", "facilitator"]

/**
 * The debrief of an exercise as of a round (default: the last closed one):
 * each team's timeline; every indicator at the horizon as played, against the
 * pack's baseline and against no moves (paired under common random numbers);
 * which moves moved which indicators most, by re-simulating the exercise
 * without each move in turn (same seed, so the difference is the move's);
 * and what each round projected when it closed.
 */
export const exerciseDebrief = (pack: Pack, state: ActiveExercise, asOfRound?: number): Debrief => {
  const lastClosed = state.closedRounds.at(-1)?.round ?? 0
  const through = Math.max(0, Math.min(asOfRound ?? lastClosed, lastClosed))
  const options = { throughRound: through }
  const runsOf = horizonRunsOf(pack)
  const played = runsOf(playedSpec(state, options))
  const baseline = runsOf(baselineSpecOf(state))
  const noMoves = runsOf(playedSpec(state, { noMoves: true }))

  const outcomes: Array<OutcomeRow> = pack.indicators.flatMap((definition) => {
    const k = INDICATOR_IDS.indexOf(definition.id as (typeof INDICATOR_IDS)[number])
    if (k < 0) return []
    const p = played[k] as Float32Array
    return [
      {
        id: definition.id,
        label: definition.label,
        unit: definition.unit,
        playedP50: medianOf(p),
        baselineP50: medianOf(baseline[k] as Float32Array),
        noMovesP50: medianOf(noMoves[k] as Float32Array),
        vsBaseline: pairedDelta(baseline[k] as Float32Array, p),
        vsNoMoves: pairedDelta(noMoves[k] as Float32Array, p),
      },
    ]
  })

  // Leave one out: the game without each move in turn; a move whose absence changes no input costs no simulation.
  const attribution: Array<MoveAttribution> = playedMoves(state, options).map((move) => {
    const without = runsOf(playedSpec(state, { ...options, excluding: new Set([move.moveId]) }))
    return {
      moveId: move.moveId,
      role: move.actor,
      round: move.round,
      description: describeMove(move.move),
      effects: outcomes.map((o) => {
        const k = INDICATOR_IDS.indexOf(o.id as (typeof INDICATOR_IDS)[number])
        const d = pairedDelta(without[k] as Float32Array, played[k] as Float32Array)
        return { indicator: o.id, deltaMean: d.mean, deltaP50: d.p50 }
      }),
    }
  })

  const topMovers: Array<TopMovers> = outcomes.map((indicator) => ({
    indicator: indicator.id,
    label: indicator.label,
    unit: indicator.unit,
    moves: attribution
      .map((a) => ({
        moveId: a.moveId,
        role: a.role,
        description: a.description,
        deltaMean: a.effects.find((e) => e.indicator === indicator.id)?.deltaMean ?? 0,
      }))
      .filter((m) => m.deltaMean !== 0)
      // Largest effect first; ties keep play order (sort is stable).
      .sort((a, b) => Math.abs(b.deltaMean) - Math.abs(a.deltaMean))
      .slice(0, TOP_MOVERS),
  }))

  const roundOf = (round: number) => state.closedRounds.find((r) => r.round === round)
  // The whole game by default (the open round's moves show as pending); only up to the round when asked.
  const lastVisibleRound = asOfRound === undefined ? Number.POSITIVE_INFINITY : through
  const timeline: Array<TeamTimeline> = ACTOR_ORDER.flatMap((role) => {
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
            description: describeMove(m.move),
            status: known ? m.status : "pending",
            reason: known ? (m.reason ?? null) : null,
          }
        }),
      },
    ]
  })

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
    },
    timeline,
    outcomes,
    attribution,
    topMovers,
    rounds: state.closedRounds
      .filter((r) => r.round <= through)
      .map((r) => ({
        round: r.round,
        month: r.month,
        movesApplied: r.applied.length,
        movesVoid: r.voided.length,
        outcomes: r.outcomes,
      })),
    model: { ...modelInfo },
  }
  return { hash: reportHash(body), ...body }
}
