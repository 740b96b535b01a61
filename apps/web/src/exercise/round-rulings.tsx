import { type ExerciseState, submitMove } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { PendingMove, type VisibleMove } from "./pending-move.js"

/** Runs a facilitator's action; says `done` when it worked, the refusal when not. */
export type Attempt = (action: () => Promise<unknown>, done: string) => () => Promise<void>

interface RulingsProps {
  readonly exercise: ExerciseState
  readonly session: ExerciseSession
  readonly onChange: () => void
  readonly attempt: Attempt
}

/** The plan's injections for the open round, each with its button. */
const PlannedInjections = ({ exercise, session, attempt }: RulingsProps) => {
  const planned = (exercise.plannedInjections ?? []).filter((p) => p.round === exercise.openRound)
  if (planned.length === 0) return null
  return (
    <>
      <h4>Planned for this round</h4>
      <ul>
        {planned.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a plan's entries never reorder
          <li key={i}>
            {p.move.type}{" "}
            <button
              type="button"
              className="secondary"
              onClick={attempt(
                () => submitMove(exercise.id, session.token, `planned-${p.round}-${i}`, p.round, p.move),
                "Injected",
              )}
            >
              Inject
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}

/** The open round's team moves to rule on, and the plan's injections for it. */
export const RoundRulings = (props: RulingsProps) => {
  const { exercise, session, onChange } = props
  const pending = exercise.moves.filter(
    (m): m is VisibleMove => !m.hidden && m.status === "pending" && m.role !== "facilitator",
  )
  return (
    <>
      <h4>Rule on this round's moves</h4>
      <p className="hint">
        {exercise.approval === "required"
          ? "Approval is required: only moves you approve or amend take effect when the round closes."
          : "Moves take effect when the round closes unless you reject them."}
      </p>
      {pending.length === 0 ? (
        <p className="hint">No team moves to rule on yet.</p>
      ) : (
        <ul className="pending-moves">
          {pending.map((m) => (
            <PendingMove
              key={`${m.teamId}/${m.moveId}`}
              exercise={exercise}
              token={session.token}
              move={m}
              onChange={onChange}
            />
          ))}
        </ul>
      )}
      <PlannedInjections {...props} />
    </>
  )
}
