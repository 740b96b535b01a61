import { type ExerciseActorId, movesByActor } from "@accord/domain/facts"
import { type FormEvent, useId, useState } from "react"
import { type ExerciseState, explainError, submitMove } from "./exercise-api.js"
import { type CommitmentChoice, itemChoices, MOVE_LABELS, useMoveDraft } from "./move-draft.js"
import { MoveEffect, useMoveEffects } from "./move-effect.js"
import { FieldSelect, MoveFields } from "./move-fields.js"

export type { CommitmentChoice } from "./move-draft.js"

/** Submits a move of the open round; says what happened, and whether it went through. */
const useSubmitMove = (exercise: ExerciseState, token: string, onSubmitted: () => void) => {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>()
  const [busy, setBusy] = useState(false)
  const submit = async (type: string, body: Record<string, unknown>, reset: () => void) => {
    if (exercise.openRound === null) return
    setBusy(true)
    setMessage(undefined)
    try {
      await submitMove(exercise.id, token, crypto.randomUUID(), exercise.openRound, body)
      setMessage({
        ok: true,
        text: `Submitted: ${MOVE_LABELS[type]}. Offers, projects and answers reach the other side of the deal at once; everything else shows when the round closes.`,
      })
      reset()
      onSubmitted()
    } catch (e) {
      setMessage({ ok: false, text: explainError(e) })
    } finally {
      setBusy(false)
    }
  }
  return { message, busy, submit }
}

/** A form for one move of the open round, with fields for the chosen move type. */
export const MoveForm = ({
  exercise,
  token,
  actor,
  commitments,
  onSubmitted,
}: {
  readonly exercise: ExerciseState
  readonly token: string
  readonly actor: ExerciseActorId
  readonly commitments: ReadonlyArray<CommitmentChoice>
  readonly onSubmitted: () => void
}) => {
  const id = useId()
  const effects = useMoveEffects()
  const types = movesByActor[actor]
  const choices = itemChoices(exercise.items)
  const draft = useMoveDraft(types[0] as string, choices, commitments)
  const { message, busy, submit } = useSubmitMove(exercise, token, onSubmitted)
  const items = choices[draft.type]
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit(draft.type, draft.body(), draft.reset)
  }
  // The move type is a field too, but changing it starts the other fields afresh.
  const typeField = { ...draft, value: () => draft.type, set: () => draft.setType }
  return (
    <form className="move-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Your move for round {exercise.openRound}</h3>
      <FieldSelect
        draft={typeField}
        id={id}
        name="type"
        label="Move"
        options={types.map((t) => ({ value: t, label: MOVE_LABELS[t] ?? t }))}
      />
      <MoveFields draft={draft} id={id} items={items} commitments={commitments} />
      <MoveEffect row={effects?.find((r) => r.move === draft.type)} />
      <button
        type="submit"
        disabled={busy || exercise.openRound === null || (items !== undefined && items.length === 0)}
      >
        Submit move
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "hint" : "error"}>
          {message.text}
        </p>
      )}
    </form>
  )
}
