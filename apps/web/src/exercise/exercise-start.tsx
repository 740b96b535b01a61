import { type FormEvent, useId, useState } from "react"
import { type CreatedExercise, createExercise, ExerciseApiError, joinExercise } from "./exercise-api.js"
import { type ExerciseSession, exerciseHref, saveSession } from "./exercise-session.js"
import { type StartChoices, StartOptions, TemplateStart } from "./start-options.js"

const errorText = (e: unknown) => (e instanceof ExerciseApiError ? `${e.message} (${e.tag})` : String(e))

/** Two ways in: a facilitator starts an exercise, a team joins one with its join code. */
export const ExerciseStart = ({
  packId,
  exerciseId,
  onSession,
}: {
  readonly packId: string
  readonly exerciseId?: string | undefined
  readonly onSession: (session: ExerciseSession) => void
}) => {
  const id = useId()
  const [name, setName] = useState("Class exercise")
  const [rounds, setRounds] = useState("3")
  const [roundMonths, setRoundMonths] = useState("3")
  const [joinId, setJoinId] = useState(exerciseId ?? "")
  const [joinCode, setJoinCode] = useState("")
  const [teamName, setTeamName] = useState("")
  const [error, setError] = useState<string | undefined>()
  const [choices, setChoices] = useState<StartChoices>({})

  const facilitate = (created: CreatedExercise) => {
    const session: ExerciseSession = {
      id: created.id,
      token: created.facilitatorToken,
      role: "facilitator",
      joinCodes: created.joinCodes,
    }
    saveSession(session)
    window.history.replaceState(null, "", exerciseHref(created.id))
    onSession(session)
  }
  const start = async (event: FormEvent) => {
    event.preventDefault()
    try {
      facilitate(
        await createExercise({
          pack: packId,
          name,
          rounds: Number(rounds),
          roundMonths: Number(roundMonths),
          ...choices,
        }),
      )
    } catch (e) {
      setError(errorText(e))
    }
  }
  const join = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const joined = await joinExercise(joinId.trim(), joinCode, teamName)
      const session: ExerciseSession = {
        id: joinId.trim(),
        token: joined.token,
        role: joined.role as ExerciseSession["role"],
        teamName,
      }
      saveSession(session)
      window.history.replaceState(null, "", exerciseHref(session.id))
      onSession(session)
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="exercise-start">
      <h2>Classroom exercise</h2>
      <p className="lead">
        Teams play Japan, Ukraine and Russia in rounds; the facilitator closes each round and the model
        projects where the moves lead.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="exercise-columns">
        {exerciseId === undefined && (
          <form onSubmit={start} aria-labelledby={`${id}-start`}>
            <h3 id={`${id}-start`}>Start an exercise (facilitator)</h3>
            <div className="lever">
              <label htmlFor={`${id}-name`}>Exercise name</label>
              <input
                id={`${id}-name`}
                type="text"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
              />
            </div>
            <div className="lever">
              <label htmlFor={`${id}-rounds`}>Rounds</label>
              <input
                id={`${id}-rounds`}
                type="number"
                min="1"
                max="8"
                value={rounds}
                onChange={(e) => setRounds(e.target.value)}
              />
            </div>
            <div className="lever">
              <label htmlFor={`${id}-months`}>Months per round</label>
              <input
                id={`${id}-months`}
                type="number"
                min="1"
                max="12"
                value={roundMonths}
                onChange={(e) => setRoundMonths(e.target.value)}
              />
            </div>
            <StartOptions onChange={setChoices} />
            <button type="submit">Start exercise</button>
          </form>
        )}
        {exerciseId === undefined && <TemplateStart onCreated={facilitate} />}
        <form onSubmit={join} aria-labelledby={`${id}-join`}>
          <h3 id={`${id}-join`}>Join an exercise (team)</h3>
          <div className="lever">
            <label htmlFor={`${id}-join-id`}>Exercise id</label>
            <input
              id={`${id}-join-id`}
              type="text"
              value={joinId}
              onChange={(e) => setJoinId(e.target.value)}
              required
            />
          </div>
          <div className="lever">
            <label htmlFor={`${id}-code`}>Join code</label>
            <input
              id={`${id}-code`}
              type="text"
              autoComplete="off"
              value={joinCode}
              onChange={(e) => setJoinCode(e.target.value)}
              required
            />
          </div>
          <div className="lever">
            <label htmlFor={`${id}-team`}>Team name</label>
            <input
              id={`${id}-team`}
              type="text"
              value={teamName}
              onChange={(e) => setTeamName(e.target.value)}
              required
            />
          </div>
          <button type="submit">Join</button>
        </form>
      </div>
    </div>
  )
}
