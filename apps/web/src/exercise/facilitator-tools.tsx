import { useId, useState } from "react"
import { downloadText } from "../results/download-text.js"
import { type ExerciseState, refusalMessage } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { fetchLog, revealRound, saveTemplate } from "./facilitator-api.js"
import { type Attempt, RoundRulings } from "./round-rulings.js"
import "./facilitator.css"

interface ToolProps {
  readonly exercise: ExerciseState
  readonly session: ExerciseSession
  readonly attempt: Attempt
}

/** Who watches, and the button that shows them the last closed round. */
const ObserverTools = ({ exercise, session, attempt }: ToolProps) => {
  const lastClosed = exercise.closedRounds.at(-1)?.round ?? 0
  return (
    <>
      <h4>Observers</h4>
      <p className="hint">
        An observer (a projector, a visiting teacher) joins with this code and sees only the rounds you show.
      </p>
      <p>
        {/* The code itself is on the facilitator-only "Invite teams" screen: this dashboard may be projected. */}
        The observer code is under <em>Invite teams</em>.
        {exercise.observers !== undefined && exercise.observers.length > 0 && (
          <> Watching: {exercise.observers.map((o) => o.name).join(", ")}</>
        )}
      </p>
      {lastClosed > exercise.revealedRound && (
        <button
          type="button"
          className="secondary"
          onClick={attempt(
            () => revealRound(exercise.id, session.token, lastClosed),
            `Round ${lastClosed} shown`,
          )}
        >
          Show round {lastClosed} to observers
        </button>
      )}
      {exercise.revealedRound > 0 && <p className="hint">Observers see rounds 1–{exercise.revealedRound}.</p>}
    </>
  )
}

/** Saves the exercise's setup as a template under a name. */
const TemplateSave = ({ exercise, session, attempt }: ToolProps) => {
  const id = useId()
  const [templateName, setTemplateName] = useState(exercise.name)
  return (
    <>
      <h4>Keep this exercise for next term</h4>
      <div className="ruling-controls">
        <label htmlFor={`${id}-template`}>Template name</label>
        <input
          id={`${id}-template`}
          type="text"
          value={templateName}
          onChange={(e) => setTemplateName(e.target.value)}
        />
        <button
          type="button"
          className="secondary"
          onClick={attempt(
            () => saveTemplate(exercise.id, session.token, templateName),
            "Saved as a template",
          )}
        >
          Save as template
        </button>
      </div>
    </>
  )
}

/** The log of the exercise, downloaded as Markdown, CSV or JSON. */
const LogExport = ({ exercise, session, attempt }: ToolProps) => (
  <>
    <h4>Export the log</h4>
    <p>
      {(["markdown", "csv", "json"] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="secondary"
          onClick={attempt(async () => {
            const text = await fetchLog(exercise.id, session.token, format)
            const ext = format === "markdown" ? "md" : format
            downloadText(
              `exercise-${exercise.id}-log.${ext}`,
              text,
              format === "json" ? "application/json" : "text/plain",
            )
          }, `Log downloaded (${format})`)}
        >
          Log ({format})
        </button>
      ))}
    </p>
  </>
)

/**
 * The facilitator's tools beside the dashboard: rule on pending moves,
 * planned injections, what observers see, save the setup as a template,
 * export the log.
 */
export const FacilitatorTools = ({
  exercise,
  session,
  onChange,
}: {
  readonly exercise: ExerciseState
  readonly session: ExerciseSession
  readonly onChange: () => void
}) => {
  const id = useId()
  const [note, setNote] = useState<string | undefined>()
  const attempt: Attempt = (action, done) => async () => {
    try {
      await action()
      setNote(done)
      onChange()
    } catch (e) {
      setNote(refusalMessage(e))
    }
  }
  const tools = { exercise, session, attempt }
  return (
    <section aria-labelledby={`${id}-tools`} className="facilitator-tools">
      <h3 id={`${id}-tools`}>Facilitator tools</h3>
      {exercise.openRound !== null && <RoundRulings {...tools} onChange={onChange} />}
      <ObserverTools {...tools} />
      <TemplateSave {...tools} />
      <LogExport {...tools} />
      {note && (
        <p role="status" className="hint">
          {note}
        </p>
      )}
    </section>
  )
}
