import type { ExerciseMove } from "@accord/domain"
import { ExerciseApiError, type ExerciseState } from "./exercise-api.js"

const base = (id: string) => `/api/exercises/${encodeURIComponent(id)}`

const send = async <T>(
  path: string,
  method: string,
  token: string | undefined,
  body?: unknown,
): Promise<T> => {
  const response = await fetch(path, {
    method,
    headers: {
      accept: "application/json",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  const parsed = text.length > 0 ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const e = (parsed ?? {}) as { error?: string; message?: string }
    throw new ExerciseApiError(response.status, e.error ?? "HttpError", e.message ?? response.statusText)
  }
  return parsed as T
}

export type Decision = "approve" | "amend" | "reject"

/** The facilitator rules on a pending move (the team sees the reason). */
export const adjudicateMove = (
  id: string,
  token: string,
  move: { readonly moveId: string; readonly teamId: string },
  decision: Decision,
  reason: string,
  amended?: ExerciseMove,
) =>
  send(
    `${base(id)}/moves/${encodeURIComponent(move.moveId)}/adjudication?team=${encodeURIComponent(move.teamId)}`,
    "POST",
    token,
    { decision, reason, ...(amended === undefined ? {} : { move: amended }) },
  )

/** Starts, pauses or resumes the round clock. */
export const setRoundClock = (id: string, token: string, action: "start" | "pause" | "resume") =>
  send<{ roundClock: ExerciseState["roundClock"]; serverTime: number }>(`${base(id)}/clock`, "POST", token, {
    action,
  })

/** Shows observers the closed rounds up to `round`. */
export const revealRound = (id: string, token: string, round: number) =>
  send<{ revealedRound: number }>(`${base(id)}/reveal`, "POST", token, { round })

export interface ExerciseTemplate {
  readonly id: string
  readonly name: string
  readonly fromExercise: string
  readonly setup: { readonly rounds: number; readonly roundMonths: number; readonly pack: string }
}

/** Saves the exercise's setup as a template (facilitator token of that exercise). */
export const saveTemplate = (id: string, token: string, name: string) =>
  send<ExerciseTemplate>("/api/exercise-templates", "POST", token, { fromExercise: id, name })

/** Every saved template. */
export const listTemplates = () =>
  send<{ templates: ReadonlyArray<ExerciseTemplate> }>("/api/exercise-templates", "GET", undefined)

/** Deletes a template (the token that saved it). */
export const deleteTemplate = (templateId: string, token: string) =>
  send(`/api/exercise-templates/${encodeURIComponent(templateId)}`, "DELETE", token)

/** The exercise log as text, for a download. */
export const fetchLog = async (id: string, token: string, format: "json" | "csv" | "markdown") => {
  const response = await fetch(`${base(id)}/log?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (!response.ok) throw new ExerciseApiError(response.status, "HttpError", `log: ${response.status}`)
  return response.text()
}
