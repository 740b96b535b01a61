/** What this browser holds for one exercise: the token (kept in this browser only, never in the URL). */
export interface ExerciseSession {
  readonly id: string
  readonly token: string
  readonly role: "facilitator" | "japan" | "ukraine" | "russia" | "observer"
  readonly teamName?: string
  /** Only the facilitator's: shown on the dashboard so teams can join. */
  readonly joinCodes?: {
    readonly japan: string
    readonly ukraine: string
    readonly russia: string
    readonly observer?: string
  }
}

const key = (id: string) => `accord.exercise.${id}`

/** The session saved for an exercise in this browser, if any. */
export const loadSession = (id: string): ExerciseSession | undefined => {
  try {
    const text = window.localStorage.getItem(key(id))
    return text === null ? undefined : (JSON.parse(text) as ExerciseSession)
  } catch {
    return undefined
  }
}

/** Keeps a session for the exercise in this browser. */
export const saveSession = (session: ExerciseSession): void => {
  window.localStorage.setItem(key(session.id), JSON.stringify(session))
}

/** Forgets this browser's session for an exercise. */
export const forgetSession = (id: string): void => {
  window.localStorage.removeItem(key(id))
}

/** The hash link of an exercise's page. */
export const exerciseHref = (id?: string): string =>
  id === undefined ? "#/exercise" : `#/exercise?id=${encodeURIComponent(id)}`
