import type { ExerciseSession } from "./exercise-session.js"
import { MoveList } from "./move-list.js"
import { OutcomeBoard } from "./outcome-board.js"
import { RoundClock } from "./round-clock.js"
import { useExercise } from "./use-exercise.js"

/**
 * The observer's read-only view (a projector, a visiting teacher): the round
 * clock, and the rounds the facilitator has shown, with their moves and
 * outcomes; never a pending move, and no form to make one.
 */
export const ObserverView = ({ session }: { readonly session: ExerciseSession }) => {
  const { state, error, live, refresh } = useExercise(session)
  if (state === undefined) return <p aria-live="polite">{error ?? "Loading the exercise…"}</p>
  const last = state.closedRounds.at(-1)
  return (
    <div className="exercise-layout observer-view">
      <header className="exercise-head">
        <h2>{state.name}</h2>
        <p className="round-status" data-testid="round-status">
          {state.openRound === null
            ? `All ${state.rounds} rounds played`
            : `Round ${state.openRound} of ${state.rounds}`}
          <span className={live ? "live-dot live" : "live-dot"}>{live ? "live" : "offline"}</span>
        </p>
        <RoundClock exercise={state} onChange={() => void refresh()} />
      </header>
      <p className="hint">{state.brief.situation}</p>
      {last ? (
        <>
          <OutcomeBoard
            indicators={last.outcomes.indicators}
            round={last.round}
            horizon={last.outcomes.horizonMonth}
          />
          <h3>Moves of the rounds shown</h3>
          <MoveList exercise={state} />
        </>
      ) : (
        <p className="hint">The facilitator has not shown a round yet.</p>
      )}
    </div>
  )
}
