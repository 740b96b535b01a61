import type { ExerciseState } from "./exercise-api.js"

/** What the facilitator ruled on this team's moves, with the reason: the team sees why. */
export const TeamRulings = ({ exercise }: { readonly exercise: ExerciseState }) => {
  const ruled = exercise.moves.filter(
    (m) => !m.hidden && m.teamId === exercise.you.teamId && m.adjudication !== undefined,
  )
  return (
    <>
      {exercise.approval === "required" && (
        <p className="hint">The facilitator approves each move before it takes effect.</p>
      )}
      {ruled.length > 0 && (
        <ul className="team-rulings" aria-label="The facilitator's rulings on your moves">
          {ruled.map((m) =>
            m.hidden || m.adjudication === undefined ? null : (
              <li key={m.moveId} className={`ruling ruling-${m.adjudication.decision}`}>
                Facilitator{" "}
                {m.adjudication.decision === "approve"
                  ? "approved"
                  : m.adjudication.decision === "amend"
                    ? "amended"
                    : "rejected"}{" "}
                “{m.description}”: {m.adjudication.reason}
              </li>
            ),
          )}
        </ul>
      )}
    </>
  )
}
