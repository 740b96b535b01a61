import {
  AdjudicationDecision,
  AdjudicationReason,
  ExerciseMove,
  RoundClockSet,
  RoundClockSettings,
  RoundNumber,
} from "@accord/domain"
import { Schema } from "effect"

export const AdjudicationBody = Schema.Struct({
  decision: AdjudicationDecision,
  /** Shown to the move's team. */
  reason: AdjudicationReason,
  /** The amended move (decision "amend" only): same type, within the move's schema. */
  move: Schema.optional(ExerciseMove),
}).annotations({ identifier: "AdjudicationRequest" })

export const ClockBody = Schema.Struct({
  action: Schema.Literal("start", "pause", "resume"),
  /** For "start": seconds on the clock (default: the exercise's round length). */
  seconds: Schema.optional(RoundClockSettings.fields.seconds),
}).annotations({ identifier: "RoundClockRequest" })

export const RevealBody = Schema.Struct({ round: RoundNumber }).annotations({ identifier: "RevealRequest" })

export const AdjudicatedMoveResponse = Schema.Struct({
  hidden: Schema.Literal(false),
  moveId: Schema.String,
  teamId: Schema.String,
  role: Schema.String,
  round: Schema.Int,
  status: Schema.Literal("pending"),
  move: ExerciseMove,
  description: Schema.String,
  adjudication: Schema.Struct({
    decision: Schema.Literal("approve", "amend", "reject"),
    reason: Schema.String,
  }),
  submitted: Schema.optional(ExerciseMove),
}).annotations({ identifier: "AdjudicatedMove" })

const RoundClock = Schema.Struct({
  round: RoundClockSet.fields.round,
  running: Schema.Boolean,
  remainingMs: RoundClockSet.fields.remainingMs.annotations({ description: "Left at `at`" }),
  at: RoundClockSet.fields.at.annotations({
    description: "Epoch ms; while running, the clock counts down from here",
  }),
}).annotations({ identifier: "RoundClock" })

export const RoundClockResponse = Schema.Struct({
  roundClock: Schema.NullOr(RoundClock),
  serverTime: Schema.Int.annotations({ description: "The server's clock (epoch ms) when it answered" }),
}).annotations({ identifier: "RoundClockState" })
