import { ExerciseId } from "@accord/domain"
import { Schema } from "effect"
import type { Context } from "hono"
import { decodeStrict } from "../http/request-input.js"
import { normalizeExerciseId } from "./exercise-secrets.js"

const Path = Schema.Struct({ id: ExerciseId })

/** The exercise id of the path, checked. Ids are read aloud and typed: any case, with or without separators, names the same exercise. */
export const exerciseIdOf = (c: Context) =>
  decodeStrict(Path, "the path")({ id: normalizeExerciseId(c.req.param("id") ?? "") })
