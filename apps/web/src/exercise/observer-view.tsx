import type { ExerciseSession } from "./exercise-session.js"
import { MoveList } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { ExerciseHead, ExerciseLoading } from "./seat-view.js"
import { useExercise } from "./use-exercise.js"

/**
 * The observer's read-only view (a projector, a visiting teacher): the round
 * clock, and the rounds the facilitator has shown, with their moves and
 * outcomes; never a pending move, and no form to make one.
 */
export const ObserverView = ({ session }: { readonly session: ExerciseSession }) => {
  const { state, error, live, refresh } = useExercise(session)
  if (state === undefined) return <ExerciseLoading error={error} />
  const last = state.closedRounds.at(-1)
  return (
    <div className="exercise-layout observer-view">
      <ExerciseHead
        title={state.name}
        status={
          state.openRound === null
            ? `All ${state.rounds} rounds played`
            : `Round ${state.openRound} of ${state.rounds}`
        }
        live={live}
        exercise={state}
        onRefresh={() => void refresh()}
      />
      <p className="hint">{state.brief.situation}</p>
      {last ? (
        <>
          <OutcomeBoard closed={last} />
          <h3>Moves of the rounds shown</h3>
          <MoveList exercise={state} />
        </>
      ) : (
        <p className="hint">The facilitator has not shown a round yet.</p>
      )}
    </div>
  )
}
