import { type ActiveExercise, describeMove, type ExerciseActor, type MoveNames } from "@accord/domain"
import type { TeamTimeline } from "./debrief.js"

const ACTOR_ORDER: ReadonlyArray<ExerciseActor> = ["japan", "ukraine", "russia", "facilitator"]

/** Each team's moves in play order, as known as of round `through`. */
export const timelineOf = (
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
