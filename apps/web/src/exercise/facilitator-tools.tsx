import { useId, useState } from "react"
import type { Schemas } from "../api-client.js"
import { ExerciseApiError, type ExerciseState, submitMove } from "./exercise-api.js"
import type { ExerciseSession } from "./exercise-session.js"
import { adjudicateMove, type Decision, fetchLog, revealRound, saveTemplate } from "./facilitator-api.js"
import { roleName } from "./move-list.js"
import "./facilitator.css"

type ExerciseMove = Schemas["ExerciseMove"]

const errorText = (e: unknown) => (e instanceof ExerciseApiError ? e.message : String(e))

const RULED: Readonly<Record<Decision, string>> = {
  approve: "approved",
  amend: "amended",
  reject: "rejected",
}

type VisibleMove = Extract<ExerciseState["moves"][number], { hidden: false }>

/** One pending move with the facilitator's ruling: a reason, then approve, amend the amount, or reject. */
const PendingMove = ({
  exercise,
  token,
  move,
  onChange,
}: {
  readonly exercise: ExerciseState
  readonly token: string
  readonly move: VisibleMove
  readonly onChange: () => void
}) => {
  const id = useId()
  const [reason, setReason] = useState("")
  const amountOf = (m: ExerciseMove) => ("amountUsdM" in m ? m.amountUsdM : undefined)
  const [amount, setAmount] = useState(String(amountOf(move.move) ?? ""))
  const [error, setError] = useState<string | undefined>()
  const rule = (decision: Decision) => async () => {
    setError(undefined)
    const amended =
      decision === "amend" && amountOf(move.move) !== undefined
        ? ({ ...move.move, amountUsdM: Number(amount) } as ExerciseMove)
        : undefined
    try {
      await adjudicateMove(exercise.id, token, move, decision, reason.trim() || "no reason given", amended)
      onChange()
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <li className="pending-move" data-move-id={move.moveId}>
      <p>
        <strong>{roleName(move.role)}</strong>: {move.description}
        {move.adjudication && (
          <span className={`ruling ruling-${move.adjudication.decision}`}>
            {" "}
            ({RULED[move.adjudication.decision]}: {move.adjudication.reason})
          </span>
        )}
      </p>
      <div className="ruling-controls">
        <label htmlFor={`${id}-reason`}>Reason the team sees</label>
        <input id={`${id}-reason`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="button" className="secondary" onClick={rule("approve")}>
          Approve
        </button>
        {amountOf(move.move) !== undefined && (
          <>
            <label htmlFor={`${id}-amount`}>Amount (USD m)</label>
            <input
              id={`${id}-amount`}
              type="number"
              min="1"
              max="20000"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
            <button type="button" className="secondary" onClick={rule("amend")}>
              Amend
            </button>
          </>
        )}
        <button type="button" className="secondary" onClick={rule("reject")}>
          Reject
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </li>
  )
}

/** Downloads a text as a file (the log needs the bearer token, so a plain link cannot fetch it). */
const download = (text: string, name: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

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
  const [templateName, setTemplateName] = useState(exercise.name)
  const [note, setNote] = useState<string | undefined>()
  const pending = exercise.moves.filter(
    (m): m is VisibleMove => !m.hidden && m.status === "pending" && m.role !== "facilitator",
  )
  const planned = (exercise.plannedInjections ?? []).filter((p) => p.round === exercise.openRound)
  const lastClosed = exercise.closedRounds.at(-1)?.round ?? 0
  const attempt = (action: () => Promise<unknown>, done: string) => async () => {
    try {
      await action()
      setNote(done)
      onChange()
    } catch (e) {
      setNote(errorText(e))
    }
  }
  return (
    <section aria-labelledby={`${id}-tools`} className="facilitator-tools">
      <h3 id={`${id}-tools`}>Facilitator tools</h3>
      {exercise.openRound !== null && (
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
          {planned.length > 0 && (
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
                        () =>
                          submitMove(exercise.id, session.token, `planned-${p.round}-${i}`, p.round, p.move),
                        "Injected",
                      )}
                    >
                      Inject
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
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
              download(
                text,
                `exercise-${exercise.id}-log.${ext}`,
                format === "json" ? "application/json" : "text/plain",
              )
            }, `Log downloaded (${format})`)}
          >
            Log ({format})
          </button>
        ))}
      </p>
      {note && (
        <p role="status" className="hint">
          {note}
        </p>
      )}
    </section>
  )
}
