import { useCallback, useEffect, useState } from "react"
import { type ExerciseState, fetchExercise, followExercise } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"

/** The exercise as this session sees it, refreshed on every event of its live feed. */
export const useExercise = (session: ExerciseSession) => {
  const [state, setState] = useState<ExerciseState | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [live, setLive] = useState(false)

  const refresh = useCallback(
    () =>
      fetchExercise(session.id, session.token).then(
        (s) => {
          setState(s)
          setError(undefined)
        },
        (e: Error) => setError(e.message),
      ),
    [session.id, session.token],
  )

  useEffect(() => {
    void refresh()
    return followExercise(session.id, session.token, () => void refresh(), setLive)
  }, [session.id, session.token, refresh])

  return { state, error, live, refresh }
}
