import { counterMeasuresOf } from "./counter-measures.js"
import type { ExerciseEvent } from "./exercise-events.js"
import { describeMove, type ExerciseMove, type MoveNames, moveCostUsdM } from "./exercise-moves.js"
import type { ExerciseActor } from "./exercise-roles.js"
import type {
  ActiveExercise,
  ClosedRound,
  ExerciseItem,
  MoveStatus,
  RecordedMove,
  RoundClock,
} from "./exercise-state.js"
import { applyMove } from "./move-effects.js"
import { moveNamesOf } from "./move-names.js"
import { namesMove } from "./move-ref.js"
import { planRoundClose } from "./round-close-plan.js"

/**
 * Who is looking: the facilitator sees everything, a team sees its own
 * pending moves and everyone's revealed ones, an observer (read-only) sees
 * only the rounds the facilitator revealed, never a pending move.
 */
export interface ExerciseViewer {
  readonly actor: ExerciseActor | "observer"
  readonly teamId: string
}

/** A move as a viewer may see it: another team's pending move shows only that it exists. */
export type MoveView =
  | {
      readonly hidden: false
      readonly moveId: string
      readonly teamId: string
      readonly role: ExerciseActor
      readonly round: number
      readonly status: MoveStatus
      readonly move: ExerciseMove
      readonly description: string
      readonly month?: number
      readonly reason?: string
      readonly adjudication?: RecordedMove["adjudication"]
      /** The move as submitted, when the facilitator amended it. */
      readonly submitted?: ExerciseMove
    }
  | {
      readonly hidden: true
      readonly role: ExerciseActor
      readonly round: number
      readonly status: "pending"
    }

/** The exercise as one viewer sees it (no secrets, no hidden moves). */
export interface ExerciseView {
  readonly id: string
  readonly name: string
  readonly pack: string
  readonly version: number
  readonly roundMonths: number
  readonly rounds: number
  readonly horizonMonths: number
  readonly month: number
  readonly openRound: number | null
  readonly status: "open" | "finished"
  readonly you: ExerciseViewer
  /** Each seat, with how many devices hold it (a team may play on several laptops and phones). */
  readonly teams: ReadonlyArray<{
    readonly teamId: string
    readonly role: string
    readonly name: string
    readonly devices: number
  }>
  readonly budgets: NonNullable<ActiveExercise["budgets"]> | null
  /** USD m and moves the viewer has left this round (null without a budget). */
  readonly remaining: { readonly usdM: number | null; readonly moves: number | null } | null
  readonly moves: ReadonlyArray<MoveView>
  readonly items: ReadonlyArray<ExerciseItem>
  readonly closedRounds: ReadonlyArray<ClosedRound>
  /** "required": only moves the facilitator approved take effect. */
  readonly approval: "free" | "required"
  /** The round length and whether the round closes by itself (null: no clock). */
  readonly clock: NonNullable<ActiveExercise["clock"]> | null
  /** The open round's clock once started (remainingMs left at `at`, epoch ms). */
  readonly roundClock: RoundClock | null
  /** Observers see closed rounds up to this one. */
  readonly revealedRound: number
  /** Facilitator only: observers who joined, and injections planned per round (from a template). */
  readonly observers?: ReadonlyArray<{ readonly observerId: string; readonly name: string }>
  readonly plannedInjections?: ActiveExercise["plannedInjections"]
}

/** Moves between Japan and Ukraine on offers and projects: a negotiation both sides see as it happens. */
const DEAL_MOVES: ReadonlySet<ExerciseMove["type"]> = new Set([
  "offer-aid",
  "propose-project",
  "agree-offer",
  "agree-project",
  "decline-offer",
  "deliver",
])
const dealParty = (viewer: ExerciseViewer) => viewer.actor === "japan" || viewer.actor === "ukraine"

/**
 * Whether a viewer may see a move's content: the facilitator sees everything,
 * a team its own pending moves and everyone's once the round closed; and the
 * moves of a deal (an offer or project, its answer, its delivery) are seen at
 * once by both Japan and Ukraine, so an offer can be answered — and delivered —
 * in the round it is made. Russia sees them when the round closes. An observer
 * sees a move only once its round is closed and revealed.
 */
export const maySee = (
  viewer: ExerciseViewer,
  move: Pick<RecordedMove, "status" | "teamId" | "round" | "move">,
  revealedRound = Number.POSITIVE_INFINITY,
): boolean => {
  if (viewer.actor === "observer") return move.status !== "pending" && move.round <= revealedRound
  return (
    viewer.actor === "facilitator" ||
    move.status !== "pending" ||
    move.teamId === viewer.teamId ||
    (dealParty(viewer) && DEAL_MOVES.has(move.move.type))
  )
}

/** The offers and projects as the revealed rounds left them (what an observer may know). */
const itemsThrough = (state: ActiveExercise, round: number): ReadonlyArray<ExerciseItem> => {
  let items: ReadonlyArray<ExerciseItem> = []
  for (const closed of state.closedRounds.filter((r) => r.round <= round)) {
    for (const ref of closed.applied) {
      const m = state.moves.find((r) => namesMove(ref, r))
      if (m === undefined) continue
      const effect = applyMove(items, m.moveId, m.move, closed.month)
      if (effect._tag === "Applied") items = effect.items
    }
  }
  return items
}

/** The offers and projects as `viewer` may know them. */
const itemsFor = (state: ActiveExercise, viewer: ExerciseViewer): ReadonlyArray<ExerciseItem> => {
  if (viewer.actor === "observer") return itemsThrough(state, state.revealedRound)
  // The deal's parties see the table as it stands, pending answers included; Russia as of the last close.
  if (viewer.actor === "russia") return state.items
  return planRoundClose(state)?.items ?? state.items
}

const moveView = (
  viewer: ExerciseViewer,
  m: RecordedMove,
  names: MoveNames,
  revealedRound?: number,
): MoveView =>
  maySee(viewer, m, revealedRound)
    ? {
        hidden: false,
        moveId: m.moveId,
        teamId: m.teamId,
        role: m.actor,
        round: m.round,
        status: m.status,
        move: m.move,
        description: describeMove(m.move, names),
        ...(m.month === undefined ? {} : { month: m.month }),
        ...(m.reason === undefined ? {} : { reason: m.reason }),
        // A ruling on a pending move is for its team and the facilitator, even where the deal's other side sees the move.
        ...(m.status === "pending" && viewer.actor !== "facilitator" && viewer.teamId !== m.teamId
          ? {}
          : {
              ...(m.adjudication === undefined ? {} : { adjudication: m.adjudication }),
              ...(m.submitted === undefined ? {} : { submitted: m.submitted }),
            }),
      }
    : { hidden: true, role: m.actor, round: m.round, status: "pending" }

/** The exercise as `viewer` may see it. */
export const exerciseView = (state: ActiveExercise, viewer: ExerciseViewer): ExerciseView => {
  const observer = viewer.actor === "observer"
  const names = moveNamesOf(state)
  const budget =
    viewer.actor === "facilitator" || viewer.actor === "observer" ? undefined : state.budgets?.[viewer.actor]
  const mine = state.moves.filter(
    (m) => m.status === "pending" && m.round === state.openRound && m.teamId === viewer.teamId,
  )
  const revealed = state.closedRounds.filter((r) => r.round <= state.revealedRound)
  return {
    id: state.exerciseId,
    name: state.name,
    pack: state.pack,
    version: state.version,
    roundMonths: state.roundMonths,
    rounds: state.rounds,
    horizonMonths: state.horizonMonths,
    month: observer ? (revealed.at(-1)?.month ?? 0) : state.month,
    openRound: state.openRound,
    status: state.openRound === null ? "finished" : "open",
    you: viewer,
    teams: state.teams.map((t) => ({
      teamId: t.teamId,
      role: t.role,
      name: t.name,
      devices: t.tokenHashes.length,
    })),
    budgets: state.budgets ?? null,
    remaining:
      budget === undefined
        ? null
        : {
            usdM:
              budget.usdM === undefined
                ? null
                : budget.usdM -
                  mine.reduce((s, m) => s + moveCostUsdM(m.move, counterMeasuresOf(state.pack)), 0),
            moves: budget.moves === undefined ? null : budget.moves - mine.length,
          },
    // An observer does not even learn that a pending move exists.
    moves: state.moves
      .filter((m) => !observer || maySee(viewer, m, state.revealedRound))
      .map((m) => moveView(viewer, m, names, state.revealedRound)),
    items: itemsFor(state, viewer),
    closedRounds: observer ? revealed : state.closedRounds,
    approval: state.approval ?? "free",
    clock: state.clock ?? null,
    roundClock: state.roundClock?.round === state.openRound ? state.roundClock : null,
    revealedRound: state.revealedRound,
    ...(viewer.actor === "facilitator"
      ? {
          observers: state.observers.map((o) => ({ observerId: o.observerId, name: o.name })),
          plannedInjections: state.plannedInjections ?? [],
        }
      : {}),
  }
}

/**
 * One event of the exercise's live feed, as `viewer` may see it (secrets and
 * hidden moves removed), or undefined for an event the viewer must not learn
 * of at all (anything about a pending move, for an observer).
 */
export const exerciseFeedEvent = (
  event: ExerciseEvent,
  stateAfter: ActiveExercise,
  viewer: ExerciseViewer,
): { readonly type: string; readonly data: unknown } | undefined => {
  const observer = viewer.actor === "observer"
  const names = moveNamesOf(stateAfter)
  const roundData = (round: number) => {
    const closed = stateAfter.closedRounds.find((r) => r.round === round)
    return {
      round,
      month: closed?.month,
      openRound: stateAfter.openRound,
      moves: stateAfter.moves
        .filter((m) => m.round === round)
        .map((m) => moveView(viewer, m, names, stateAfter.revealedRound)),
      voided: closed?.voided ?? [],
      outcomes: closed?.outcomes,
    }
  }
  switch (event._tag) {
    case "ExerciseCreated":
      return {
        type: "ExerciseCreated",
        data: { id: event.exerciseId, name: event.name, rounds: event.rounds },
      }
    case "TeamJoined":
      return { type: "TeamJoined", data: { teamId: event.teamId, role: event.role, name: event.name } }
    case "SeatRejoined":
      return { type: "SeatRejoined", data: { teamId: event.teamId } }
    case "MoveSubmitted":
    case "ShockInjected": {
      if (observer) return undefined
      const teamId = event._tag === "MoveSubmitted" ? event.teamId : "facilitator"
      const recorded = stateAfter.moves.find((m) => m.moveId === event.moveId && m.teamId === teamId)
      return {
        type: event._tag,
        data: recorded === undefined ? null : moveView(viewer, { ...recorded, status: "pending" }, names),
      }
    }
    case "MoveAdjudicated":
      // Only the move's team and the facilitator learn of a ruling on a pending move.
      if (viewer.actor !== "facilitator" && viewer.teamId !== event.teamId) return undefined
      return {
        type: "MoveAdjudicated",
        data: { moveId: event.moveId, decision: event.decision, reason: event.reason },
      }
    case "RoundClosed":
      if (observer)
        return { type: "RoundClosed", data: { round: event.round, openRound: stateAfter.openRound } }
      return { type: "RoundClosed", data: roundData(event.round) }
    case "ObserverJoined":
      return viewer.actor === "facilitator"
        ? { type: "ObserverJoined", data: { name: event.name } }
        : undefined
    case "RoundClockSet": {
      const { _tag, v, ...clock } = event
      return { type: "RoundClockSet", data: clock }
    }
    case "RoundRevealed":
      return { type: "RoundRevealed", data: roundData(event.round) }
  }
}
