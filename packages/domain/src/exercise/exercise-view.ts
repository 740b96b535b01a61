import type { ExerciseEvent } from "./exercise-events.js"
import { describeMove, type ExerciseMove, type MoveNames, moveCostUsdM } from "./exercise-moves.js"
import type { ExerciseActor } from "./exercise-roles.js"
import type { ActiveExercise, ClosedRound, ExerciseItem, MoveStatus, RecordedMove } from "./exercise-state.js"
import { moveNamesOf } from "./move-names.js"
import { planRoundClose } from "./round-close-plan.js"

/** Who is looking: the facilitator sees everything, a team sees its own pending moves and everyone's revealed ones. */
export interface ExerciseViewer {
  readonly actor: ExerciseActor
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
 * in the round it is made. Russia sees them when the round closes.
 */
export const maySee = (
  viewer: ExerciseViewer,
  move: Pick<RecordedMove, "status" | "teamId" | "move">,
): boolean =>
  viewer.actor === "facilitator" ||
  move.status !== "pending" ||
  move.teamId === viewer.teamId ||
  (dealParty(viewer) && DEAL_MOVES.has(move.move.type))

const moveView = (viewer: ExerciseViewer, m: RecordedMove, names: MoveNames): MoveView =>
  maySee(viewer, m)
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
      }
    : { hidden: true, role: m.actor, round: m.round, status: "pending" }

/** The exercise as `viewer` may see it. */
export const exerciseView = (state: ActiveExercise, viewer: ExerciseViewer): ExerciseView => {
  const names = moveNamesOf(state)
  const budget = viewer.actor === "facilitator" ? undefined : state.budgets?.[viewer.actor]
  const mine = state.moves.filter(
    (m) => m.status === "pending" && m.round === state.openRound && m.teamId === viewer.teamId,
  )
  return {
    id: state.exerciseId,
    name: state.name,
    pack: state.pack,
    version: state.version,
    roundMonths: state.roundMonths,
    rounds: state.rounds,
    horizonMonths: state.horizonMonths,
    month: state.month,
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
                : budget.usdM - mine.reduce((s, m) => s + moveCostUsdM(m.move), 0),
            moves: budget.moves === undefined ? null : budget.moves - mine.length,
          },
    moves: state.moves.map((m) => moveView(viewer, m, names)),
    // The deal's parties see the table as it stands, pending answers included; Russia as of the last close.
    items: viewer.actor === "russia" ? state.items : (planRoundClose(state)?.items ?? state.items),
    closedRounds: state.closedRounds,
  }
}

/** One event of the exercise's live feed, as `viewer` may see it (secrets and hidden moves removed). */
export const exerciseFeedEvent = (
  event: ExerciseEvent,
  stateAfter: ActiveExercise,
  viewer: ExerciseViewer,
): { readonly type: string; readonly data: unknown } => {
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
      const recorded = stateAfter.moves.find((m) => m.moveId === event.moveId)
      return {
        type: event._tag,
        data:
          recorded === undefined
            ? null
            : moveView(viewer, { ...recorded, status: "pending" }, moveNamesOf(stateAfter)),
      }
    }
    case "RoundClosed":
      return {
        type: "RoundClosed",
        data: {
          round: event.round,
          month: event.month,
          openRound: stateAfter.openRound,
          moves: stateAfter.moves
            .filter((m) => m.round === event.round)
            .map((m) => moveView(viewer, m, moveNamesOf(stateAfter))),
          voided: event.voided,
          outcomes: event.outcomes,
        },
      }
  }
}
