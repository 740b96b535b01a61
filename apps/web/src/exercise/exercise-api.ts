import type { MoveEffectRow } from "@accord/domain"
import { ApiError, api, followJob, type JobStatus, ok, type Schemas } from "../api-client.js"

/** The exercise as GET /api/exercises/:id answers it for the token's holder. */
export type ExerciseState = Schemas["ExerciseView"] & {
  readonly brief: Schemas["RoleBrief"]
  readonly serverTime: number
}

/** What to do about each refusal, in words a student can act on (the server's message says what is wrong). */
const ADVICE: Readonly<Record<string, string>> = {
  ExerciseNotFound:
    "Check the exercise id with your teacher: it has 12 letters and digits, like K7QM-3XRT-9PWD.",
  InvalidJoinCode: "Check the join code on your team's card (letters and digits; case does not matter).",
  Unauthorized: "This browser's key no longer opens the exercise: join again with your team's code.",
  TooManyRequests: "Wait a minute, then try again.",
  RoundAlreadyClosed: "The round has closed: your move was not recorded. Play it in the next round.",
  RoundNotOpen: "No round is open: wait for the facilitator.",
  BudgetExceeded: "Choose a smaller amount, or wait for the next round's budget.",
  MoveNotApplicable: "Pick another offer or project: this one cannot take that move now.",
  InvalidInput: "Check the highlighted values and try again.",
}

/** A refusal as a sentence: what is wrong, then what to do. */
export const explainError = (e: unknown): string => {
  if (!(e instanceof ApiError)) return "The service did not answer: check the connection and try again."
  const advice = ADVICE[e.tag]
  const what = e.message.charAt(0).toUpperCase() + e.message.slice(1)
  return advice === undefined ? `${what}.` : `${what}. ${advice}`
}

/** A refusal's own message, for the facilitator's tools (anything else as its text). */
export const refusalMessage = (e: unknown): string => (e instanceof ApiError ? e.message : String(e))

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const exercisePath = (id: string) => ({ path: { id } })

export type CreatedExercise = Schemas["CreatedExercise"]

/** Starts an exercise; the answer holds the facilitator's token and the join codes (shown once). */
export const createExercise = (body: Schemas["CreateExerciseRequest"]): Promise<CreatedExercise> =>
  ok(api.POST("/api/exercises", { body }))

/** Takes (or returns to) a team's seat with its join code; the name counts only for the seat's first device. */
export const joinExercise = (id: string, joinCode: string, name: string) =>
  ok(
    api.POST("/api/exercises/{id}/teams", {
      params: exercisePath(id),
      body: { joinCode, ...(name.trim() === "" ? {} : { name: name.trim() }) },
    }),
  )

/** The join codes again (facilitator only), for links and QR codes on any of the facilitator's devices. */
export const fetchJoinCodes = (id: string, token: string) =>
  ok(api.GET("/api/exercises/{id}/join-codes", { params: exercisePath(id), headers: bearer(token) }))

/** The exercise as this token's holder may see it. */
export const fetchExercise = async (id: string, token: string): Promise<ExerciseState> =>
  // The document does not describe the view's fields yet (issue 20): the domain's type does.
  (await ok(
    api.GET("/api/exercises/{id}", { params: exercisePath(id), headers: bearer(token) }),
  )) as ExerciseState

/** What each move type does in the model (the classroom guide's table). */
export const fetchMoveEffects = async (): Promise<ReadonlyArray<MoveEffectRow>> =>
  (await ok(api.GET("/api/exercise-moves"))).moves as ReadonlyArray<MoveEffectRow>

/** Submits a move for a round; a retry with the same moveId is answered with the original answer. */

export const submitMove = (id: string, token: string, moveId: string, round: number, move: unknown) =>
  ok(
    api.POST("/api/exercises/{id}/moves", {
      params: exercisePath(id),
      headers: bearer(token),
      body: { moveId, round, move: move as Schemas["ExerciseMove"] },
    }),
  )

/** Closes the open round (facilitator). */
export const closeRound = (id: string, token: string, round: number) =>
  ok(
    api.POST("/api/exercises/{id}/rounds/close", {
      params: exercisePath(id),
      headers: bearer(token),
      body: { round },
    }),
  )

/** The debrief (facilitator), as text in the format asked for. */
export const fetchDebrief = async (
  id: string,
  token: string,
  format: "json" | "markdown" | "html" | "csv",
): Promise<string> => {
  const first = await api.GET("/api/exercises/{id}/debrief", {
    params: { path: { id }, query: { format } },
    headers: bearer(token),
    parseAs: "text",
  })
  const text = await ok(Promise.resolve(first))
  // A large debrief is a job (202): the debrief is read from its status URL once it is there.
  if (first.response.status !== 202) return text
  const job = (JSON.parse(text) as Schemas["AnalysisStarted"]).id
  return followJob<string>("debrief", async () => {
    const now = await api.GET("/api/exercises/{id}/debrief/{job}", {
      params: { path: { id, job }, query: { format } },
      headers: bearer(token),
      parseAs: "text",
    })
    const body = await ok(Promise.resolve(now))
    return now.response.status === 202 ? { status: JSON.parse(body) as JobStatus } : { result: body }
  })
}

/**
 * Follows the exercise's Server-Sent Events with fetch (EventSource cannot send
 * the bearer token), calling `onEvent` for each event and reconnecting from the
 * last event id after a drop. Returns a function that stops it.
 */
export const followExercise = (
  id: string,
  token: string,
  onEvent: (type: string, version: number) => void,
  onStatus: (live: boolean) => void,
): (() => void) => {
  const controller = new AbortController()
  let lastId: number | undefined
  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`/api/exercises/${encodeURIComponent(id)}/stream`, {
          headers: {
            authorization: `Bearer ${token}`,
            accept: "text/event-stream",
            ...(lastId === undefined ? {} : { "last-event-id": String(lastId) }),
          },
          signal: controller.signal,
        })
        if (!response.ok || response.body === null) throw new Error(`stream: ${response.status}`)
        onStatus(true)
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ""
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          buffer += value
          let end = buffer.indexOf("\n\n")
          while (end >= 0) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            let type = "message"
            let eventId: number | undefined
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) type = line.slice(6).trim()
              if (line.startsWith("id:")) eventId = Number(line.slice(3).trim())
            }
            if (eventId !== undefined) {
              lastId = eventId
              onEvent(type, eventId)
            }
            end = buffer.indexOf("\n\n")
          }
        }
      } catch {
        // Dropped or refused: wait a little and reconnect from the last event seen.
      }
      onStatus(false)
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 1500))
    }
  }
  void connect()
  return () => controller.abort()
}
