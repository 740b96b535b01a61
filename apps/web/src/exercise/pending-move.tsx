import { useId, useState } from "react"
import type { Schemas } from "../api-client.js"
import { type ExerciseState, refusalMessage } from "./exercise-api.js"
import { adjudicateMove, type Decision } from "./facilitator-api.js"
import { roleName } from "./move-list.js"

type ExerciseMove = Schemas["ExerciseMove"]

/** A move the facilitator can see (a hidden one has no content to rule on). */
export type VisibleMove = Extract<ExerciseState["moves"][number], { hidden: false }>

const RULED: Readonly<Record<Decision, string>> = {
  approve: "approved",
  amend: "amended",
  reject: "rejected",
}

const amountOf = (m: ExerciseMove) => ("amountUsdM" in m ? m.amountUsdM : undefined)

/** The move, who made it, and the ruling it already has. */
const MoveLine = ({ move }: { readonly move: VisibleMove }) => (
  <p>
    <strong>{roleName(move.role)}</strong>: {move.description}
    {move.adjudication && (
      <span className={`ruling ruling-${move.adjudication.decision}`}>
        {" "}
        ({RULED[move.adjudication.decision]}: {move.adjudication.reason})
      </span>
    )}
  </p>
)

/** One pending move with the facilitator's ruling: a reason, then approve, amend the amount, or reject. */
export const PendingMove = ({
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
      setError(refusalMessage(e))
    }
  }
  return (
    <li className="pending-move" data-move-id={move.moveId}>
      <MoveLine move={move} />
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
