import { Either, Schema } from "effect"
import type { Decider } from "../decider.js"
import { crossCheckSpec, MAX_HORIZON_MONTHS, type PackCatalog, type ScenarioSpec } from "../scenario-spec.js"
import { InvalidInput } from "../validation-issue.js"
import { counterMeasuresOf } from "./counter-measures.js"
import type {
  CloseRound,
  CreateExercise,
  ExerciseCommand,
  JoinTeam,
  SubmitMove,
} from "./exercise-commands.js"
import {
  type AmbiguousMove,
  BudgetExceeded,
  type ClockNotStarted,
  ExerciseAlreadyExists,
  ExerciseNotFound,
  MoveIdConflict,
  MoveNotAllowedForRole,
  MoveNotApplicable,
  type MoveNotFound,
  RoundAlreadyClosed,
  RoundNotOpen,
  UnknownTeam,
} from "./exercise-errors.js"
import { actorOf, type ExerciseEvent, type RoundClosed } from "./exercise-events.js"
import { ExerciseMove, mayMake, moveCostUsdM } from "./exercise-moves.js"
import { FACILITATOR_TEAM_ID } from "./exercise-roles.js"
import {
  type ActiveExercise,
  type ExerciseState,
  MAX_SEAT_DEVICES,
  type RecordedMove,
} from "./exercise-state.js"
import {
  adjudicate,
  joinObserver,
  revealRound,
  setRoundClock,
  unknownCommitment,
} from "./facilitator-decisions.js"
import { applyMove } from "./move-effects.js"
import { type MoveRef, namesMove } from "./move-ref.js"
import { pendingMoves, planRoundClose } from "./round-close-plan.js"

/** Every way an exercise command can be refused. */
export type ExerciseError =
  | ExerciseNotFound
  | ExerciseAlreadyExists
  | UnknownTeam
  | MoveNotAllowedForRole
  | RoundAlreadyClosed
  | RoundNotOpen
  | MoveNotApplicable
  | BudgetExceeded
  | MoveIdConflict
  | MoveNotFound
  | AmbiguousMove
  | ClockNotStarted
  | InvalidInput

export type ExerciseDecider = Decider<ExerciseState, ExerciseCommand, ExerciseEvent, ExerciseError>

/** The default horizon the exercise projects to, unless its rounds reach further. */
export const DEFAULT_EXERCISE_HORIZON = 24

/** The state of a stream with no events. */
export const initialExerciseState: ExerciseState = { _tag: "EmptyExercise", version: 0 }

/** Applies one event to an exercise's state. */
export const evolveExercise = (state: ExerciseState, event: ExerciseEvent): ExerciseState => {
  const version = state.version + 1
  if (event._tag === "ExerciseCreated") {
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
  // Events before creation cannot come from this decider; ignore them.
  if (state._tag === "EmptyExercise") return state
  switch (event._tag) {
    case "TeamJoined":
      return {
        ...state,
        version,
        teams: [
          ...state.teams,
          { teamId: event.teamId, role: event.role, name: event.name, tokenHashes: [event.tokenHash] },
        ],
      }
    case "SeatRejoined":
      return {
        ...state,
        version,
        teams: state.teams.map((t) =>
          t.teamId === event.teamId
            ? { ...t, tokenHashes: [...t.tokenHashes, event.tokenHash].slice(-MAX_SEAT_DEVICES) }
            : t,
        ),
      }
    case "MoveSubmitted":
    case "ShockInjected": {
      const recorded: RecordedMove = {
        moveId: event.moveId,
        teamId:
          event._tag === "MoveSubmitted" ? event.teamId : (FACILITATOR_TEAM_ID as RecordedMove["teamId"]),
        actor: actorOf(event),
        round: event.round,
        move: event.move,
        version,
        status: "pending",
      }
      return { ...state, version, moves: [...state.moves, recorded] }
    }
    case "RoundClosed":
      return closeRound(state, event, version)
    case "MoveAdjudicated":
      return {
        ...state,
        version,
        moves: state.moves.map((m) =>
          m.teamId === event.teamId && m.moveId === event.moveId && m.status === "pending"
            ? {
                ...m,
                adjudication: { decision: event.decision, reason: event.reason },
                ...(event.move === undefined ? {} : { move: event.move, submitted: m.submitted ?? m.move }),
              }
            : m,
        ),
      }
    case "ObserverJoined":
      return {
        ...state,
        version,
        observers: [
          ...state.observers,
          { observerId: event.observerId, name: event.name, tokenHash: event.tokenHash },
        ],
      }
    case "RoundClockSet": {
      const { _tag, v, ...clock } = event
      return { ...state, version, roundClock: clock }
    }
    case "RoundRevealed":
      return { ...state, version, revealedRound: Math.max(state.revealedRound, event.round) }
  }
}

/** A closed round: its applied moves change the items, in order; every move of it is applied or void. */
const closeRound = (state: ActiveExercise, event: RoundClosed, version: number): ActiveExercise => {
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
    ...state,
    version,
    items,
    moves,
    closedRounds: [...state.closedRounds, { ...closed, applied }],
    openRound: event.round < state.rounds ? event.round + 1 : null,
    month: event.month,
  }
}

/** Decides what a command does to an exercise; pack and commitment ids are checked against `catalog`. */
export const decideExercise = (
  command: ExerciseCommand,
  state: ExerciseState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  if (command._tag === "CreateExercise") return create(command, state, catalog)
  if (state._tag === "EmptyExercise")
    return Either.left(new ExerciseNotFound({ message: "no such exercise", exerciseId: "" }))
  switch (command._tag) {
    case "JoinTeam":
      return join(command, state)
    case "SubmitMove":
      return submit(command, state, catalog)
    case "CloseRound":
      return close(command, state)
    case "AdjudicateMove":
      return adjudicate(command, state, catalog)
    case "JoinObserver":
      return joinObserver(command)
    case "SetRoundClock":
      return setRoundClock(command, state)
    case "RevealRound":
      return revealRound(command, state)
  }
}

/** The exercise decider, checking packs and commitments against the given catalog. */
export const exerciseDecider = (catalog: PackCatalog): ExerciseDecider => ({
  initialState: initialExerciseState,
  evolve: evolveExercise,
  decide: (command, state) => decideExercise(command, state, catalog),
})

const create = (
  command: CreateExercise,
  state: ExerciseState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  if (state._tag === "ActiveExercise")
    return Either.left(
      new ExerciseAlreadyExists({
        message: `exercise '${command.exerciseId}' exists already`,
        exerciseId: command.exerciseId,
      }),
    )
  const played = command.rounds * command.roundMonths
  const horizonMonths = Math.max(command.horizonMonths ?? DEFAULT_EXERCISE_HORIZON, played)
  if (horizonMonths > MAX_HORIZON_MONTHS)
    return Either.left(
      new InvalidInput({
        message: "the exercise is too long",
        issues: [
          {
            path: "rounds",
            message: `rounds × roundMonths (${played}) must not pass ${MAX_HORIZON_MONTHS} months`,
          },
        ],
      }),
    )
  const spec: ScenarioSpec = {
    pack: command.pack,
    horizonMonths,
    runs: command.runs,
    seed: command.seed,
    interventions: command.baseScenario?.interventions ?? [],
    ...(command.baseScenario?.assumptions === undefined
      ? {}
      : { assumptions: command.baseScenario.assumptions }),
  }
  const issues = crossCheckSpec(spec, catalog).map((issue) => ({
    ...issue,
    path: issue.path === "pack" ? "pack" : `baseScenario.${issue.path}`,
  }))
  if (issues.length > 0)
    return Either.left(new InvalidInput({ message: "the exercise does not fit its pack", issues: issues }))
  const { _tag, horizonMonths: _h, ...settings } = command
  return Either.right([{ _tag: "ExerciseCreated", v: 1, ...settings, horizonMonths }])
}

const join = (
  command: JoinTeam,
  state: ActiveExercise,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  // A seat, not a one-shot join: the role's code brings any device back to the team that holds it.
  const holder = state.teams.find((t) => t.role === command.role)
  if (holder !== undefined)
    return Either.right([{ _tag: "SeatRejoined", v: 1, teamId: holder.teamId, tokenHash: command.tokenHash }])
  const { _tag, ...team } = command
  return Either.right([{ _tag: "TeamJoined", v: 1, ...team }])
}

const sameMove = Schema.equivalence(ExerciseMove)

const submit = (
  command: SubmitMove,
  state: ActiveExercise,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  // Ids are scoped per team: another team's id (perhaps of a hidden move) is free for this one.
  const earlier = state.moves.find((m) => m.moveId === command.moveId && m.teamId === command.teamId)
  if (earlier !== undefined) {
    // A retry of the same move is a no-op: the caller answers with the original record.
    if (earlier.round === command.round && sameMove(earlier.submitted ?? earlier.move, command.move))
      return Either.right([])
    return Either.left(
      new MoveIdConflict({
        message: `your team used move id '${command.moveId}' before for another move`,
        moveId: command.moveId,
      }),
    )
  }
  if (command.actor !== "facilitator") {
    const team = state.teams.find((t) => t.teamId === command.teamId)
    if (team === undefined || team.role !== command.actor)
      return Either.left(
        new UnknownTeam({ message: "this team is not part of the exercise", teamId: command.teamId }),
      )
  }
  if (!mayMake(command.actor, command.move.type))
    return Either.left(
      new MoveNotAllowedForRole({
        message: `${command.actor} cannot make a '${command.move.type}' move`,
        role: command.actor,
        moveType: command.move.type,
      }),
    )
  const roundError = roundRefusal(command.round, state)
  if (roundError !== undefined) return Either.left(roundError)
  const unknown = unknownCommitment(command.move, state, catalog, "move.commitment")
  if (unknown !== undefined) return Either.left(unknown)
  if (command.move.type === "counter-measure" && counterMeasuresOf(state.pack) === undefined)
    return Either.left(
      new InvalidInput({
        message: "no counter-measures in this pack",
        issues: [{ path: "move.measure", message: `pack '${state.pack}' defines no counter-measures` }],
      }),
    )
  // A move may answer what is on the table now, including an offer or project made earlier in this round
  // (its counterpart sees it at once): check it against the items as closing the round would leave them.
  const tableNow = planRoundClose(state)?.items ?? state.items
  const effect = applyMove(tableNow, command.moveId, command.move, state.month)
  if (effect._tag === "Refused")
    return Either.left(new MoveNotApplicable({ message: effect.reason, moveId: command.moveId }))
  if (command.actor !== "facilitator") {
    const budget = state.budgets?.[command.actor]
    const mine = pendingMoves(state).filter((m) => m.actor === command.actor)
    if (budget?.moves !== undefined && mine.length + 1 > budget.moves)
      return Either.left(
        new BudgetExceeded({
          message: `${command.actor} may make ${budget.moves} moves per round`,
          role: command.actor,
          limit: budget.moves,
          wanted: mine.length + 1,
        }),
      )
    const counterMeasures = counterMeasuresOf(state.pack)
    const spent = mine.reduce((sum, m) => sum + moveCostUsdM(m.move, counterMeasures), 0)
    const wanted = spent + moveCostUsdM(command.move, counterMeasures)
    if (budget?.usdM !== undefined && wanted > budget.usdM)
      return Either.left(
        new BudgetExceeded({
          message: `${command.actor} has USD ${budget.usdM - spent} m left this round; this move costs USD ${moveCostUsdM(command.move, counterMeasures)} m`,
          role: command.actor,
          limit: budget.usdM,
          wanted,
        }),
      )
    return Either.right([
      {
        _tag: "MoveSubmitted",
        v: 1,
        moveId: command.moveId,
        teamId: command.teamId,
        role: command.actor,
        round: command.round,
        move: command.move,
      },
    ])
  }
  return Either.right([
    { _tag: "ShockInjected", v: 1, moveId: command.moveId, round: command.round, move: command.move },
  ])
}

const roundRefusal = (
  round: number,
  state: ActiveExercise,
): RoundAlreadyClosed | RoundNotOpen | undefined => {
  if (state.openRound === null)
    return new RoundNotOpen({
      message: "the exercise has finished: every round is closed",
      round,
      openRound: null,
    })
  if (round < state.openRound)
    return new RoundAlreadyClosed({
      message: `round ${round} is closed; round ${state.openRound} is open`,
      round,
      openRound: state.openRound,
    })
  if (round > state.openRound)
    return new RoundNotOpen({
      message: `round ${round} is not open yet; round ${state.openRound} is`,
      round,
      openRound: state.openRound,
    })
  return undefined
}

const close = (
  command: CloseRound,
  state: ActiveExercise,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  const refusal = roundRefusal(command.round, state)
  if (refusal !== undefined) return Either.left(refusal)
  const plan = planRoundClose(state)
  if (plan === undefined)
    return Either.left(
      new RoundNotOpen({ message: "no round is open", round: command.round, openRound: null }),
    )
  return Either.right([
    {
      _tag: "RoundClosed",
      v: 1,
      round: plan.round,
      month: plan.month,
      applied: plan.applied,
      voided: plan.voided,
      outcomes: command.outcomes,
    },
  ])
}
