import { Schema, SchemaAST } from "effect"
import { CommitmentEvent } from "./commitment-events.js"
import { ScenarioEvent } from "./scenario-events.js"

/** Every event the domain records, across stream types: what the event store decodes on read. */
export const DomainEvent = Schema.Union(...CommitmentEvent.members, ...ScenarioEvent.members).annotations({
  identifier: "DomainEvent",
})
export type DomainEvent = typeof DomainEvent.Type
export type DomainEventType = DomainEvent["_tag"]

/** The `_tag` literal of a tagged struct, read off its AST. */
const tagOf = (ast: SchemaAST.AST): DomainEventType => {
  const tag = SchemaAST.getPropertySignatures(ast).find((p) => p.name === "_tag")?.type
  if (tag === undefined || !SchemaAST.isLiteral(tag)) throw new Error("a domain event without a literal _tag")
  return tag.literal as DomainEventType
}

/** Every domain event type, in a stable order. */
export const eventTypes: ReadonlyArray<DomainEventType> = DomainEvent.members.map((member) =>
  tagOf(member.ast),
)

/** The version each event type is written at today, read off the schemas' `v` literals. */
export const currentEventVersions: Readonly<Record<DomainEventType, number>> = Object.fromEntries(
  DomainEvent.members.map((member) => [tagOf(member.ast), member.fields.v.literals[0]]),
) as Record<DomainEventType, number>

/** Whether `type` names a domain event. */
export const isDomainEventType = (type: string): type is DomainEventType =>
  Object.hasOwn(currentEventVersions, type)
