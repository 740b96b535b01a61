import {
  ExerciseName,
  eventTypesOf,
  foldTemplates,
  TEMPLATES_STREAM,
  TemplateEvent,
  type TemplateSaved,
} from "@accord/domain"
import { Effect, Schema } from "effect"
import { TemplateNotFound } from "../http/api-error.js"
import { executeCommand, readFolded, type StreamKind } from "../streams/stream-command.js"

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

export const readTemplates = Effect.map(readFolded(templateKind, TEMPLATES_STREAM), ({ state }) => ({
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
export const appendTemplateEvent = (decide: (templates: ReadonlyArray<TemplateSaved>) => TemplateEvent) =>
  Effect.map(
    executeCommand(templateKind, TEMPLATES_STREAM, {
      decide: (templates) => Effect.succeed([decide(templates)]),
    }),
    ({ produced }) => produced[0] as TemplateEvent,
  )
