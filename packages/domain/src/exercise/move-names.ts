import { getPack } from "../packs/built-in-packs.js"
import { type MoveNames, offerTitle } from "./exercise-moves.js"
import type { ActiveExercise } from "./exercise-state.js"

type Named = { title: string; amountUsdM: number; by: "japan" | "ukraine" }

/**
 * The names moves of this exercise may use: every offer and project by the
 * title and amount it was made with (from the move that made it, so a
 * same-round answer names it too), and the pack's commitments by title.
 * Move ids are scoped per team, so Japan's offer and Ukraine's project may
 * share an id: offers and projects are looked up apart, by the kind the
 * naming move acts on.
 */
export const moveNamesOf = (state: Pick<ActiveExercise, "moves" | "pack">): MoveNames => {
  const offers = new Map<string, Named>()
  const projects = new Map<string, Named>()
  for (const m of state.moves) {
    if (m.move.type === "offer-aid")
      offers.set(m.moveId, { title: offerTitle(m.move), amountUsdM: m.move.amountUsdM, by: "japan" })
    if (m.move.type === "propose-project")
      projects.set(m.moveId, { title: m.move.title, amountUsdM: m.move.amountUsdM, by: "ukraine" })
  }
  const commitments = new Map((getPack(state.pack)?.commitments ?? []).map((c) => [c.id as string, c.title]))
  return {
    item: (id, kind) =>
      kind === "offer"
        ? offers.get(id)
        : kind === "project"
          ? projects.get(id)
          : (offers.get(id) ?? projects.get(id)),
    commitment: (id) => commitments.get(id),
  }
}
