import { useId, useState } from "react"
import { fetchExercise, joinExercise } from "./exercise-api.js"
import { type ExerciseSession, openSession } from "./exercise-session.js"
import { Field, submitting } from "./form-field.js"

/** A team's seat from its join code: any device, any number of times. */
export const JoinForm = ({
  exerciseId,
  joinCode: codeFromLink,
  onSession,
  onError,
}: {
  readonly exerciseId?: string | undefined
  readonly joinCode?: string | undefined
  readonly onSession: (session: ExerciseSession) => void
  readonly onError: (text: string) => void
}) => {
  const id = useId()
  const [joinId, setJoinId] = useState(exerciseId ?? "")
  const [joinCode, setJoinCode] = useState(codeFromLink ?? "")
  const [teamName, setTeamName] = useState("")
  const join = async () => {
    const joined = await joinExercise(joinId.trim(), joinCode, teamName)
    const state = await fetchExercise(joined.id, joined.token)
    openSession(
      {
        id: joined.id,
        token: joined.token,
        role: joined.role as ExerciseSession["role"],
        teamName: joined.name,
        exerciseName: state.name,
      },
      onSession,
    )
  }
  return (
    <form onSubmit={submitting(join, onError)} aria-labelledby={`${id}-join`}>
      <h3 id={`${id}-join`}>Join your team</h3>
      <p className="hint">
        Your team's code brings you to your team's seat from any laptop or phone, as often as you need.
      </p>
      <Field
        id={`${id}-join-id`}
        label="Exercise id"
        value={joinId}
        onChange={setJoinId}
        extra={{ autoCapitalize: "characters", spellCheck: "false" }}
      />
      <Field
        id={`${id}-code`}
        label="Join code"
        value={joinCode}
        onChange={setJoinCode}
        extra={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: "false" }}
      />
      <Field
        id={`${id}-team`}
        label="Team name"
        value={teamName}
        onChange={setTeamName}
        required={false}
        hint="Only the first device of a team names it; later devices join the same team."
      />
      <button type="submit">Join</button>
    </form>
  )
}
