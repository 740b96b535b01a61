import { Schema, SchemaAST } from "effect"
import { CommitmentEvent } from "./commitment-events.js"
import { ExerciseEvent } from "./exercise/exercise-events.js"
import { TemplateEvent } from "./exercise/exercise-template.js"
import { ObservationRecorded } from "./observation-events.js"
import { ScenarioEvent } from "./scenario-events.js"

/**
 * Every event the domain records, across stream types: what the event store decodes (and upcasts) on
 * read. Each stream narrows it to its own events (see apps/api's stream-commands.ts).
 */
export const DomainEvent = Schema.Union(
  ...CommitmentEvent.members,
  ...ScenarioEvent.members,
  ...ExerciseEvent.members,
  ObservationRecorded,
  ...TemplateEvent.members,
).annotations({ identifier: "DomainEvent" })
export type DomainEvent = typeof DomainEvent.Type
export type DomainEventType = DomainEvent["_tag"]

/** The `_tag` literal of a tagged struct, read off its AST. */
const tagOf = (ast: SchemaAST.AST): DomainEventType => {
  const tag = SchemaAST.getPropertySignatures(ast).find((p) => p.name === "_tag")?.type
  if (tag === undefined || !SchemaAST.isLiteral(tag)) throw new Error("a domain event without a literal _tag")
  return tag.literal as DomainEventType
}

/** The event types of a union of tagged events (one stream's, or all of them), in its order. */
export const eventTypesOf = (union: {
  readonly members: ReadonlyArray<{ readonly ast: SchemaAST.AST }>
}): ReadonlyArray<DomainEventType> => union.members.map((member) => tagOf(member.ast))

/** Every domain event type, in a stable order. */
export const eventTypes: ReadonlyArray<DomainEventType> = eventTypesOf(DomainEvent)

/** The version each event type is written at today, read off the schemas' `v` literals. */
export const currentEventVersions: Readonly<Record<DomainEventType, number>> = Object.fromEntries(
  DomainEvent.members.map((member) => [tagOf(member.ast), member.fields.v.literals[0]]),
) as Record<DomainEventType, number>

/** Whether `type` names a domain event. */
export const isDomainEventType = (type: string): type is DomainEventType =>
  Object.hasOwn(currentEventVersions, type)
