import { Schema } from "effect"
import { LifecycleState, Sector } from "../commitment.js"
import { AidForm } from "../scenario-spec.js"
import {
  AdjudicationDecision,
  Budgets,
  PlannedInjection,
  RoundClockSettings,
  RoundOutcomes,
  VoidedMove,
} from "./exercise-events.js"
import { ExerciseMove } from "./exercise-moves.js"
import type { RoleBrief } from "./exercise-roles.js"
import { ExerciseActor, TeamRole } from "./exercise-roles.js"
import type { ExerciseView } from "./exercise-view.js"
import { MoveRef } from "./move-ref.js"

const MoveStatus = Schema.Literal("pending", "applied", "void")

const VisibleMove = Schema.Struct({
  hidden: Schema.Literal(false),
  moveId: Schema.String,
  teamId: Schema.String,
  role: ExerciseActor,
  round: Schema.Int,
  status: MoveStatus,
  move: ExerciseMove,
  description: Schema.String,
  month: Schema.optional(Schema.Int),
  reason: Schema.optional(Schema.String),
  adjudication: Schema.optional(Schema.Struct({ decision: AdjudicationDecision, reason: Schema.String })),
  /** The move as submitted, when the facilitator amended it. */
  submitted: Schema.optional(ExerciseMove),
}).annotations({ identifier: "VisibleMove" })

/** Another team's pending move: only that it exists. */
const HiddenMove = Schema.Struct({
  hidden: Schema.Literal(true),
  role: ExerciseActor,
  round: Schema.Int,
  status: Schema.Literal("pending"),
}).annotations({ identifier: "HiddenMove" })

const ExerciseItemSchema = Schema.Struct({
  itemId: Schema.String,
  kind: Schema.Literal("offer", "project"),
  by: TeamRole,
  title: Schema.String,
  sector: Sector,
  amountUsdM: Schema.Number,
  form: AidForm,
  state: LifecycleState,
  proposedMonth: Schema.Int,
  agreedMonth: Schema.optional(Schema.Int),
  implementedMonth: Schema.optional(Schema.Int),
}).annotations({ identifier: "ExerciseItem" })

const ClosedRoundSchema = Schema.Struct({
  round: Schema.Int,
  month: Schema.Int,
  applied: Schema.Array(MoveRef),
  voided: Schema.Array(VoidedMove),
  outcomes: RoundOutcomes,
}).annotations({ identifier: "ClosedRound" })

const RoleBriefSchema = Schema.Struct({
  role: ExerciseActor,
  title: Schema.String,
  situation: Schema.String,
  goals: Schema.Array(Schema.String),
  moves: Schema.Array(Schema.String),
  /** What the role's goals are measured by (absent for the facilitator and observers). */
  focus: Schema.optional(
    Schema.Struct({
      indicators: Schema.Array(Schema.String),
      month: Schema.Int,
      when: Schema.String,
    }).annotations({ identifier: "GoalFocus" }),
  ),
}).annotations({ identifier: "RoleBrief" })

/** The exercise as one viewer sees it, with the viewer's role brief: what GET /api/exercises/{id} answers. */
export const ExerciseViewSchema = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  pack: Schema.String,
  version: Schema.Int,
  roundMonths: Schema.Int,
  rounds: Schema.Int,
  horizonMonths: Schema.Int,
  month: Schema.Int,
  openRound: Schema.NullOr(Schema.Int),
  status: Schema.Literal("open", "finished"),
  you: Schema.Struct({
    actor: Schema.Union(ExerciseActor, Schema.Literal("observer")),
    teamId: Schema.String,
  }),
  teams: Schema.Array(
    Schema.Struct({ teamId: Schema.String, role: Schema.String, name: Schema.String, devices: Schema.Int }),
  ),
  budgets: Schema.NullOr(Budgets),
  remaining: Schema.NullOr(
    Schema.Struct({ usdM: Schema.NullOr(Schema.Number), moves: Schema.NullOr(Schema.Int) }),
  ),
  moves: Schema.Array(Schema.Union(VisibleMove, HiddenMove)),
  items: Schema.Array(ExerciseItemSchema),
  closedRounds: Schema.Array(ClosedRoundSchema),
  approval: Schema.Literal("free", "required"),
  clock: Schema.NullOr(RoundClockSettings),
  roundClock: Schema.NullOr(
    Schema.Struct({
      round: Schema.Int,
      running: Schema.Boolean,
      remainingMs: Schema.Number,
      at: Schema.Number,
    }),
  ),
  revealedRound: Schema.Int,
  observers: Schema.optional(Schema.Array(Schema.Struct({ observerId: Schema.String, name: Schema.String }))),
  plannedInjections: Schema.optional(Schema.Array(PlannedInjection)),
  brief: RoleBriefSchema,
  /** The server's clock (epoch ms) when it answered, so screens count the round clock down against it. */
  serverTime: Schema.optional(Schema.Number),
}).annotations({
  identifier: "ExerciseView",
  description:
    "Settings, teams, moves (other teams' pending moves only as { hidden: true, role, round }), offers and projects, closed rounds with their outcomes, and the caller's role brief",
})

// The view the code builds must be what the schema documents (checked by the compiler).
type Encoded = typeof ExerciseViewSchema.Encoded
const _viewFitsSchema = (view: ExerciseView, brief: RoleBrief): Encoded => ({ ...view, brief })
void _viewFitsSchema
