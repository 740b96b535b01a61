import { type FormEvent, useId, useState } from "react"
import {
  type CreatedExercise,
  createExercise,
  explainError,
  fetchExercise,
  joinExercise,
} from "./exercise-api.js"
import { type ExerciseSession, exerciseHref, listSessions, saveSession } from "./exercise-session.js"
import { roleName } from "./move-list.js"
import { type StartChoices, StartOptions, TemplateStart } from "./start-options.js"

const open = (session: ExerciseSession, onSession: (s: ExerciseSession) => void) => {
  saveSession(session)
  window.history.replaceState(null, "", exerciseHref(session.id))
  onSession(session)
}

/** The exercises this browser joined or started: one click back to the seat. */
const ReturnList = ({ onSession }: { readonly onSession: (s: ExerciseSession) => void }) => {
  const sessions = listSessions()
  if (sessions.length === 0) return null
  return (
    <section aria-labelledby="return-title" className="return-list">
      <h3 id="return-title">Return to your exercise</h3>
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => open(s, onSession)}>
              {s.exerciseName ?? `Exercise ${s.id}`}:{" "}
              {s.role === "facilitator" ? "facilitator" : `${roleName(s.role)}, ${s.teamName ?? "your team"}`}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

const Field = ({
  id,
  label,
  value,
  onChange,
  hint,
  required = true,
  type = "text",
  extra = {},
}: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (v: string) => void
  readonly hint?: string
  readonly required?: boolean
  readonly type?: string
  readonly extra?: Record<string, string>
}) => (
  <div className="lever">
    <label htmlFor={id}>{label}</label>
    <input
      id={id}
      type={type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      {...(hint === undefined ? {} : { "aria-describedby": `${id}-hint` })}
      {...extra}
    />
    {hint && (
      <small id={`${id}-hint`} className="hint">
        {hint}
      </small>
    )}
  </div>
)

/**
 * The Classroom page: back to an exercise this browser joined, join a team's
 * seat with its code (any device, any number of times), start an exercise,
 * or return as facilitator with the facilitator's key.
 */
export const ExerciseStart = ({
  packId,
  exerciseId,
  joinCode: codeFromLink,
  onSession,
}: {
  readonly packId: string
  readonly exerciseId?: string | undefined
  readonly joinCode?: string | undefined
  readonly onSession: (session: ExerciseSession) => void
}) => {
  const id = useId()
  const [name, setName] = useState("Class exercise")
  const [rounds, setRounds] = useState("3")
  const [roundMonths, setRoundMonths] = useState("3")
  const [joinId, setJoinId] = useState(exerciseId ?? "")
  const [joinCode, setJoinCode] = useState(codeFromLink ?? "")
  const [teamName, setTeamName] = useState("")
  const [keyId, setKeyId] = useState(exerciseId ?? "")
  const [key, setKey] = useState("")
  const [error, setError] = useState<string | undefined>()
  const [choices, setChoices] = useState<StartChoices>({})

  // The creating browser keeps the codes (the observers' code shows on the dashboard's tools).
  const facilitate = (created: CreatedExercise, exerciseName?: string) =>
    open(
      {
        id: created.id,
        token: created.facilitatorToken,
        role: "facilitator",
        joinCodes: created.joinCodes,
        ...(exerciseName === undefined ? {} : { exerciseName }),
      },
      onSession,
    )
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
        name,
      )
    } catch (e) {
      setError(explainError(e))
    }
  }
  const join = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const joined = await joinExercise(joinId.trim(), joinCode, teamName)
      const state = await fetchExercise(joined.id, joined.token)
      open(
        {
          id: joined.id,
          token: joined.token,
          role: joined.role as ExerciseSession["role"],
          teamName: joined.name,
          exerciseName: state.name,
        },
        onSession,
      )
    } catch (e) {
      setError(explainError(e))
    }
  }
  const returnAsFacilitator = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const state = await fetchExercise(keyId.trim(), key.trim())
      if (state.you.actor !== "facilitator") {
        setError("This key belongs to a team, not to the facilitator. Teams join with their join code.")
        return
      }
      open({ id: state.id, token: key.trim(), role: "facilitator", exerciseName: state.name }, onSession)
    } catch (e) {
      setError(explainError(e))
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
      <ReturnList onSession={onSession} />
      <div className="exercise-columns">
        <form onSubmit={join} aria-labelledby={`${id}-join`}>
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
        {exerciseId === undefined && (
          <form onSubmit={start} aria-labelledby={`${id}-start`}>
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
        )}
        {exerciseId === undefined && <TemplateStart onCreated={(created) => facilitate(created)} />}
      </div>
      <details className="facilitator-return">
        <summary>Return as facilitator on another device</summary>
        <form onSubmit={returnAsFacilitator} aria-label="Return as facilitator">
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
    </div>
  )
}
