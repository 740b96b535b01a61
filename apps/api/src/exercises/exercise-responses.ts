import { MoveRef, RoundOutcomes, TeamRole, VoidedMove } from "@accord/domain"
import { Schema } from "effect"

export const CreatedExerciseResponse = Schema.Struct({
  id: Schema.String,
  facilitatorToken: Schema.String.annotations({ description: "Shown once; the service keeps only its hash" }),
  joinCodes: Schema.Struct({
    japan: Schema.String,
    ukraine: Schema.String,
    russia: Schema.String,
    observer: Schema.String.annotations({
      description: "Opens a read-only seat (projector, visiting teacher): sees only revealed rounds",
    }),
  }),
}).annotations({ identifier: "CreatedExercise" })

export const JoinedTeamResponse = Schema.Struct({
  id: Schema.String.annotations({ description: "The exercise id, normalized (XXXX-XXXX-XXXX)" }),
  teamId: Schema.String,
  role: Schema.Union(TeamRole, Schema.Literal("observer")),
  name: Schema.String.annotations({
    description: "The seat's team name (the first device's), or the observer's",
  }),
  token: Schema.String.annotations({
    description: "This device's bearer token (a team's or, read-only, an observer's); shown once",
  }),
  rejoined: Schema.Boolean.annotations({
    description: "true when the seat was taken before: this device joins the same team",
  }),
}).annotations({ identifier: "JoinedTeam" })

export const JoinCodesResponse = Schema.Struct({
  joinCodes: Schema.Struct({
    japan: Schema.String,
    ukraine: Schema.String,
    russia: Schema.String,
    observer: Schema.optional(Schema.String),
  }),
}).annotations({ identifier: "ExerciseJoinCodes" })

export const MoveAcceptedResponse = Schema.Struct({
  moveId: Schema.String,
  round: Schema.Int,
  role: Schema.String,
  teamId: Schema.String,
  status: Schema.Literal("pending"),
  version: Schema.Int,
}).annotations({ identifier: "MoveAccepted" })

export const RoundClosedResponse = Schema.Struct({
  round: Schema.Int,
  month: Schema.Int,
  openRound: Schema.NullOr(Schema.Int),
  applied: Schema.Array(MoveRef),
  voided: Schema.Array(VoidedMove),
  outcomes: RoundOutcomes,
}).annotations({ identifier: "RoundClosedResponse" })
