import type { VoidedMove } from "./exercise-events.js"
import { type ActiveExercise, type ExerciseItem, type RecordedMove, roundEndMonth } from "./exercise-state.js"
import { applyMove } from "./move-effects.js"
import type { MoveRef } from "./move-ref.js"

/** What closing the open round does: the month it reaches and which of its moves apply, in submission order. */
export interface RoundClosePlan {
  readonly round: number
  readonly month: number
  readonly applied: ReadonlyArray<MoveRef>
  readonly voided: ReadonlyArray<VoidedMove>
  readonly items: ReadonlyArray<ExerciseItem>
}

/** Pending moves of the open round, oldest first. */
export const pendingMoves = (state: ActiveExercise): ReadonlyArray<RecordedMove> =>
  state.moves.filter((m) => m.status === "pending" && m.round === state.openRound)

/**
 * Why the facilitator's ruling keeps a move out (undefined when it may
 * apply): a rejected move never applies; with approval required, a team's
 * move applies only once approved or amended (the facilitator's own
 * injections need no approval).
 */
export const adjudicationRefusal = (state: ActiveExercise, move: RecordedMove): string | undefined => {
  const ruling = move.adjudication
  if (ruling?.decision === "reject") return `rejected by the facilitator: ${ruling.reason}`
  if (state.approval === "required" && move.actor !== "facilitator" && ruling === undefined)
    return "not approved by the facilitator before the round closed"
  return undefined
}

/**
 * Plans the close of the open round (undefined when none is open). Moves
 * apply in the order they were submitted; a move that an earlier one made
 * impossible (two agreements of one offer) is void, with the reason, and so
 * is a move the facilitator's ruling keeps out.
 */
export const planRoundClose = (state: ActiveExercise): RoundClosePlan | undefined => {
  if (state.openRound === null) return undefined
  const month = roundEndMonth(state, state.openRound)
  let items = state.items
  const applied: Array<MoveRef> = []
  const voided: Array<VoidedMove> = []
  for (const recorded of pendingMoves(state)) {
    const ref = { teamId: recorded.teamId, moveId: recorded.moveId }
    const refusal = adjudicationRefusal(state, recorded)
    if (refusal !== undefined) {
      voided.push({ ...ref, reason: refusal })
      continue
    }
    const effect = applyMove(items, recorded.moveId, recorded.move, month)
    if (effect._tag === "Applied") {
      items = effect.items
      applied.push(ref)
    } else {
      voided.push({ ...ref, reason: effect.reason })
    }
  }
  return { round: state.openRound, month, applied, voided, items }
}
