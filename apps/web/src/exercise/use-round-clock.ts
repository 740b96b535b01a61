import { useEffect, useRef, useState } from "react"
import type { ExerciseState } from "./exercise-api.js"

/** Milliseconds left now, read against the server's clock when the state was fetched (not this device's). */
export const useRemaining = (exercise: ExerciseState): number | undefined => {
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

/** At zero with auto-close chosen, calls `onExpired` once (its re-read closes the round on the server). */
export const useAutoClose = (expired: boolean, autoClose: boolean, onExpired: () => void): void => {
  const asked = useRef(false)
  useEffect(() => {
    if (!expired) {
      asked.current = false
      return
    }
    if (autoClose && !asked.current) {
      asked.current = true
      onExpired()
    }
  }, [expired, autoClose, onExpired])
}
