import { Either, Schema } from "effect"
import { currentEventVersions, DomainEvent, isDomainEventType } from "./domain-event.js"
import { type RawEvent, type UpcasterRegistry, upcastEvent, upcasterRegistry } from "./upcasters.js"
import { issuesFromParseError, ValidationIssue } from "./validation-issue.js"

/** A stored event this code cannot read: unknown type, a version it has no upcaster for, or bad data. */
export class UnreadableEvent extends Schema.TaggedError<UnreadableEvent>()("UnreadableEvent", {
  message: Schema.String,
  type: Schema.String,
  v: Schema.Number,
  issues: Schema.Array(ValidationIssue),
}) {}

const encodeEvent = Schema.encodeSync(DomainEvent)
const decodeEvent = Schema.decodeUnknownEither(DomainEvent)

/**
 * The stored form of an event: `type` and `v` for the columns, and the whole
 * encoded event (`_tag` and `v` included) as `data`, so that `data` decodes
 * with `DomainEvent` on its own once upcast.
 */
export const toStoredEvent = (event: DomainEvent): RawEvent => {
  const data = encodeEvent(event)
  return { type: data._tag, v: data.v, data }
}

/** Upcasts a stored event to its current version and decodes it. */
export const decodeStoredEvent = (
  raw: RawEvent,
  registry: UpcasterRegistry = upcasterRegistry,
): Either.Either<DomainEvent, UnreadableEvent> => {
  const unreadable = (message: string, issues: ReadonlyArray<ValidationIssue> = []) =>
    Either.left(new UnreadableEvent({ message, type: raw.type, v: raw.v, issues }))
  if (!isDomainEventType(raw.type)) return unreadable(`unknown event type '${raw.type}'`)
  const current = currentEventVersions[raw.type]
  if (raw.v > current) return unreadable(`${raw.type} v${raw.v} is newer than this code (v${current})`)
  const lifted = upcastEvent(raw, registry)
  if (lifted.v !== current) return unreadable(`no upcaster for ${raw.type} v${lifted.v} → v${lifted.v + 1}`)
  if (typeof lifted.data !== "object" || lifted.data === null)
    return unreadable(`${raw.type} data is not an object`)
  // The columns are authoritative: `_tag` and `v` inside data (if a writer kept them) are overridden.
  const decoded = decodeEvent({ ...lifted.data, _tag: lifted.type, v: lifted.v }, { errors: "all" })
  return Either.isLeft(decoded)
    ? unreadable(`${raw.type} v${raw.v} does not match its schema`, issuesFromParseError(decoded.left))
    : Either.right(decoded.right)
}
