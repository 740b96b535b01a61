import { useEffect, useRef, useState } from "react"
import { ExerciseApiError, type ExerciseState } from "./exercise-api.js"
import { setRoundClock } from "./facilitator-api.js"

const mmss = (ms: number) => {
  const seconds = Math.ceil(ms / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`
}

/** Milliseconds left now, read against the server's clock when the state was fetched (not this device's). */
const useRemaining = (exercise: ExerciseState): number | undefined => {
  const clock = exercise.roundClock
  // The moment, on this device's clock, the state was fetched, paired with the server's time then.
  const fetched = useRef({ local: Date.now(), server: exercise.serverTime })
  useEffect(() => {
    fetched.current = { local: Date.now(), server: exercise.serverTime }
  }, [exercise.serverTime])
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (clock?.running !== true) return
    const timer = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(timer)
  }, [clock?.running])
  if (clock === null) return undefined
  if (!clock.running) return clock.remainingMs
  const serverNow = fetched.current.server + (now - fetched.current.local)
  return Math.max(0, clock.remainingMs - Math.max(0, serverNow - clock.at))
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
  const asked = useRef(false)
  useEffect(() => {
    if (!expired) {
      asked.current = false
      return
    }
    if (exercise.clock?.autoClose === true && !asked.current) {
      asked.current = true
      onChange()
    }
  }, [expired, exercise.clock?.autoClose, onChange])
  if (
    exercise.openRound === null ||
    (exercise.clock === null && exercise.roundClock === null && token === undefined)
  )
    return null
  const act = (action: "start" | "pause" | "resume") => async () => {
    setError(undefined)
    try {
      await setRoundClock(exercise.id, token as string, action)
      onChange()
    } catch (e) {
      setError(e instanceof ExerciseApiError ? e.message : String(e))
    }
  }
  const clock = exercise.roundClock
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
      <span className="clock-state">
        {clock === null
          ? "not started"
          : expired
            ? exercise.clock?.autoClose === true
              ? "time is up: the round closes"
              : "time is up: the facilitator closes the round"
            : clock.running
              ? "running"
              : "paused"}
      </span>
      {token !== undefined && (
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
      )}
      {error && <span role="alert">{error}</span>}
    </div>
  )
}
