import {
  type ActiveExercise,
  type ExerciseCommand,
  ExerciseViewSchema,
  exerciseView,
  observerBrief,
  roleBriefs,
  type TeamId,
} from "@accord/domain"
import { Clock, Effect } from "effect"
import { Forbidden } from "../http/api-error.js"
import { defineRoute } from "../http/route.js"
import { locationHeader } from "../openapi/response-headers.js"
import { authenticate, authenticateActor, authenticateFacilitator, bearerToken } from "./exercise-auth.js"
import { createExercise } from "./exercise-create.js"
import { exerciseFeed } from "./exercise-feed.js"
import { joinExercise, limitJoins } from "./exercise-join.js"
import {
  bearerNote,
  CloseBody,
  CreateExerciseBody,
  createExerciseIssues,
  exercisePath,
  FeedPosition,
  JoinBody,
  MoveBody,
} from "./exercise-requests.js"
import {
  CreatedExerciseResponse,
  JoinCodesResponse,
  JoinedTeamResponse,
  MoveAcceptedResponse,
  RoundClosedResponse,
} from "./exercise-responses.js"
import { openJoinCodes } from "./exercise-secrets.js"
import { active, executeExerciseCommand, loadExercise } from "./exercise-stream.js"
import { closeIfDue, closeRound } from "./round-close.js"

const idParam = exercisePath
const tag = "exercises"
const bearer = bearerNote

const moveAnswer = (state: ActiveExercise, teamId: string, moveId: string) => {
  const recorded = state.moves.find((m) => m.moveId === moveId && m.teamId === teamId)
  return {
    moveId,
    round: recorded?.round,
    role: recorded?.actor,
    teamId: recorded?.teamId,
    status: "pending" as const,
    version: recorded?.version,
  }
}

/**
 * /api/exercises: classroom exercises. Facilitator and teams authenticate with bearer tokens (random,
 * 256 bits) that the service keeps only as SHA-256 hashes bound to the exercise; join codes are hashed the
 * same way and joining is rate-limited per exercise and per client address. The facilitator's tools are in
 * facilitator-routes.ts.
 */
export const exercisesRoutes = [
  defineRoute({
    method: "post",
    path: "/api/exercises",
    operationId: "createExercise",
    tag,
    summary:
      "Start a classroom exercise (or a clean copy of a template): the facilitator's token, a join code per role and one for observers",
    body: CreateExerciseBody,
    bodyCheck: createExerciseIssues,
    responses: { 201: { description: "Created", schema: CreatedExerciseResponse, headers: locationHeader } },
    handler: (c, { body }) =>
      Effect.map(createExercise(body), (created) => {
        c.header("location", `/api/exercises/${created.id}`)
        return c.json(created, 201)
      }),
  }),
  defineRoute({
    method: "post",
    path: "/api/exercises/{id}/teams",
    operationId: "joinExercise",
    tag,
    summary:
      "Take a team's seat with its join code, or join read-only with the observers' code; the same team code again (any device, any number of times) returns to that seat (rate-limited per exercise and per address across every instance on the database: 429)",
    pathParams: idParam,
    guard: (c, path) => limitJoins(c, path.id),
    body: JoinBody,
    responses: { 201: { description: "Joined", schema: JoinedTeamResponse } },
    handler: (c, { path, body }) => Effect.map(joinExercise(path.id, body), (joined) => c.json(joined, 201)),
  }),
  defineRoute({
    method: "post",
    path: "/api/exercises/{id}/moves",
    operationId: "submitMove",
    tag,
    summary: "Submit a move for the open round (team or facilitator token)",
    description: `${bearer} Move ids are scoped per team: the same moveId again from the same team answers the original answer; another team's id is free. A move outside the role, or any move from an observer, is 403; a closed round 409.`,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticateActor(c, path.id),
    body: MoveBody,
    responses: { 201: { description: "Recorded", schema: MoveAcceptedResponse } },
    handler: (c, { path, guard: { viewer }, body }) =>
      Effect.map(
        executeExerciseCommand(path.id, () =>
          Effect.succeed<ExerciseCommand>({
            _tag: "SubmitMove",
            moveId: body.moveId,
            actor: viewer.actor,
            teamId: viewer.teamId as TeamId,
            round: body.round,
            move: body.move,
          }),
        ),
        ({ state }) => c.json(moveAnswer(active(state), viewer.teamId, body.moveId), 201),
      ),
  }),
  defineRoute({
    method: "post",
    path: "/api/exercises/{id}/rounds/close",
    operationId: "closeRound",
    tag,
    summary:
      "Close the open round (facilitator): its moves apply and every indicator is projected to the horizon",
    description: `${bearer} An optional body { "round": n } makes a retried close fail with 409 instead of closing the next round.`,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticateFacilitator(c, path.id),
    // The body is optional: none (or an empty one) closes whichever round is open. A body, when
    // sent, is read like any other (415 for another media type, depth limit, strict decode).
    body: CloseBody,
    bodyOptional: true,
    responses: { 200: { description: "The round's outcomes", schema: RoundClosedResponse } },
    handler: (c, { path, body }) =>
      Effect.map(closeRound(path.id, body.round), (closed) => c.json(closed, 200)),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}",
    operationId: "getExercise",
    tag,
    summary: "The exercise as the token's holder may see it",
    description: `${bearer} With auto-close chosen, a read after the round clock ran out closes the round first. \`serverTime\` (epoch ms) lets a client count the clock down without trusting its own.`,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticate(c, path.id),
    responses: { 200: { description: "The exercise", schema: ExerciseViewSchema } },
    handler: (c, { path: { id }, guard: first }) =>
      Effect.gen(function* () {
        // A read after the clock ran out closes the round, when the facilitator chose auto-close.
        const closed = yield* closeIfDue(id, first.state)
        const state = closed ? active((yield* loadExercise(id)).state) : first.state
        const { viewer } = first
        const brief = viewer.actor === "observer" ? observerBrief : roleBriefs[viewer.actor]
        const serverTime = yield* Clock.currentTimeMillis
        return c.json({ ...exerciseView(state, viewer), brief, serverTime }, 200)
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/join-codes",
    operationId: "exerciseJoinCodes",
    tag,
    summary:
      "The join codes again (facilitator): stored sealed under the facilitator's token, so any device of the facilitator can show links and QR codes",
    description: bearer,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticateFacilitator(c, path.id),
    responses: { 200: { description: "The join codes", schema: JoinCodesResponse } },
    handler: (c, { path, guard: { state } }) => {
      const codes =
        state.joinCodesSealed === undefined
          ? undefined
          : openJoinCodes(path.id, bearerToken(c) ?? "", state.joinCodesSealed)
      return codes === undefined
        ? Effect.fail(
            new Forbidden({
              message:
                "this exercise keeps no join codes to show again (it was made before seats): use the codes shown when it was created",
            }),
          )
        : Effect.succeed(c.json({ joinCodes: codes }, 200))
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/stream",
    operationId: "followExercise",
    tag,
    summary:
      "Server-Sent Events of joins, moves and round closes (id = stream version; resume with Last-Event-ID or ?after=)",
    description: bearer,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticate(c, path.id),
    query: {
      after: {
        description: "Resume after this stream version (Last-Event-ID wins when both are sent)",
        schema: FeedPosition,
      },
    },
    headers: {
      "Last-Event-ID": {
        description: "The id of the last event received: resume after it",
        schema: FeedPosition,
      },
    },
    responses: { 200: { description: "The live feed", kind: "event-stream" } },
    handler: (_c, { path, guard: { events, state, viewer }, query, headers }) =>
      exerciseFeed(path.id, viewer, headers["Last-Event-ID"] ?? query.after ?? state.version, events),
  }),
]
