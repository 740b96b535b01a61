import { randomBytes } from "node:crypto"
import {
  ExerciseName,
  eventTypesOf,
  foldTemplates,
  setupOf,
  TEMPLATES_STREAM,
  TemplateEvent,
  type TemplateId,
  type TemplateSaved,
} from "@accord/domain"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import { Forbidden, TemplateNotFound, Unauthorized } from "../http/api-error.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeJsonBody, decodeStrict } from "../http/request-input.js"
import { executeCommand, readFolded, type StreamKind } from "../streams/stream-command.js"
import { authenticateFacilitator, bearerToken } from "./exercise-auth.js"
import { hashSecret, sameHash } from "./exercise-secrets.js"

/** The templates stream: every template's events, folded to the templates saved and not deleted. */
const templateKind: StreamKind<ReadonlyArray<TemplateSaved>, TemplateEvent> = {
  name: "a template event",
  types: eventTypesOf(TemplateEvent) as ReadonlyArray<TemplateEvent["_tag"]>,
  initialState: [],
  evolve: (templates, event) => foldTemplates([...templates, event]),
}

export const SaveTemplateBody = Schema.Struct({
  fromExercise: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/)),
  name: ExerciseName,
}).annotations({ identifier: "SaveTemplateRequest" })

/** A template as listed: its setup, never its owner's hash. */
export const templateView = (t: TemplateSaved) => ({
  id: t.templateId as string,
  name: t.name,
  fromExercise: t.fromExercise,
  setup: t.setup,
})

const readTemplates = Effect.map(readFolded(templateKind, TEMPLATES_STREAM), ({ state }) => ({
  templates: state,
}))

/** A saved template; TemplateNotFound when there is none under `id` (or it was deleted). */
export const loadTemplate = (id: string) =>
  Effect.flatMap(readTemplates, ({ templates }) => {
    const found = templates.find((t) => t.templateId === id)
    return found === undefined
      ? Effect.fail(new TemplateNotFound({ message: `no exercise template '${id}'` }))
      : Effect.succeed(found)
  })

// Every template shares one stream: an append races only with another save or delete, and retries.
const appendTemplateEvent = (decide: (templates: ReadonlyArray<TemplateSaved>) => TemplateEvent) =>
  Effect.map(
    executeCommand(templateKind, TEMPLATES_STREAM, {
      decide: (templates) => Effect.succeed([decide(templates)]),
    }),
    ({ produced }) => produced[0] as TemplateEvent,
  )

const IdPath = Schema.Struct({ id: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/)) })

/**
 * /api/exercise-templates: a facilitator saves an exercise's setup (settings,
 * base scenario, rounds, budgets, the injections made per round) as a
 * template; anyone lists them; a new exercise starts a clean copy with
 * `POST /api/exercises { template, name }`. Deleting needs the token of the
 * facilitator who saved it (kept as a hash bound to the template).
 */
export const exerciseTemplateRoutes = (run: RunHandler<ApiServices>) => {
  const answer = run
  return new Hono()
    .post("/", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const body = yield* decodeJsonBody(c, SaveTemplateBody)
          const { state } = yield* authenticateFacilitator(c, body.fromExercise)
          const templateId = randomBytes(9).toString("base64url") as TemplateId
          const token = bearerToken(c) as string
          const saved = (yield* appendTemplateEvent(() => ({
            _tag: "TemplateSaved",
            v: 1,
            templateId,
            name: body.name,
            fromExercise: body.fromExercise,
            setup: setupOf(state),
            ownerTokenHash: hashSecret(templateId, "token", token),
          }))) as TemplateSaved
          c.header("location", `/api/exercise-templates/${templateId}`)
          return c.json(templateView(saved), 201)
        }),
      ),
    )
    .get("/", (c) =>
      answer(
        c,
        Effect.map(readTemplates, ({ templates }) => c.json({ templates: templates.map(templateView) }, 200)),
      ),
    )
    .get("/:id", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(IdPath, "the path")({ id: c.req.param("id") })
          return c.json(templateView(yield* loadTemplate(id)), 200)
        }),
      ),
    )
    .delete("/:id", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(IdPath, "the path")({ id: c.req.param("id") })
          const template = yield* loadTemplate(id)
          const token = bearerToken(c)
          if (token === undefined)
            return yield* new Unauthorized({
              message:
                "send 'Authorization: Bearer <token>' with the facilitator token that saved the template",
            })
          if (!sameHash(hashSecret(id, "token", token), template.ownerTokenHash))
            return yield* new Forbidden({
              message: "only the facilitator who saved this template may delete it",
            })
          yield* appendTemplateEvent(() => ({
            _tag: "TemplateDeleted",
            v: 1,
            templateId: template.templateId,
          }))
          return c.body(null, 204)
        }),
      ),
    )
}
