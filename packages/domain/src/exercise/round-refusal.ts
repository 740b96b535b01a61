import { RoundAlreadyClosed, RoundNotOpen } from "./exercise-errors.js"
import type { ActiveExercise } from "./exercise-state.js"

/** Why a command for `round` is refused: the round is closed or not open yet; undefined if it is open. */
export const roundRefusal = (
  round: number,
  state: ActiveExercise,
): RoundAlreadyClosed | RoundNotOpen | undefined => {
  if (state.openRound === null)
    return new RoundNotOpen({
      message: "the exercise has finished: every round is closed",
      round,
      openRound: null,
    })
  if (round < state.openRound)
    return new RoundAlreadyClosed({
      message: `round ${round} is closed; round ${state.openRound} is open`,
      round,
      openRound: state.openRound,
    })
  if (round > state.openRound)
    return new RoundNotOpen({
      message: `round ${round} is not open yet; round ${state.openRound} is`,
      round,
      openRound: state.openRound,
    })
  return undefined
}
