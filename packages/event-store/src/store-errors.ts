import { Schema } from "effect"

/** The stream was not at the version the append expected; nothing was written. */
export class ExpectedVersionMismatch extends Schema.TaggedError<ExpectedVersionMismatch>()(
  "ExpectedVersionMismatch",
  {
    stream: Schema.String,
    expected: Schema.Union(Schema.Literal("any", "noStream", "streamExists"), Schema.Number),
    /** The stream's current version (0 when it has no events). */
    actual: Schema.Number,
  },
) {}

/**
 * Some event ids of a batch are already stored, but the batch is not a retry of stored events
 * (ids stored in another stream, at other versions, or only part of the batch stored). Nothing was written.
 */
export class DuplicateEventIds extends Schema.TaggedError<DuplicateEventIds>()("DuplicateEventIds", {
  stream: Schema.String,
  eventIds: Schema.Array(Schema.String),
}) {}

/** A stored event could not be upcast or decoded; names where it sits so it can be inspected. */
export class EventDecodeError extends Schema.TaggedError<EventDecodeError>()("EventDecodeError", {
  globalPosition: Schema.Number,
  streamId: Schema.String,
  version: Schema.Number,
  type: Schema.String,
  v: Schema.Number,
  message: Schema.String,
}) {}

/** The storage itself failed (database unreachable, disk full, malformed checkpoint, data not JSON). */
export class StorageFailure extends Schema.TaggedError<StorageFailure>()("StorageFailure", {
  operation: Schema.String,
  message: Schema.String,
}) {}
