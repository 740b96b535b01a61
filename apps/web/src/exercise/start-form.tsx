import { useId, useState } from "react"
import { type CreatedExercise, createExercise } from "./exercise-api.js"
import { type ExerciseSession, openSession } from "./exercise-session.js"
import { Field, submitting } from "./form-field.js"
import { type StartChoices, StartOptions } from "./start-options.js"

/** Opens a new exercise as its facilitator; the creating browser keeps the codes (the observers' code shows on the dashboard's tools). */
export const facilitate = (
  created: CreatedExercise,
  onSession: (session: ExerciseSession) => void,
  exerciseName?: string,
) =>
  openSession(
    {
      id: created.id,
      token: created.facilitatorToken,
      role: "facilitator",
      joinCodes: created.joinCodes,
      ...(exerciseName === undefined ? {} : { exerciseName }),
    },
    onSession,
  )

/** The facilitator's form that starts an exercise of the pack: name, rounds, months per round, running the room. */
export const StartForm = ({
  packId,
  onSession,
  onError,
}: {
  readonly packId: string
  readonly onSession: (session: ExerciseSession) => void
  readonly onError: (text: string) => void
}) => {
  const id = useId()
  const [name, setName] = useState("Class exercise")
  const [rounds, setRounds] = useState("3")
  const [roundMonths, setRoundMonths] = useState("3")
  const [choices, setChoices] = useState<StartChoices>({})
  const start = async () => {
    const created = await createExercise({
      pack: packId,
      name,
      rounds: Number(rounds),
      roundMonths: Number(roundMonths),
      ...choices,
    })
    facilitate(created, onSession, name)
  }
  return (
    <form onSubmit={submitting(start, onError)} aria-labelledby={`${id}-start`}>
      <h3 id={`${id}-start`}>Start an exercise (facilitator)</h3>
      <Field id={`${id}-name`} label="Exercise name" value={name} onChange={setName} />
      <Field
        id={`${id}-rounds`}
        label="Rounds"
        type="number"
        value={rounds}
        onChange={setRounds}
        extra={{ min: "1", max: "8" }}
      />
      <Field
        id={`${id}-months`}
        label="Months per round"
        type="number"
        value={roundMonths}
        onChange={setRoundMonths}
        extra={{ min: "1", max: "12" }}
      />
      <StartOptions onChange={setChoices} />
      <button type="submit">Start exercise</button>
    </form>
  )
}
