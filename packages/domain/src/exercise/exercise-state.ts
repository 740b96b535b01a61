import type { LifecycleState, Sector } from "../commitment.js"
import type { PackId } from "../ids.js"
import type { AidForm } from "../scenario-spec.js"
import type {
  AdjudicationDecision,
  Approval,
  BaseScenario,
  Budgets,
  ExerciseId,
  PlannedInjection,
  RoundClockSettings,
  RoundOutcomes,
  TeamId,
  VoidedMove,
} from "./exercise-events.js"
import type { ExerciseMove, MoveId } from "./exercise-moves.js"
import type { ExerciseActor, TeamRole } from "./exercise-roles.js"
import type { MoveRef } from "./move-ref.js"

/** How many devices' tokens a seat keeps; the oldest is let go beyond (it can rejoin with the code). */
export const MAX_SEAT_DEVICES = 40

/** A team's seat in the exercise; its devices' token hashes never leave the server. */
export interface ExerciseTeam {
  readonly teamId: TeamId
  readonly role: TeamRole
  readonly name: string
  /** One per device that joined with the team's code, oldest first. */
  readonly tokenHashes: ReadonlyArray<string>
}

export type MoveStatus = "pending" | "applied" | "void"

/** A move as recorded, with what became of it when its round closed. */
export interface RecordedMove {
  readonly moveId: MoveId
  readonly teamId: TeamId
  readonly actor: ExerciseActor
  readonly round: number
  readonly move: ExerciseMove
  /** Stream version of the event that recorded it. */
  readonly version: number
  readonly status: MoveStatus
  /** Month the move took effect (once applied). */
  readonly month?: number
  /** Why the move did not apply (once void). */
  readonly reason?: string
  /** The facilitator's ruling on it, which its team sees (an amended move's `move` is the facilitator's). */
  readonly adjudication?: { readonly decision: AdjudicationDecision; readonly reason: string }
  /** The move as the team submitted it, when the facilitator amended it. */
  readonly submitted?: ExerciseMove
}

/** A read-only viewer of the exercise; `tokenHash` never leaves the server. */
export interface ExerciseObserver {
  readonly observerId: TeamId
  readonly name: string
  readonly tokenHash: string
}

/** The open round's clock: `remainingMs` left at `at` (epoch ms), counting down while running. */
export interface RoundClock {
  readonly round: number
  readonly running: boolean
  readonly remainingMs: number
  readonly at: number
}

/** An offer (by Japan) or a project (by Ukraine) moving through the commitment lifecycle. */
export interface ExerciseItem {
  /** The id of the move that created it. */
  readonly itemId: MoveId
  readonly kind: "offer" | "project"
  readonly by: TeamRole
  readonly title: string
  readonly sector: Sector
  readonly amountUsdM: number
  readonly form: AidForm
  readonly state: LifecycleState
  readonly proposedMonth: number
  readonly agreedMonth?: number
  readonly implementedMonth?: number
}

export interface ClosedRound {
  readonly round: number
  readonly month: number
  readonly applied: ReadonlyArray<MoveRef>
  readonly voided: ReadonlyArray<VoidedMove>
  readonly outcomes: RoundOutcomes
}

/** A stream with no events: the exercise does not exist. */
export interface EmptyExercise {
  readonly _tag: "EmptyExercise"
  readonly version: 0
}

/** A created exercise: settings, teams, every move and what it did, the items and the closed rounds. */
export interface ActiveExercise {
  readonly _tag: "ActiveExercise"
  readonly version: number
  readonly exerciseId: ExerciseId
  readonly pack: PackId
  readonly name: string
  readonly roundMonths: number
  readonly rounds: number
  readonly seed: number
  readonly runs: number
  readonly horizonMonths: number
  readonly budgets?: Budgets
  readonly baseScenario?: BaseScenario
  readonly approval?: Approval
  readonly clock?: RoundClockSettings
  readonly plannedInjections?: ReadonlyArray<PlannedInjection>
  readonly template?: string
  readonly observerCodeHash?: string
  readonly observers: ReadonlyArray<ExerciseObserver>
  /** The open round's clock, once the facilitator started it. */
  readonly roundClock?: RoundClock
  /** Observers see the rounds up to this one (0: none yet). */
  readonly revealedRound: number
  readonly facilitatorTokenHash: string
  readonly joinCodeHashes: Readonly<Record<TeamRole, string>>
  readonly joinCodesSealed?: string
  readonly teams: ReadonlyArray<ExerciseTeam>
  readonly moves: ReadonlyArray<RecordedMove>
  readonly items: ReadonlyArray<ExerciseItem>
  readonly closedRounds: ReadonlyArray<ClosedRound>
  /** The round taking moves, or null once the last round has closed. */
  readonly openRound: number | null
  /** The exercise clock: the month the last closed round reached (0 before the first close). */
  readonly month: number
}

export type ExerciseState = EmptyExercise | ActiveExercise

/** The month moves of a round take effect: when the round closes. */
export const roundEndMonth = (state: Pick<ActiveExercise, "roundMonths">, round: number): number =>
  round * state.roundMonths
