import { randomBytes } from "node:crypto"
import { type ExerciseCommand, ExerciseNotFound, type TeamId, type TeamRole, teamRoles } from "@accord/domain"
import { getConnInfo } from "@hono/node-server/conninfo"
import { Effect } from "effect"
import type { Context } from "hono"
import { InvalidJoinCode, TooManyRequests } from "../http/api-error.js"
import type { JoinBody } from "./exercise-requests.js"
import { hashSecret, matchHash, newToken, normalizeJoinCode } from "./exercise-secrets.js"
import { active, executeExerciseCommand } from "./exercise-stream.js"
import { countJoinAttempt, defaultJoinLimits } from "./join-rate-limit.js"

/** The client's address for rate limiting (the socket's; behind a proxy every client shares the proxy's). */
const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? "unknown"
  } catch {
    return "in-process"
  }
}

/** Counts a join attempt against the exercise's and the address's limits: 429 past either. */
export const limitJoins = (c: Context, exerciseId: string) =>
  Effect.gen(function* () {
    const wait = yield* countJoinAttempt(defaultJoinLimits, exerciseId, clientAddress(c))
    if (wait > 0)
      return yield* new TooManyRequests({
        message: `too many attempts to join; retry in ${wait} s`,
        retryAfterSeconds: wait,
      })
  })

/** The command a join code opens: a team's seat or an observer's, or InvalidJoinCode. */
const joinCommand = (
  id: string,
  state: Parameters<Parameters<typeof executeExerciseCommand>[1]>[0],
  body: typeof JoinBody.Type,
  seat: { readonly teamId: string; readonly token: string },
): Effect.Effect<
  { readonly command: ExerciseCommand; readonly role: TeamRole | "observer" },
  ExerciseNotFound | InvalidJoinCode
> => {
  if (state._tag === "EmptyExercise")
    return Effect.fail(new ExerciseNotFound({ message: `no exercise '${id}'`, exerciseId: id }))
  const hash = hashSecret(id, "join", normalizeJoinCode(body.joinCode))
  const role = matchHash<TeamRole | "observer">(hash, [
    ...teamRoles.map((r) => [r, state.joinCodeHashes[r]] as const),
    ...(state.observerCodeHash === undefined ? [] : [["observer", state.observerCodeHash] as const]),
  ])
  if (role === undefined)
    return Effect.fail(
      new InvalidJoinCode({
        message:
          "this join code opens no team of this exercise: check the exercise id and the code on your card",
      }),
    )
  const tokenHash = hashSecret(id, "token", seat.token)
  const command: ExerciseCommand =
    role === "observer"
      ? { _tag: "JoinObserver", observerId: seat.teamId as TeamId, name: body.name ?? "Observer", tokenHash }
      : {
          _tag: "JoinTeam",
          teamId: seat.teamId as TeamId,
          role,
          name: body.name ?? `Team ${role.charAt(0).toUpperCase()}${role.slice(1)}`,
          tokenHash,
        }
  return Effect.succeed({ command, role })
}

/** Takes a seat with a join code; the same team code again (another device) returns to that team. */
export const joinExercise = (id: string, body: typeof JoinBody.Type) =>
  Effect.gen(function* () {
    const teamId = randomBytes(9).toString("base64url")
    const token = newToken()
    let role: TeamRole | "observer" | undefined
    const { state, produced } = yield* executeExerciseCommand(id, (state) =>
      Effect.map(joinCommand(id, state, body, { teamId, token }), (joined) => {
        role = joined.role
        return joined.command
      }),
    )
    if (role === "observer") {
      const observer = active(state).observers.find((o) => o.observerId === teamId)
      return { id, teamId, role, name: observer?.name, token, rejoined: false }
    }
    // The seat may have been taken before (another device, or this one earlier): answer with its team.
    const seat = active(state).teams.find((t) => t.role === role)
    const rejoined = produced.some((e) => e._tag === "SeatRejoined")
    return { id, teamId: seat?.teamId, role, name: seat?.name, token, rejoined }
  })
