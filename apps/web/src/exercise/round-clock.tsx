import { useState } from "react"
import { type ExerciseState, refusalMessage } from "./exercise-api.js"
import { setRoundClock } from "./facilitator-api.js"
import { useAutoClose, useRemaining } from "./use-round-clock.js"

type ClockAction = "start" | "pause" | "resume"

const mmss = (ms: number) => {
  const seconds = Math.ceil(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`
}

/** The clock's state in words. */
const stateText = (exercise: ExerciseState, expired: boolean) => {
  const clock = exercise.roundClock
  if (clock === null) return "not started"
  if (expired)
    return exercise.clock?.autoClose === true
      ? "time is up: the round closes"
      : "time is up: the facilitator closes the round"
  return clock.running ? "running" : "paused"
}

/** The facilitator's one button: start (again once expired), pause or resume. */
const ClockControls = ({
  exercise,
  expired,
  act,
}: {
  readonly exercise: ExerciseState
  readonly expired: boolean
  readonly act: (action: ClockAction) => () => Promise<void>
}) => {
  const clock = exercise.roundClock
  return (
    <span className="clock-controls">
      {clock === null || expired ? (
        exercise.clock !== null && (
          <button type="button" className="secondary" onClick={act("start")}>
            Start the clock
          </button>
        )
      ) : clock.running ? (
        <button type="button" className="secondary" onClick={act("pause")}>
          Pause
        </button>
      ) : (
        <button type="button" className="secondary" onClick={act("resume")}>
          Resume
        </button>
      )}
    </span>
  )
}

/**
 * The round's countdown, on every view; the facilitator also starts, pauses
 * and resumes it. At zero with auto-close chosen, `onExpired` re-reads the
 * exercise (the read closes the round on the server).
 */
export const RoundClock = ({
  exercise,
  token,
  onChange,
}: {
  readonly exercise: ExerciseState
  /** The facilitator's token: shows the controls. */
  readonly token?: string
  readonly onChange: () => void
}) => {
  const remaining = useRemaining(exercise)
  const [error, setError] = useState<string | undefined>()
  const expired = remaining === 0 && exercise.roundClock?.running === true
  useAutoClose(expired, exercise.clock?.autoClose === true, onChange)
  if (
    exercise.openRound === null ||
    (exercise.clock === null && exercise.roundClock === null && token === undefined)
  )
    return null
  const act = (action: ClockAction) => async () => {
    setError(undefined)
    try {
      await setRoundClock(exercise.id, token as string, action)
      onChange()
    } catch (e) {
      setError(refusalMessage(e))
    }
  }
  const shown = remaining ?? (exercise.clock === null ? undefined : exercise.clock.seconds * 1000)
  return (
    <div className="round-clock" data-testid="round-clock">
      <span className="clock-label">Round {exercise.openRound} clock</span>
      <span
        role="timer"
        className={expired ? "clock-time expired" : "clock-time"}
        aria-label="Time left in this round"
      >
        {shown === undefined ? "no time limit" : mmss(shown)}
      </span>
      <span className="clock-state">{stateText(exercise, expired)}</span>
      {token !== undefined && <ClockControls exercise={exercise} expired={expired} act={act} />}
      {error && <span role="alert">{error}</span>}
    </div>
  )
}
