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
  /** The exercise's name, for the "Return to your exercise" list. */
  readonly exerciseName?: string
  /** When this browser joined (ms since 1970), newest first in the list. */
  readonly joinedAt?: number
}

const PREFIX = "accord.exercise."
const key = (id: string) => `${PREFIX}${id}`

/** The session saved for an exercise in this browser, if any. */
export const loadSession = (id: string): ExerciseSession | undefined => {
  try {
    const text = window.localStorage.getItem(key(id))
    return text === null ? undefined : (JSON.parse(text) as ExerciseSession)
  } catch {
    return undefined
  }
}

/** Every exercise this browser joined or started, newest first. */
export const listSessions = (): ReadonlyArray<ExerciseSession> => {
  const sessions: Array<ExerciseSession> = []
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const name = window.localStorage.key(i)
      if (name?.startsWith(PREFIX) !== true) continue
      const session = loadSession(name.slice(PREFIX.length))
      if (session !== undefined && typeof session.token === "string") sessions.push(session)
    }
  } catch {
    return []
  }
  return sessions.sort((a, b) => (b.joinedAt ?? 0) - (a.joinedAt ?? 0))
}

/** Keeps a session for the exercise in this browser. */
export const saveSession = (session: ExerciseSession): void => {
  window.localStorage.setItem(key(session.id), JSON.stringify({ joinedAt: Date.now(), ...session }))
}

/** Forgets this browser's session for an exercise. */
export const forgetSession = (id: string): void => {
  window.localStorage.removeItem(key(id))
}

/** The hash link of an exercise's page. */
export const exerciseHref = (id?: string): string =>
  id === undefined ? "#/exercise" : `#/exercise?id=${encodeURIComponent(id)}`

/** Keeps the session, puts its exercise in the address bar and hands it to the page. */
export const openSession = (session: ExerciseSession, onSession: (s: ExerciseSession) => void): void => {
  saveSession(session)
  window.history.replaceState(null, "", exerciseHref(session.id))
  onSession(session)
}

/** A team's join link: opens the join form with the exercise id and the team's code filled in. */
export const joinLink = (id: string, code: string): string => {
  const base = `${window.location.origin}${window.location.pathname}`
  return `${base}#/exercise?id=${encodeURIComponent(id)}&code=${encodeURIComponent(code)}`
}
