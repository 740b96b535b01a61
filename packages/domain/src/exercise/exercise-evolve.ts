import type { ExerciseEvent, RoundClosed } from "./exercise-events.js"
import { actorOf } from "./exercise-events.js"
import { FACILITATOR_TEAM_ID } from "./exercise-roles.js"
import {
  type ActiveExercise,
  type ExerciseState,
  MAX_SEAT_DEVICES,
  type RecordedMove,
} from "./exercise-state.js"
import { applyMove } from "./move-effects.js"
import { type MoveRef, namesMove } from "./move-ref.js"

type EventOf<T extends ExerciseEvent["_tag"]> = Extract<ExerciseEvent, { _tag: T }>

/** The state of a stream with no events. */
export const initialExerciseState: ExerciseState = { _tag: "EmptyExercise", version: 0 }

/** A created exercise: its settings, no teams, no moves, round 1 open at month 0. */
const created = (event: EventOf<"ExerciseCreated">, version: number): ActiveExercise => {
  const { _tag, v, ...settings } = event
  return {
    _tag: "ActiveExercise",
    ...settings,
    version,
    teams: [],
    observers: [],
    revealedRound: 0,
    moves: [],
    items: [],
    closedRounds: [],
    openRound: 1,
    month: 0,
  }
}

const teamJoined = (state: ActiveExercise, event: EventOf<"TeamJoined">): Partial<ActiveExercise> => ({
  teams: [
    ...state.teams,
    { teamId: event.teamId, role: event.role, name: event.name, tokenHashes: [event.tokenHash] },
  ],
})

/** Another device on a seat: the seat keeps the latest MAX_SEAT_DEVICES tokens. */
const seatRejoined = (state: ActiveExercise, event: EventOf<"SeatRejoined">): Partial<ActiveExercise> => ({
  teams: state.teams.map((t) =>
    t.teamId === event.teamId
      ? { ...t, tokenHashes: [...t.tokenHashes, event.tokenHash].slice(-MAX_SEAT_DEVICES) }
      : t,
  ),
})

/** A team's move or the facilitator's shock, pending until its round closes. */
const moveRecorded = (
  state: ActiveExercise,
  event: EventOf<"MoveSubmitted" | "ShockInjected">,
  version: number,
): Partial<ActiveExercise> => {
  const recorded: RecordedMove = {
    moveId: event.moveId,
    teamId: event._tag === "MoveSubmitted" ? event.teamId : (FACILITATOR_TEAM_ID as RecordedMove["teamId"]),
    actor: actorOf(event),
    round: event.round,
    move: event.move,
    version,
    status: "pending",
  }
  return { moves: [...state.moves, recorded] }
}

/** The facilitator's ruling on a pending move; an amendment keeps what the team first submitted. */
const moveAdjudicated = (
  state: ActiveExercise,
  event: EventOf<"MoveAdjudicated">,
): Partial<ActiveExercise> => ({
  moves: state.moves.map((m) =>
    m.teamId === event.teamId && m.moveId === event.moveId && m.status === "pending"
      ? {
          ...m,
          adjudication: { decision: event.decision, reason: event.reason },
          ...(event.move === undefined ? {} : { move: event.move, submitted: m.submitted ?? m.move }),
        }
      : m,
  ),
})

const observerJoined = (
  state: ActiveExercise,
  event: EventOf<"ObserverJoined">,
): Partial<ActiveExercise> => ({
  observers: [
    ...state.observers,
    { observerId: event.observerId, name: event.name, tokenHash: event.tokenHash },
  ],
})

/** A closed round: its applied moves change the items, in order; every move of it is applied or void. */
const roundClosed = (state: ActiveExercise, event: RoundClosed): Partial<ActiveExercise> => {
  let items = state.items
  const ofRound = state.moves.filter((m) => m.round === event.round && m.status === "pending")
  const applied: Array<MoveRef> = []
  for (const entry of event.applied) {
    const recorded = ofRound.find((m) => namesMove(entry, m))
    if (recorded === undefined) continue
    applied.push({ teamId: recorded.teamId, moveId: recorded.moveId })
    const effect = applyMove(items, recorded.moveId, recorded.move, event.month)
    if (effect._tag === "Applied") items = effect.items
  }
  const moves = state.moves.map((m): RecordedMove => {
    if (m.round !== event.round || m.status !== "pending") return m
    if (applied.some((a) => namesMove(a, m))) return { ...m, status: "applied", month: event.month }
    const voided = event.voided.find((v) => namesMove(v, m))
    return voided === undefined ? m : { ...m, status: "void", reason: voided.reason }
  })
  const { _tag, v, ...closed } = event
  return {
    items,
    moves,
    closedRounds: [...state.closedRounds, { ...closed, applied }],
    openRound: event.round < state.rounds ? event.round + 1 : null,
    month: event.month,
  }
}

/** What an event changes in an active exercise (beside its version). */
const changesOf = (
  state: ActiveExercise,
  event: Exclude<ExerciseEvent, EventOf<"ExerciseCreated">>,
  version: number,
): Partial<ActiveExercise> => {
  switch (event._tag) {
    case "TeamJoined":
      return teamJoined(state, event)
    case "SeatRejoined":
      return seatRejoined(state, event)
    case "MoveSubmitted":
    case "ShockInjected":
      return moveRecorded(state, event, version)
    case "RoundClosed":
      return roundClosed(state, event)
    case "MoveAdjudicated":
      return moveAdjudicated(state, event)
    case "ObserverJoined":
      return observerJoined(state, event)
    case "RoundClockSet": {
      const { _tag, v, ...clock } = event
      return { roundClock: clock }
    }
    case "RoundRevealed":
      return { revealedRound: Math.max(state.revealedRound, event.round) }
  }
}

/** Applies one event to an exercise's state. */
export const evolveExercise = (state: ExerciseState, event: ExerciseEvent): ExerciseState => {
  const version = state.version + 1
  if (event._tag === "ExerciseCreated") return created(event, version)
  // Events before creation cannot come from this decider; ignore them.
  if (state._tag === "EmptyExercise") return state
  return { ...state, version, ...changesOf(state, event, version) }
}
