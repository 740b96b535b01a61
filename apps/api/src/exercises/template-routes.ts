import { randomBytes } from "node:crypto"
import { ExerciseSetup, setupOf, TemplateId, type TemplateSaved } from "@accord/domain"
import { Effect, Schema } from "effect"
import type { Context } from "hono"
import { Forbidden, Unauthorized } from "../http/api-error.js"
import { defineRoute } from "../http/route.js"
import { authenticateFacilitator, bearerToken } from "./exercise-auth.js"
import { hashSecret, sameHash } from "./exercise-secrets.js"
import {
  appendTemplateEvent,
  loadTemplate,
  readTemplates,
  SaveTemplateBody,
  templateView,
} from "./template-store.js"

const TemplateResponse = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  fromExercise: Schema.String,
  setup: ExerciseSetup,
}).annotations({ identifier: "ExerciseTemplate" })

const templateIdParam = { id: { description: "Template id", schema: TemplateId } }
const tag = "exercises"

/** Saves the setup of the exercise whose facilitator token the request carries. */
const saveTemplate = (c: Context, body: typeof SaveTemplateBody.Type) =>
  Effect.gen(function* () {
    const { state } = yield* authenticateFacilitator(c, body.fromExercise)
    const templateId = randomBytes(9).toString("base64url") as TemplateId
    const token = bearerToken(c) as string
    return (yield* appendTemplateEvent(() => ({
      _tag: "TemplateSaved",
      v: 1,
      templateId,
      name: body.name,
      fromExercise: body.fromExercise,
      setup: setupOf(state),
      ownerTokenHash: hashSecret(templateId, "token", token),
    }))) as TemplateSaved
  })

/** Deletes a template: only with the token that saved it. */
const deleteTemplate = (c: Context, id: TemplateId) =>
  Effect.gen(function* () {
    const template = yield* loadTemplate(id)
    const token = bearerToken(c)
    if (token === undefined)
      return yield* new Unauthorized({
        message: "send 'Authorization: Bearer <token>' with the facilitator token that saved the template",
      })
    if (!sameHash(hashSecret(id, "token", token), template.ownerTokenHash))
      return yield* new Forbidden({ message: "only the facilitator who saved this template may delete it" })
    yield* appendTemplateEvent(() => ({ _tag: "TemplateDeleted", v: 1, templateId: template.templateId }))
  })

/**
 * /api/exercise-templates: a facilitator saves an exercise's setup (settings, base scenario, rounds, budgets,
 * the injections made per round) as a template; anyone lists them; a new exercise starts a clean copy with
 * `POST /api/exercises { template, name }`. Deleting needs the token of the facilitator who saved it (kept as
 * a hash bound to the template).
 */
export const templateRoutes = [
  defineRoute({
    method: "post",
    path: "/api/exercise-templates",
    operationId: "saveExerciseTemplate",
    security: "bearer",
    tag,
    summary:
      "Save an exercise's setup (teams' budgets, base scenario, rounds, injections per round) as a template",
    description: "Send the facilitator token of `fromExercise`; the same token deletes the template later.",
    body: SaveTemplateBody,
    responses: { 201: { description: "Saved", schema: TemplateResponse } },
    handler: (c, { body }) =>
      Effect.map(saveTemplate(c, body), (saved) => {
        c.header("location", `/api/exercise-templates/${saved.templateId}`)
        return c.json(templateView(saved), 201)
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercise-templates",
    operationId: "listExerciseTemplates",
    tag,
    summary: "Every saved template (start a clean copy with POST /api/exercises { template, name })",
    responses: {
      200: {
        description: "The templates",
        schema: Schema.Struct({ templates: Schema.Array(TemplateResponse) }),
      },
    },
    handler: (c) =>
      Effect.map(readTemplates, ({ templates }) => c.json({ templates: templates.map(templateView) }, 200)),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercise-templates/{id}",
    operationId: "getExerciseTemplate",
    tag,
    summary: "One template",
    pathParams: templateIdParam,
    responses: { 200: { description: "The template", schema: TemplateResponse } },
    handler: (c, { path }) => Effect.map(loadTemplate(path.id), (t) => c.json(templateView(t), 200)),
  }),
  defineRoute({
    method: "delete",
    path: "/api/exercise-templates/{id}",
    operationId: "deleteExerciseTemplate",
    security: "bearer",
    tag,
    summary: "Delete a template (the facilitator token that saved it)",
    pathParams: templateIdParam,
    responses: { 204: { description: "Deleted" } },
    handler: (c, { path }) => Effect.map(deleteTemplate(c, path.id), () => c.body(null, 204)),
  }),
]
