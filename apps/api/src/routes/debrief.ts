import { type ActiveExercise, getPack } from "@accord/domain"
import {
  type Debrief,
  type DebriefFormat,
  DebriefSchema,
  debriefMediaType,
  debriefSimulations,
  renderDebrief,
} from "@accord/engine"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import { findAnalysis } from "../analysis/analysis-store.js"
import { debriefJobRequest } from "../exercises/debrief-job.js"
import { authenticateFacilitator } from "../exercises/exercise-auth.js"
import { bearerNote, DebriefRound, exercisePath } from "../exercises/exercise-requests.js"
import { NotFound } from "../http/api-error.js"
import { ReportFormatParam } from "../http/report-format.js"
import { defineRoute } from "../http/route.js"
import { checkExerciseWork } from "../simulation/exercise-work.js"
import { Simulator } from "../simulation/simulator.js"
import {
  AnalysisStarted,
  AnalysisStatus,
  analysisEvents,
  answerOrQueue,
  findJob,
  jobKeyOf,
  statusOf,
} from "./analysis-jobs.js"

const idParam = exercisePath
const tag = "exercises"
const bearer = bearerNote
const formatQuery = {
  format: { description: "json | markdown (md) | csv | html", schema: ReportFormatParam },
}

const answer = (c: Context, debrief: Debrief, format: DebriefFormat = "json") =>
  c.body(renderDebrief(debrief, format), 200, { "content-type": debriefMediaType[format] })

/** Where a debrief job of an exercise is read (its events at `/events`). */
const debriefJobUrl = (state: ActiveExercise, jobId: string) =>
  `/api/exercises/${state.exerciseId}/debrief/${jobId}`

const jobIdParam = { job: { description: "Debrief job id (as answered with a 202)", schema: Schema.UUID } }

/** A debrief job of this exercise (another exercise's is not found here), and its result once completed. */
const debriefOfJob = (state: ActiveExercise, jobId: string) =>
  Effect.gen(function* () {
    const job = yield* findJob("debrief", jobId)
    // The job's key names its exercise (startAnalysis's owner): another exercise's job is unknown here.
    if (!job.key.startsWith(jobKeyOf("debrief", "", state.exerciseId))) {
      return yield* new NotFound({ message: `no debrief job '${jobId}'`, resource: "analysis", id: jobId })
    }
    const result =
      job.status === "completed" && job.result !== undefined
        ? yield* findAnalysis("debrief", job.result)
        : undefined
    return { job, result }
  })

/**
 * GET /api/exercises/{id}/debrief: small debriefs answer at once; a large one (many coalitions of moves, a
 * class's long game) is a durable job any instance computes, read at /api/exercises/{id}/debrief/{job}.
 */
export const debriefRoutes = [
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/debrief",
    operationId: "exerciseDebrief",
    tag,
    summary:
      "The debrief (facilitator): timeline, outcomes vs baseline and no moves, leave-one-out attribution",
    description: `${bearer} ?format=json|markdown (md)|html|csv, ?round=n for the game as of round n. A large debrief (its simulations over the background threshold of a scenario run) is a durable job: it answers 202, its progress streams from /api/exercises/{id}/debrief/{job}/events and the debrief is at /api/exercises/{id}/debrief/{job} (both with the facilitator's token, on any instance); asked again while it runs, the same job answers; once stored, 200 with it.`,
    pathParams: idParam,
    security: "bearer",
    guard: (c, path) => authenticateFacilitator(c, path.id),
    query: {
      ...formatQuery,
      round: { description: "The game as of this round (0 = before any move)", schema: DebriefRound },
    },
    responses: {
      200: { description: "The debrief", schema: DebriefSchema, kind: "report" },
      202: { description: "A large debrief started in the background", schema: AnalysisStarted },
    },
    handler: (c, { guard: { state }, query }) =>
      Effect.gen(function* () {
        const pack = getPack(state.pack)
        if (pack === undefined) return yield* Effect.die(new Error(`pack ${state.pack} vanished`))
        const simulator = yield* Simulator
        const simulations = debriefSimulations(state, query.round)
        const work = yield* checkExerciseWork(pack, state, simulations, simulator.options.workCeiling)
        return yield* answerOrQueue(c, {
          kind: "debrief",
          work,
          threshold: simulator.options.backgroundThreshold,
          compute: simulator.debrief(pack, state, query.round),
          request: () => debriefJobRequest(state.exerciseId, state.version, query.round),
          total: simulations,
          owner: state.exerciseId,
          url: (id) => debriefJobUrl(state, id),
          answer: (result) => answer(c, result, query.format),
        })
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/debrief/{job}",
    operationId: "getExerciseDebrief",
    tag,
    summary: "A background debrief (facilitator): the debrief when completed, its progress otherwise",
    description: bearer,
    pathParams: { ...idParam, ...jobIdParam },
    security: "bearer",
    guard: (c, path) => authenticateFacilitator(c, path.id),
    query: formatQuery,
    responses: {
      200: { description: "The completed debrief", schema: DebriefSchema, kind: "report" },
      202: {
        description: "Still running, or failed or cancelled: see `status` and `error`",
        schema: AnalysisStatus,
      },
    },
    handler: (c, { path, guard: { state }, query }) =>
      Effect.map(debriefOfJob(state, path.job), ({ job, result }) =>
        result !== undefined ? answer(c, result, query.format) : c.json(statusOf(job), 202),
      ),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/debrief/{job}/events",
    operationId: "getExerciseDebriefEvents",
    tag,
    summary:
      "Server-Sent Events of a background debrief (facilitator): `progress` {done, total}, then `completed` {resultUrl}, or `failed` or `cancelled` with its status",
    description: bearer,
    pathParams: { ...idParam, ...jobIdParam },
    security: "bearer",
    guard: (c, path) => authenticateFacilitator(c, path.id),
    responses: { 200: { description: "The event stream", kind: "event-stream" } },
    handler: (c, { path, guard: { state } }) =>
      Effect.flatMap(debriefOfJob(state, path.job), ({ job }) =>
        analysisEvents(c, "debrief", path.job, job, debriefJobUrl(state, path.job)),
      ),
  }),
]
