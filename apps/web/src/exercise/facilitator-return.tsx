import { useId, useState } from "react"
import { fetchExercise } from "./exercise-api.js"
import { type ExerciseSession, openSession } from "./exercise-session.js"
import { Field, submitting } from "./form-field.js"

/** Back to the dashboard on another device, with the exercise id and the facilitator's key. */
export const FacilitatorReturn = ({
  exerciseId,
  onSession,
  onError,
}: {
  readonly exerciseId?: string | undefined
  readonly onSession: (session: ExerciseSession) => void
  readonly onError: (text: string) => void
}) => {
  const id = useId()
  const [keyId, setKeyId] = useState(exerciseId ?? "")
  const [key, setKey] = useState("")
  const returnAsFacilitator = async () => {
    const state = await fetchExercise(keyId.trim(), key.trim())
    if (state.you.actor !== "facilitator") {
      onError("This key belongs to a team, not to the facilitator. Teams join with their join code.")
      return
    }
    openSession({ id: state.id, token: key.trim(), role: "facilitator", exerciseName: state.name }, onSession)
  }
  return (
    <details className="facilitator-return">
      <summary>Return as facilitator on another device</summary>
      <form onSubmit={submitting(returnAsFacilitator, onError)} aria-label="Return as facilitator">
        <Field id={`${id}-key-id`} label="Exercise id" value={keyId} onChange={setKeyId} />
        <Field
          id={`${id}-key`}
          label="Facilitator key"
          value={key}
          onChange={setKey}
          type="password"
          hint="Shown on your dashboard under “Invite teams”. Keep it to yourself: it runs the exercise."
          extra={{ autoComplete: "off" }}
        />
        <button type="submit">Open the dashboard</button>
      </form>
    </details>
  )
}
