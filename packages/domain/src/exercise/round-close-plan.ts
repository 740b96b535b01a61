import type { VoidedMove } from "./exercise-events.js"
import type { MoveId } from "./exercise-moves.js"
import { type ActiveExercise, type ExerciseItem, type RecordedMove, roundEndMonth } from "./exercise-state.js"
import { applyMove } from "./move-effects.js"

/** What closing the open round does: the month it reaches and which of its moves apply, in submission order. */
export interface RoundClosePlan {
  readonly round: number
  readonly month: number
  readonly applied: ReadonlyArray<MoveId>
  readonly voided: ReadonlyArray<VoidedMove>
  readonly items: ReadonlyArray<ExerciseItem>
}

/** Pending moves of the open round, oldest first. */
export const pendingMoves = (state: ActiveExercise): ReadonlyArray<RecordedMove> =>
  state.moves.filter((m) => m.status === "pending" && m.round === state.openRound)

/**
 * Plans the close of the open round (undefined when none is open). Moves
 * apply in the order they were submitted; a move that an earlier one made
 * impossible (Ukraine agrees an offer Japan's own later move had … or two
 * agreements of one offer) is void, with the reason.
 */
export const planRoundClose = (state: ActiveExercise): RoundClosePlan | undefined => {
  if (state.openRound === null) return undefined
  const month = roundEndMonth(state, state.openRound)
  let items = state.items
  const applied: Array<MoveId> = []
  const voided: Array<VoidedMove> = []
  for (const recorded of pendingMoves(state)) {
    const effect = applyMove(items, recorded.moveId, recorded.move, month)
    if (effect._tag === "Applied") {
      items = effect.items
      applied.push(recorded.moveId)
    } else {
      voided.push({ moveId: recorded.moveId, reason: effect.reason })
    }
  }
  return { round: state.openRound, month, applied, voided, items }
}
