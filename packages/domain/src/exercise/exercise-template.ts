import { Schema } from "effect"
import { PackId } from "../ids.js"
import {
  Approval,
  BaseScenario,
  Budgets,
  ExerciseCreated,
  ExerciseName,
  PlannedInjection,
  RoundClockSettings,
  RoundNumber,
  SecretHash,
} from "./exercise-events.js"
import type { ActiveExercise } from "./exercise-state.js"

export const TemplateId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/),
  Schema.brand("TemplateId"),
).annotations({ identifier: "TemplateId" })
export type TemplateId = typeof TemplateId.Type

/** An exercise's setup, without its teams, moves or secrets: what a clean copy starts from. */
export const ExerciseSetup = Schema.Struct({
  pack: PackId,
  roundMonths: ExerciseCreated.fields.roundMonths,
  rounds: RoundNumber,
  seed: ExerciseCreated.fields.seed,
  runs: ExerciseCreated.fields.runs,
  horizonMonths: ExerciseCreated.fields.horizonMonths,
  budgets: Schema.optional(Budgets),
  baseScenario: Schema.optional(BaseScenario),
  approval: Schema.optional(Approval),
  clock: Schema.optional(RoundClockSettings),
  /** The facilitator's injections of the exercise it was saved from, by round. */
  plannedInjections: Schema.Array(PlannedInjection),
}).annotations({ identifier: "ExerciseSetup" })
export type ExerciseSetup = typeof ExerciseSetup.Type

/** A template saved from an exercise; `ownerTokenHash` (the saving facilitator's token, hashed) lets them delete it. */
export const TemplateSaved = Schema.TaggedStruct("TemplateSaved", {
  v: Schema.Literal(1),
  templateId: TemplateId,
  name: ExerciseName,
  fromExercise: Schema.String,
  setup: ExerciseSetup,
  ownerTokenHash: SecretHash,
}).annotations({ identifier: "TemplateSaved" })
export type TemplateSaved = typeof TemplateSaved.Type

export const TemplateDeleted = Schema.TaggedStruct("TemplateDeleted", {
  v: Schema.Literal(1),
  templateId: TemplateId,
}).annotations({ identifier: "TemplateDeleted" })
export type TemplateDeleted = typeof TemplateDeleted.Type

export const TemplateEvent = Schema.Union(TemplateSaved, TemplateDeleted).annotations({
  identifier: "TemplateEvent",
})
export type TemplateEvent = typeof TemplateEvent.Type

/** Every template lives in this one stream: listing them is one read. */
export const TEMPLATES_STREAM = "exercise-templates"

/** The templates the events leave, oldest first. */
export const foldTemplates = (events: Iterable<TemplateEvent>): ReadonlyArray<TemplateSaved> => {
  const templates = new Map<string, TemplateSaved>()
  for (const event of events) {
    if (event._tag === "TemplateSaved") templates.set(event.templateId, event)
    else templates.delete(event.templateId)
  }
  return [...templates.values()]
}

/** The setup of an exercise as a template keeps it: settings, base scenario and the facilitator's injections. */
export const setupOf = (state: ActiveExercise): ExerciseSetup => ({
  pack: state.pack,
  roundMonths: state.roundMonths,
  rounds: state.rounds,
  seed: state.seed,
  runs: state.runs,
  horizonMonths: state.horizonMonths,
  ...(state.budgets === undefined ? {} : { budgets: state.budgets }),
  ...(state.baseScenario === undefined ? {} : { baseScenario: state.baseScenario }),
  ...(state.approval === undefined ? {} : { approval: state.approval }),
  ...(state.clock === undefined ? {} : { clock: state.clock }),
  plannedInjections: [
    ...(state.plannedInjections ?? []).filter(
      (p) => !state.moves.some((m) => m.actor === "facilitator" && m.round === p.round),
    ),
    ...state.moves
      .filter((m) => m.actor === "facilitator")
      .map((m) => ({ round: m.round, move: m.submitted ?? m.move })),
  ].sort((a, b) => a.round - b.round),
})
