import { ExerciseActor, RoundOutcomes } from "@accord/domain"
import { Schema } from "effect"
import type { Debrief } from "./debrief.js"

const HorizonDelta = Schema.Struct({
  p10: Schema.Number,
  p50: Schema.Number,
  p90: Schema.Number,
  mean: Schema.Number,
})

const DebriefMove = Schema.Struct({
  moveId: Schema.String,
  round: Schema.Int,
  month: Schema.NullOr(Schema.Int),
  description: Schema.String,
  status: Schema.Literal("pending", "applied", "void"),
  reason: Schema.NullOr(Schema.String),
})

/** The JSON debrief of a classroom exercise, as GET /api/exercises/{id}/debrief answers it. */
export const DebriefSchema = Schema.Struct({
  hash: Schema.String,
  exercise: Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    pack: Schema.String,
    rounds: Schema.Int,
    roundsClosed: Schema.Int,
    roundMonths: Schema.Int,
    horizonMonths: Schema.Int,
    runs: Schema.Int,
    seed: Schema.Int,
    asOfRound: Schema.Int,
    month: Schema.Int,
  }),
  timeline: Schema.Array(
    Schema.Struct({ role: ExerciseActor, team: Schema.String, moves: Schema.Array(DebriefMove) }),
  ),
  outcomes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      label: Schema.String,
      unit: Schema.String,
      playedP50: Schema.Number,
      baselineP50: Schema.Number,
      noMovesP50: Schema.Number,
      vsBaseline: HorizonDelta,
      vsNoMoves: HorizonDelta,
    }),
  ),
  attribution: Schema.Array(
    Schema.Struct({
      moveId: Schema.String,
      role: ExerciseActor,
      round: Schema.Int,
      description: Schema.String,
      effects: Schema.Array(
        Schema.Struct({ indicator: Schema.String, deltaMean: Schema.Number, deltaP50: Schema.Number }),
      ),
    }),
  ),
  topMovers: Schema.Array(
    Schema.Struct({
      indicator: Schema.String,
      label: Schema.String,
      unit: Schema.String,
      moves: Schema.Array(
        Schema.Struct({
          moveId: Schema.String,
          role: ExerciseActor,
          description: Schema.String,
          deltaMean: Schema.Number,
        }),
      ),
    }),
  ),
  rounds: Schema.Array(
    Schema.Struct({
      round: Schema.Int,
      month: Schema.Int,
      movesApplied: Schema.Int,
      movesVoid: Schema.Int,
      outcomes: RoundOutcomes,
    }),
  ),
  model: Schema.Struct({ version: Schema.String, disclaimer: Schema.String, modelCard: Schema.String }),
}).annotations({ identifier: "Debrief" })

// The debrief the engine builds must be what the schema documents (checked by the compiler).
const _debriefFitsSchema = (debrief: Debrief): typeof DebriefSchema.Encoded => debrief
void _debriefFitsSchema
