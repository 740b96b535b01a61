import type { ExerciseView, IndicatorOutcome, MoveEffectRow, RoleBrief } from "@accord/domain"

/** The exercise as GET /api/exercises/:id answers it for the token's holder. */
export type ExerciseState = ExerciseView & { readonly brief: RoleBrief; readonly serverTime: number }
export type { IndicatorOutcome }

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
  if (!(e instanceof ExerciseApiError))
    return "The service did not answer: check the connection and try again."
  const advice = ADVICE[e.tag]
  const what = e.message.charAt(0).toUpperCase() + e.message.slice(1)
  return advice === undefined ? `${what}.` : `${what}. ${advice}`
}

/** A refusal from the exercise API, with its tag (e.g. MoveNotAllowedForRole). */
export class ExerciseApiError extends Error {
  constructor(
    readonly status: number,
    readonly tag: string,
    message: string,
  ) {
    super(message)
  }
}

const call = async <T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> => {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: {
      accept: "application/json",
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  const body = text.length > 0 ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const e = (body ?? {}) as { error?: string; message?: string }
    throw new ExerciseApiError(response.status, e.error ?? "HttpError", e.message ?? response.statusText)
  }
  return body as T
}

export interface CreatedExercise {
  readonly id: string
  readonly facilitatorToken: string
  readonly joinCodes: {
    readonly japan: string
    readonly ukraine: string
    readonly russia: string
    readonly observer: string
  }
}

const base = (id: string) => `/api/exercises/${encodeURIComponent(id)}`

/** Starts an exercise; the answer holds the facilitator's token and the join codes (shown once). */
export const createExercise = (
  body:
    | {
        pack: string
        name: string
        rounds: number
        roundMonths: number
        seed?: number
        approval?: "free" | "required"
        clock?: { seconds: number; autoClose?: boolean }
      }
    | { template: string; name: string },
): Promise<CreatedExercise> => call("/api/exercises", { method: "POST", body })

/** Takes (or returns to) a team's seat with its join code; the name counts only for the seat's first device. */
export const joinExercise = (id: string, joinCode: string, name: string) =>
  call<{ id: string; teamId: string; role: string; name: string; token: string; rejoined: boolean }>(
    `${base(id)}/teams`,
    { method: "POST", body: { joinCode, ...(name.trim() === "" ? {} : { name: name.trim() }) } },
  )

/** The join codes again (facilitator only), for links and QR codes on any of the facilitator's devices. */
export const fetchJoinCodes = (id: string, token: string) =>
  call<{ joinCodes: CreatedExercise["joinCodes"] }>(`${base(id)}/join-codes`, { token })

/** The exercise as this token's holder may see it. */
export const fetchExercise = (id: string, token: string) => call<ExerciseState>(base(id), { token })

/** Submits a move for a round; a retry with the same moveId is answered with the original answer. */
/** What each move type does in the model (the classroom guide's table). */
export const fetchMoveEffects = async (): Promise<ReadonlyArray<MoveEffectRow>> =>
  (await call<{ moves: ReadonlyArray<MoveEffectRow> }>("/api/exercise-moves")).moves

export const submitMove = (id: string, token: string, moveId: string, round: number, move: unknown) =>
  call<{ moveId: string }>(`${base(id)}/moves`, { method: "POST", token, body: { moveId, round, move } })

/** Closes the open round (facilitator). */
export const closeRound = (id: string, token: string, round: number) =>
  call<{ round: number; outcomes: { indicators: ReadonlyArray<IndicatorOutcome> } }>(
    `${base(id)}/rounds/close`,
    {
      method: "POST",
      token,
      body: { round },
    },
  )

/** The debrief (facilitator), as parsed JSON or as text in another format. */
export const fetchDebrief = async (
  id: string,
  token: string,
  format: "json" | "markdown" | "html" | "csv",
) => {
  const response = await fetch(`${base(id)}/debrief?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (!response.ok) throw new ExerciseApiError(response.status, "HttpError", `debrief: ${response.status}`)
  return response.text()
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
        const response = await fetch(`${base(id)}/stream`, {
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
