import { useEffect, useId, useState } from "react"
import { type CreatedExercise, createExercise, refusalMessage } from "./exercise-api.js"
import { type ExerciseTemplate, listTemplates } from "./facilitator-api.js"

/** The facilitator's extra choices when starting an exercise: approval and the round clock. */
export interface StartChoices {
  readonly approval?: "required"
  readonly clock?: { readonly seconds: number; readonly autoClose?: boolean }
}

/** Approval and round-clock fields for the start form; reports the choices as they change. */
export const StartOptions = ({ onChange }: { readonly onChange: (choices: StartChoices) => void }) => {
  const id = useId()
  const [approval, setApproval] = useState(false)
  const [minutes, setMinutes] = useState("")
  const [autoClose, setAutoClose] = useState(false)
  useEffect(() => {
    const seconds = Math.round(Number(minutes) * 60)
    onChange({
      ...(approval ? { approval: "required" as const } : {}),
      ...(minutes.trim() !== "" && seconds >= 30
        ? { clock: { seconds, ...(autoClose ? { autoClose } : {}) } }
        : {}),
    })
  }, [approval, minutes, autoClose, onChange])
  return (
    <fieldset className="start-options">
      <legend>Running the room</legend>
      <div className="lever">
        <label htmlFor={`${id}-minutes`}>Minutes per round (empty: no clock)</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min="0.5"
          max="1440"
          step="0.5"
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <label>
        <input type="checkbox" checked={autoClose} onChange={(e) => setAutoClose(e.target.checked)} /> Close
        the round when the clock runs out
      </label>
      <label>
        <input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} /> Moves
        need my approval
      </label>
    </fieldset>
  )
}

/** Start a clean copy of a saved template: its setup, no teams, no moves. */
export const TemplateStart = ({ onCreated }: { readonly onCreated: (created: CreatedExercise) => void }) => {
  const id = useId()
  const [templates, setTemplates] = useState<ReadonlyArray<ExerciseTemplate>>([])
  const [chosen, setChosen] = useState("")
  const [name, setName] = useState("")
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    listTemplates().then(
      (answer) => setTemplates(answer.templates),
      () => setTemplates([]),
    )
  }, [])
  if (templates.length === 0) return null
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault()
        try {
          onCreated(await createExercise({ template: chosen || (templates[0]?.id ?? ""), name }))
        } catch (e) {
          setError(refusalMessage(e))
        }
      }}
    >
      <h3 id={`${id}-title`}>Start from a template</h3>
      <div className="lever">
        <label htmlFor={`${id}-template`}>Template</label>
        <select id={`${id}-template`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.setup.rounds} rounds of {t.setup.roundMonths} months)
            </option>
          ))}
        </select>
      </div>
      <div className="lever">
        <label htmlFor={`${id}-name`}>Name of the new exercise</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <button type="submit">Start a clean copy</button>
      {error && <p role="alert">{error}</p>}
    </form>
  )
}
