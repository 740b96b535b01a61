import { type ActiveExercise, type ExerciseViewer, FACILITATOR_TEAM_ID } from "@accord/domain"
import { Effect } from "effect"
import type { Context } from "hono"
import { Forbidden, Unauthorized } from "../http/api-error.js"
import { hashSecret, matchHash } from "./exercise-secrets.js"
import { loadExercise } from "./exercise-stream.js"

/** The bearer token of a request, if any (never logged). */
export const bearerToken = (c: Context): string | undefined => {
  const header = c.req.header("authorization")
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header.trim())
  return match?.[1]
}

/** Who holds this token in the exercise: the facilitator, a team, an observer, or nobody. */
export const viewerOf = (state: ActiveExercise, token: string): ExerciseViewer | undefined => {
  const hash = hashSecret(state.exerciseId, "token", token)
  return matchHash<ExerciseViewer>(hash, [
    [{ actor: "facilitator", teamId: FACILITATOR_TEAM_ID }, state.facilitatorTokenHash],
    ...state.teams.flatMap((t) =>
      t.tokenHashes.map((tokenHash) => [{ actor: t.role, teamId: t.teamId }, tokenHash] as const),
    ),
    ...state.observers.map((o) => [{ actor: "observer", teamId: o.observerId }, o.tokenHash] as const),
  ])
}

/** Loads the exercise and identifies the caller by its bearer token; 401 without a token of this exercise. */
export const authenticate = (c: Context, exerciseId: string) =>
  Effect.gen(function* () {
    const loaded = yield* loadExercise(exerciseId)
    const token = bearerToken(c)
    const viewer = token === undefined ? undefined : viewerOf(loaded.state as ActiveExercise, token)
    if (viewer === undefined)
      return yield* new Unauthorized({
        message: "send 'Authorization: Bearer <token>' with a token of this exercise",
      })
    return { ...loaded, state: loaded.state as ActiveExercise, viewer }
  })

/** As authenticate, and only the facilitator passes. */
export const authenticateFacilitator = (c: Context, exerciseId: string) =>
  Effect.flatMap(authenticate(c, exerciseId), (auth) =>
    auth.viewer.actor === "facilitator"
      ? Effect.succeed(auth)
      : Effect.fail(new Forbidden({ message: "only the facilitator may do this" })),
  )

/** As authenticate, and observers (read-only) are refused: 403 for any move they send. */
export const authenticateActor = (c: Context, exerciseId: string) =>
  Effect.flatMap(authenticate(c, exerciseId), (auth) =>
    auth.viewer.actor === "observer"
      ? Effect.fail(new Forbidden({ message: "observers watch the exercise: they cannot make moves" }))
      : Effect.succeed({ ...auth, viewer: { actor: auth.viewer.actor, teamId: auth.viewer.teamId } }),
  )
