import { getPack } from "../packs/built-in-packs.js"
import { type MoveNames, offerTitle } from "./exercise-moves.js"
import type { ActiveExercise } from "./exercise-state.js"

/**
 * The names moves of this exercise may use: every offer and project by the
 * title and amount it was made with (from the move that made it, so a
 * same-round answer names it too), and the pack's commitments by title.
 */
export const moveNamesOf = (state: Pick<ActiveExercise, "moves" | "pack">): MoveNames => {
  const items = new Map<string, { title: string; amountUsdM: number; by: "japan" | "ukraine" }>()
  for (const m of state.moves) {
    if (m.move.type === "offer-aid")
      items.set(m.moveId, {
        title: offerTitle(m.move),
        amountUsdM: m.move.amountUsdM,
        by: "japan",
      })
    if (m.move.type === "propose-project")
      items.set(m.moveId, { title: m.move.title, amountUsdM: m.move.amountUsdM, by: "ukraine" })
  }
  const commitments = new Map((getPack(state.pack)?.commitments ?? []).map((c) => [c.id as string, c.title]))
  return { item: (id) => items.get(id), commitment: (id) => commitments.get(id) }
}
