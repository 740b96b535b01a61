import type { MoveEffectRow } from "@accord/domain"
import { useEffect, useState } from "react"
import { fetchMoveEffects } from "./exercise-api.js"

/** The move-effects table (GET /api/exercise-moves), fetched once per page; undefined until it arrives. */
export const useMoveEffects = (): ReadonlyArray<MoveEffectRow> | undefined => {
  const [rows, setRows] = useState<ReadonlyArray<MoveEffectRow> | undefined>()
  useEffect(() => {
    let live = true
    fetchMoveEffects()
      .then((r) => {
        if (live) setRows(r)
      })
      // Without the table the form still works; it only cannot say what the move does.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return rows
}

const ARROW = { up: "↑", down: "↓" } as const

/** What the chosen move does in the model, from the same table as the classroom guide. */
export const MoveEffect = ({ row }: { readonly row: MoveEffectRow | undefined }) =>
  row === undefined ? null : (
    <div className="hint move-effect" aria-live="polite">
      <p>
        <strong>In the model:</strong> {row.specChange}.
      </p>
      <p>
        {row.moves.length === 0
          ? "Moves no indicator by itself."
          : `Moves: ${row.moves.map((m) => `${m.indicator} ${ARROW[m.direction]}`).join(", ")}.`}
        {row.scope === undefined ? "" : ` (${row.scope}.)`}
      </p>
    </div>
  )
