import type { LifecycleEventType } from "../lifecycle.js"
import { eventIndex, lifecycleTable, NO_TRANSITION, stateIndex } from "../lifecycle-table.js"
import { type ExerciseMove, type MoveId, offerTitle } from "./exercise-moves.js"
import type { ExerciseItem } from "./exercise-state.js"

/** The items after a move, or why the move cannot apply to them. */
export type MoveEffect =
  | { readonly _tag: "Applied"; readonly items: ReadonlyArray<ExerciseItem> }
  | { readonly _tag: "Refused"; readonly reason: string }

const refused = (reason: string): MoveEffect => ({ _tag: "Refused", reason })

/** Lifecycle events as a sentence says them. */
const EVENT_PAST: Partial<Record<LifecycleEventType, string>> = {
  AGREE: "agreed",
  DELIVER: "delivered",
  COMPLETE: "completed",
  WITHDRAW: "withdrawn",
}

/** The lifecycle machine's verdict (through its compiled table) on an item event. */
const lifecycleAllows = (item: ExerciseItem, event: LifecycleEventType): boolean =>
  lifecycleTable.next[stateIndex(item.state) * lifecycleTable.eventCount + eventIndex(event)] !==
  NO_TRANSITION

const nextState = (item: ExerciseItem, event: LifecycleEventType) =>
  lifecycleTable.states[
    lifecycleTable.next[stateIndex(item.state) * lifecycleTable.eventCount + eventIndex(event)] as number
  ] as ExerciseItem["state"]

/** Which item a move acts on, the kind it must be, and the lifecycle event it fires. */
const targetOf = (
  move: ExerciseMove,
):
  | {
      item: MoveId
      kind: ExerciseItem["kind"] | "any"
      events: ReadonlyArray<LifecycleEventType>
      /** A decline is an answer to a proposal: once agreed, an offer is no longer declined but withdrawn. */
      onlyFrom?: ExerciseItem["state"]
    }
  | undefined => {
  switch (move.type) {
    case "agree-project":
      return { item: move.item, kind: "project", events: ["AGREE"] }
    case "agree-offer":
      return { item: move.item, kind: "offer", events: ["AGREE"] }
    case "decline-offer":
      return { item: move.item, kind: "offer", events: ["WITHDRAW"], onlyFrom: "proposed" }
    case "deliver":
      // Full delivery: everything agreed is delivered, then the commitment completes.
      return { item: move.item, kind: "any", events: ["DELIVER", "COMPLETE"] }
    default:
      return undefined
  }
}

/**
 * What a move does to the exercise's offers and projects at `month`, checked
 * against the lifecycle machine: a new offer or project is proposed, agreeing
 * needs a proposed item of the counterpart, delivering an agreed one.
 */
export const applyMove = (
  items: ReadonlyArray<ExerciseItem>,
  moveId: MoveId,
  move: ExerciseMove,
  month: number,
): MoveEffect => {
  if (move.type === "offer-aid" || move.type === "propose-project") {
    const item: ExerciseItem = {
      itemId: moveId,
      kind: move.type === "offer-aid" ? "offer" : "project",
      by: move.type === "offer-aid" ? "japan" : "ukraine",
      title: move.type === "offer-aid" ? offerTitle(move) : move.title,
      sector: move.sector,
      amountUsdM: move.amountUsdM,
      form: move.type === "offer-aid" ? move.form : "grant",
      state: "proposed",
      proposedMonth: month,
    }
    return { _tag: "Applied", items: [...items, item] }
  }
  const target = targetOf(move)
  if (target === undefined) return { _tag: "Applied", items }
  // Ids are scoped per team, so Japan's offer and Ukraine's project may share one: the kind tells them apart.
  const candidates = items.filter((i) => i.itemId === target.item)
  if (candidates.length === 0) return refused("that offer or project is not on the table (yet)")
  const fitting = target.kind === "any" ? candidates : candidates.filter((i) => i.kind === target.kind)
  const item = fitting[0]
  if (item === undefined) {
    const other = candidates[0]
    return refused(
      `“${other?.title}” is ${other?.kind === "offer" ? "an offer" : "a project"}, not ${target.kind === "offer" ? "an offer" : "a project"}`,
    )
  }
  const named = `“${item.title}”`
  if (fitting.length > 1)
    return refused(`${named} names both an offer and a project; deliver needs a name only one of them has`)
  if (target.onlyFrom !== undefined && item.state !== target.onlyFrom)
    return refused(`${named} is ${item.state} already: only an offer still on the table can be declined`)
  let next = item
  for (const event of target.events) {
    if (!lifecycleAllows(next, event))
      return refused(`${named} is ${next.state}: it cannot be ${EVENT_PAST[event] ?? "changed"} now`)
    next = { ...next, state: nextState(next, event) }
  }
  next = {
    ...next,
    ...(next.state === "agreed" ? { agreedMonth: month } : {}),
    ...(next.state === "implemented" ? { implementedMonth: month } : {}),
  }
  return { _tag: "Applied", items: items.map((i) => (i === item ? next : i)) }
}
