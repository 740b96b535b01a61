import { Either, Schema } from "effect"
import type { PackCatalog } from "../scenario-spec.js"
import { type InvalidInput, invalidAt } from "../validation-issue.js"
import { counterMeasuresOf } from "./counter-measures.js"
import type { SubmitMove } from "./exercise-commands.js"
import {
  BudgetExceeded,
  MoveIdConflict,
  MoveNotAllowedForRole,
  MoveNotApplicable,
  type RoundAlreadyClosed,
  type RoundNotOpen,
  UnknownTeam,
} from "./exercise-errors.js"
import type { ExerciseEvent } from "./exercise-events.js"
import { ExerciseMove, mayMake, moveCostUsdM } from "./exercise-moves.js"
import type { TeamRole } from "./exercise-roles.js"
import type { ActiveExercise } from "./exercise-state.js"
import { unknownCommitment } from "./facilitator-decisions.js"
import { applyMove } from "./move-effects.js"
import { pendingMoves, planRoundClose } from "./round-close-plan.js"
import { roundRefusal } from "./round-refusal.js"

/** Every way a move can be refused. */
export type SubmitMoveError =
  | MoveIdConflict
  | UnknownTeam
  | MoveNotAllowedForRole
  | RoundAlreadyClosed
  | RoundNotOpen
  | InvalidInput
  | MoveNotApplicable
  | BudgetExceeded

type TeamMove = SubmitMove & { readonly actor: TeamRole }

const sameMove = Schema.equivalence(ExerciseMove)

/**
 * A move id the team used before: the same move again is a retry (no events; the caller answers with the
 * original record), another move is a conflict. Undefined for a new id. Ids are scoped per team: another
 * team's id (perhaps of a hidden move) is free for this one.
 */
const earlierUse = (
  command: SubmitMove,
  state: ActiveExercise,
): Either.Either<ReadonlyArray<ExerciseEvent>, MoveIdConflict> | undefined => {
  const earlier = state.moves.find((m) => m.moveId === command.moveId && m.teamId === command.teamId)
  if (earlier === undefined) return undefined
  if (earlier.round === command.round && sameMove(earlier.submitted ?? earlier.move, command.move))
    return Either.right([])
  return Either.left(
    new MoveIdConflict({
      message: `your team used move id '${command.moveId}' before for another move`,
      moveId: command.moveId,
    }),
  )
}

/** Why this actor may not make this move now, in the order a team learns it; undefined if it may. */
const moveRefusal = (
  command: SubmitMove,
  state: ActiveExercise,
  catalog: PackCatalog,
): Exclude<SubmitMoveError, MoveIdConflict | BudgetExceeded> | undefined => {
  if (command.actor !== "facilitator") {
    const team = state.teams.find((t) => t.teamId === command.teamId)
    if (team === undefined || team.role !== command.actor)
      return new UnknownTeam({ message: "this team is not part of the exercise", teamId: command.teamId })
  }
  if (!mayMake(command.actor, command.move.type))
    return new MoveNotAllowedForRole({
      message: `${command.actor} cannot make a '${command.move.type}' move`,
      role: command.actor,
      moveType: command.move.type,
    })
  const roundError = roundRefusal(command.round, state)
  if (roundError !== undefined) return roundError
  const unknown = unknownCommitment(command.move, state, catalog, "move.commitment")
  if (unknown !== undefined) return unknown
  if (command.move.type === "counter-measure" && counterMeasuresOf(state.pack) === undefined)
    return invalidAt("move.measure", `pack '${state.pack}' defines no counter-measures`)
  // A move may answer what is on the table now, including an offer or project made earlier in this round
  // (its counterpart sees it at once): check it against the items as closing the round would leave them.
  const tableNow = planRoundClose(state)?.items ?? state.items
  const effect = applyMove(tableNow, command.moveId, command.move, state.month)
  if (effect._tag === "Refused")
    return new MoveNotApplicable({ message: effect.reason, moveId: command.moveId })
  return undefined
}

/** A team's move over its round's budget: too many moves, or more USD than it has left; undefined if within. */
const budgetRefusal = (command: TeamMove, state: ActiveExercise): BudgetExceeded | undefined => {
  const budget = state.budgets?.[command.actor]
  const mine = pendingMoves(state).filter((m) => m.actor === command.actor)
  if (budget?.moves !== undefined && mine.length + 1 > budget.moves)
    return new BudgetExceeded({
      message: `${command.actor} may make ${budget.moves} moves per round`,
      role: command.actor,
      limit: budget.moves,
      wanted: mine.length + 1,
    })
  const counterMeasures = counterMeasuresOf(state.pack)
  const spent = mine.reduce((sum, m) => sum + moveCostUsdM(m.move, counterMeasures), 0)
  const cost = moveCostUsdM(command.move, counterMeasures)
  if (budget?.usdM !== undefined && spent + cost > budget.usdM)
    return new BudgetExceeded({
      message: `${command.actor} has USD ${budget.usdM - spent} m left this round; this move costs USD ${cost} m`,
      role: command.actor,
      limit: budget.usdM,
      wanted: spent + cost,
    })
  return undefined
}

const isTeamMove = (command: SubmitMove): command is TeamMove => command.actor !== "facilitator"

/** A team's move within its budget, or the facilitator's shock (no budget). */
export const submitMove = (
  command: SubmitMove,
  state: ActiveExercise,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, SubmitMoveError> => {
  const earlier = earlierUse(command, state)
  if (earlier !== undefined) return earlier
  const refusal = moveRefusal(command, state, catalog)
  if (refusal !== undefined) return Either.left(refusal)
  if (!isTeamMove(command))
    return Either.right([
      { _tag: "ShockInjected", v: 1, moveId: command.moveId, round: command.round, move: command.move },
    ])
  const overBudget = budgetRefusal(command, state)
  if (overBudget !== undefined) return Either.left(overBudget)
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
