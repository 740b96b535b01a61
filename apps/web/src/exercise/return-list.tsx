import { type ExerciseSession, listSessions, openSession } from "./exercise-session.js"
import { roleName } from "./move-list.js"

/** The exercises this browser joined or started: one click back to the seat. */
export const ReturnList = ({ onSession }: { readonly onSession: (s: ExerciseSession) => void }) => {
  const sessions = listSessions()
  if (sessions.length === 0) return null
  return (
    <section aria-labelledby="return-title" className="return-list">
      <h3 id="return-title">Return to your exercise</h3>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => openSession(s, onSession)}>
              {s.exerciseName ?? `Exercise ${s.id}`}:{" "}
              {s.role === "facilitator" ? "facilitator" : `${roleName(s.role)}, ${s.teamName ?? "your team"}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
