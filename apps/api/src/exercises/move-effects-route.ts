import { ExerciseActor, type MoveEffectRow, moveEffectsTable } from "@accord/domain"
import { Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"

const MoveEffectRowSchema = Schema.Struct({
  move: Schema.String.annotations({ description: "The move type, as moves are sent" }),
  title: Schema.String,
  by: ExerciseActor,
  specChange: Schema.String.annotations({
    description: "The change to the scenario the engine runs when the move's round closes",
  }),
  moves: Schema.Array(Schema.Struct({ indicator: Schema.String, direction: Schema.Literal("up", "down") })),
  scope: Schema.optional(Schema.String),
}).annotations({
  identifier: "MoveEffectRow",
  description:
    "What a move type does in the model: the indicators it moves (up or down) when it is the only difference; every other indicator stays as it was",
})

export const MoveEffectsResponse = Schema.Struct({ moves: Schema.Array(MoveEffectRowSchema) })

// The table the domain keeps must be what the schema documents (checked by the compiler).
const _tableFitsSchema = (rows: ReadonlyArray<MoveEffectRow>): typeof MoveEffectsResponse.Encoded => ({
  moves: rows,
})
void _tableFitsSchema

/**
 * GET /api/exercise-moves: what every move type does in the model, for the move
 * form and the classroom guide. The same for every exercise of the pack and no
 * secret, so it needs no token (and keeps move types out of exercise views,
 * where a team must not learn another's pending move).
 */
export const moveEffectsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/exercise-moves",
    operationId: "listExerciseMoveEffects",
    tag: "exercises",
    summary: "What each move type does in the model: its spec change and the indicators it moves, up or down",
    responses: { 200: { description: "One row per move type", schema: MoveEffectsResponse } },
    handler: (c) =>
      Effect.sync(() => {
        c.header("cache-control", "public, max-age=3600")
        return c.json({ moves: moveEffectsTable }, 200)
      }),
  }),
]
