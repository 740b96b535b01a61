import { ExerciseId } from "@accord/domain"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeStrict } from "../http/request-input.js"
import { exerciseStatusByTag, TooManyRequests } from "./exercise-http-errors.js"
import { normalizeExerciseId } from "./exercise-secrets.js"

type Failure = { readonly _tag: string; readonly message: string }
const isExerciseFailure = (e: unknown): e is Failure =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as Failure)._tag === "string" &&
  (e as Failure)._tag in exerciseStatusByTag

/** Runs an exercise handler: exercise errors map to their statuses here, the rest to the app's mapping. */
export const exerciseAnswer =
  (run: RunHandler<ApiServices>) =>
  <E>(c: Context, effect: Effect.Effect<Response, E, ApiServices>) =>
    run(
      c,
      effect.pipe(
        Effect.catchAll((e: E) => {
          if (!isExerciseFailure(e)) return Effect.fail(e)
          return Effect.sync(() => {
            if (e instanceof TooManyRequests) c.header("retry-after", String(e.retryAfterSeconds))
            return c.json(
              { error: e._tag, message: e.message, issues: [] },
              exerciseStatusByTag[e._tag] as 400,
            )
          })
        }),
      ),
    )

const Path = Schema.Struct({ id: ExerciseId })

/** The exercise id of the path, checked. Ids are read aloud and typed: any case, with or without separators, names the same exercise. */
export const exerciseIdOf = (c: Context) =>
  decodeStrict(Path, "the path")({ id: normalizeExerciseId(c.req.param("id") ?? "") })
