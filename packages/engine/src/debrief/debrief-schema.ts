import { ExerciseActor, RoundOutcomes } from "@accord/domain"
import { Schema } from "effect"
import { ModelInfo } from "../model-version.js"
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
    hasBaseScenario: Schema.Boolean,
  }),
  timeline: Schema.Array(
    Schema.Struct({ role: ExerciseActor, team: Schema.String, moves: Schema.Array(DebriefMove) }),
  ),
  outcomes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      label: Schema.String,
      unit: Schema.String,
      count: Schema.Boolean,
      playedP10: Schema.Number,
      playedP90: Schema.Number,
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
      kind: Schema.Literal("move", "deal"),
      roles: Schema.Array(ExerciseActor),
      moves: Schema.Array(
        Schema.Struct({
          moveId: Schema.String,
          role: ExerciseActor,
          round: Schema.Int,
          description: Schema.String,
        }),
      ),
      effects: Schema.Array(
        Schema.Struct({
          indicator: Schema.String,
          deltaMean: Schema.Number,
          deltaP50: Schema.Number,
          standardError: Schema.Number,
          shareUp: Schema.Number,
          shareDown: Schema.Number,
        }),
      ),
    }),
  ),
  attributionTotal: Schema.Array(Schema.Struct({ indicator: Schema.String, deltaMean: Schema.Number })),
  attributionMethod: Schema.Struct({
    method: Schema.Literal("exact", "sampled"),
    units: Schema.Int,
    permutations: Schema.Int,
    note: Schema.String,
  }),
  teams: Schema.Array(
    Schema.Struct({
      role: ExerciseActor,
      team: Schema.String,
      lines: Schema.Array(
        Schema.Struct({
          description: Schema.String,
          effects: Schema.Array(
            Schema.Struct({ indicator: Schema.String, deltaMean: Schema.Number, text: Schema.String }),
          ),
        }),
      ),
    }),
  ),
  prompts: Schema.Array(Schema.String),
  topMovers: Schema.Array(
    Schema.Struct({
      indicator: Schema.String,
      label: Schema.String,
      unit: Schema.String,
      moves: Schema.Array(
        Schema.Struct({
          moveId: Schema.String,
          role: ExerciseActor,
          roles: Schema.Array(ExerciseActor),
          description: Schema.String,
          deltaMean: Schema.Number,
          text: Schema.String,
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
  model: ModelInfo,
}).annotations({ identifier: "Debrief" })

// The debrief the engine builds must be what the schema documents, both ways (checked by the compiler): a
// field the engine adds and the schema leaves out would be an undocumented field of the JSON answer.
const _debriefFitsSchema = (debrief: Debrief): typeof DebriefSchema.Encoded => debrief
const _schemaFitsDebrief = (documented: typeof DebriefSchema.Type): Debrief => documented
void _debriefFitsSchema
void _schemaFitsDebrief
