import { api, ok, type Schemas } from "../api-client.js"
import type { ExerciseState } from "./exercise-api.js"

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export type Decision = "approve" | "amend" | "reject"

/** The facilitator rules on a pending move (the team sees the reason). */
export const adjudicateMove = (
  id: string,
  token: string,
  move: { readonly moveId: string; readonly teamId: string },
  decision: Decision,
  reason: string,
  amended?: Schemas["ExerciseMove"],
) =>
  ok(
    api.POST("/api/exercises/{id}/moves/{moveId}/adjudication", {
      params: { path: { id, moveId: move.moveId }, query: { team: move.teamId } },
      headers: bearer(token),
      body: {
        decision,
        reason,
        ...(amended === undefined ? {} : { move: amended }),
      },
    }),
  )

/** Starts, pauses or resumes the round clock. */
export const setRoundClock = async (
  id: string,
  token: string,
  action: "start" | "pause" | "resume",
): Promise<{ roundClock: ExerciseState["roundClock"]; serverTime: number }> =>
  (await ok(
    api.POST("/api/exercises/{id}/clock", {
      params: { path: { id } },
      headers: bearer(token),
      body: { action },
    }),
  )) as { roundClock: ExerciseState["roundClock"]; serverTime: number }

/** Shows observers the closed rounds up to `round`. */
export const revealRound = (id: string, token: string, round: number) =>
  ok(
    api.POST("/api/exercises/{id}/reveal", {
      params: { path: { id } },
      headers: bearer(token),
      body: { round },
    }),
  )

export type ExerciseTemplate = Schemas["ExerciseTemplate"]

/** Saves the exercise's setup as a template (facilitator token of that exercise). */
export const saveTemplate = (id: string, token: string, name: string) =>
  ok(api.POST("/api/exercise-templates", { headers: bearer(token), body: { fromExercise: id, name } }))

/** Every saved template. */
export const listTemplates = () => ok(api.GET("/api/exercise-templates"))

/** Deletes a template (the token that saved it). */
export const deleteTemplate = (templateId: string, token: string) =>
  ok(
    api.DELETE("/api/exercise-templates/{id}", {
      params: { path: { id: templateId } },
      headers: bearer(token),
    }),
  )

/** The exercise log as text, for a download. */
export const fetchLog = (id: string, token: string, format: "json" | "csv" | "markdown") =>
  ok(
    api.GET("/api/exercises/{id}/log", {
      params: { path: { id }, query: { format } },
      headers: bearer(token),
      parseAs: "text",
    }),
  )
