import { Schema } from "effect"
import { MoveId } from "./exercise-moves.js"

const TeamIdRef = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/))

/**
 * A move named by its team and its id. Move ids are scoped per team (the
 * facilitator is a team too), so that an id another team chose for a hidden
 * move is free for the caller: nothing about that move leaks through a refusal.
 */
export const MoveRef = Schema.Struct({ teamId: TeamIdRef, moveId: MoveId }).annotations({
  identifier: "MoveRef",
})
export type MoveRef = typeof MoveRef.Type

/**
 * How a closed round names a move it applied: a MoveRef, or (in events stored
 * before ids were scoped per team, when they were unique in the exercise) the bare id.
 */
export const AppliedMove = Schema.Union(MoveRef, MoveId).annotations({ identifier: "AppliedMove" })
export type AppliedMove = typeof AppliedMove.Type

/** One string per move, unique in its exercise (ids cannot hold '/'). */
export const moveKey = (ref: { readonly teamId: string; readonly moveId: string }): string =>
  `${ref.teamId}/${ref.moveId}`

/** Whether a recorded move is the one an applied entry names. */
export const namesMove = (
  entry: AppliedMove | { readonly teamId?: string | undefined; readonly moveId: string },
  move: { readonly teamId: string; readonly moveId: string },
): boolean =>
  typeof entry === "string"
    ? entry === move.moveId
    : entry.moveId === move.moveId && (entry.teamId === undefined || entry.teamId === move.teamId)
