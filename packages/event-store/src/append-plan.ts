import type { AppendResult, ExpectedVersion, NewEvent } from "./recorded-event.js"
import { DuplicateEventIds, ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** An event ready for storage: `data` and `metadata` serialized once, before any backend sees them. */
export interface EncodedEvent {
  readonly eventId: string
  readonly type: string
  readonly v: number
  readonly data: string
  readonly metadata: string
}

/** Serializes a batch, refusing duplicate ids inside it and payloads that are not JSON. */
export const encodeBatch = (
  streamId: string,
  events: ReadonlyArray<NewEvent>,
): ReadonlyArray<EncodedEvent> | DuplicateEventIds | StorageFailure => {
  const seen = new Set<string>()
  const out: Array<EncodedEvent> = new Array(events.length)
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as NewEvent
    if (seen.has(event.eventId)) return new DuplicateEventIds({ stream: streamId, eventIds: [event.eventId] })
    seen.add(event.eventId)
    let data: string | undefined
    let metadata: string | undefined
    try {
      data = JSON.stringify(event.data)
      metadata = JSON.stringify(event.metadata ?? {})
    } catch (cause) {
      return new StorageFailure({ operation: "append", message: `event ${event.eventId}: ${String(cause)}` })
    }
    if (data === undefined) {
      return new StorageFailure({ operation: "append", message: `event ${event.eventId}: data is not JSON` })
    }
    out[i] = { eventId: event.eventId, type: event.type, v: event.v, data, metadata }
  }
  return out
}

/** Returns the conflict when a stream at `actual` does not satisfy `expected`. */
export const checkExpectedVersion = (
  stream: string,
  expected: ExpectedVersion,
  actual: number,
): ExpectedVersionMismatch | undefined => {
  const ok =
    expected === "any" ||
    (expected === "noStream" && actual === 0) ||
    (expected === "streamExists" && actual > 0) ||
    expected === actual
  return ok ? undefined : new ExpectedVersionMismatch({ stream, expected, actual })
}

/** Where an already-stored event id sits. */
export interface StoredId {
  readonly eventId: string
  readonly streamId: string
  readonly version: number
  readonly globalPosition: number
}

/**
 * Decides what a batch whose ids are partly or wholly stored means. A retry is recognised only when every
 * id is stored in this stream, at consecutive versions, in the batch's order: then it is a no-op that
 * returns the original positions. Anything else (a partial overlap, ids of another stream, another order)
 * is not a retry of one append, so it is refused as a whole.
 */
export const classifyStoredIds = (
  streamId: string,
  batch: ReadonlyArray<EncodedEvent>,
  stored: ReadonlyArray<StoredId>,
): AppendResult | DuplicateEventIds | undefined => {
  if (stored.length === 0) return undefined
  const byId = new Map(stored.map((row) => [row.eventId, row]))
  const refuse = () => new DuplicateEventIds({ stream: streamId, eventIds: stored.map((row) => row.eventId) })
  if (stored.length !== batch.length) return refuse()
  const positions = []
  for (let i = 0; i < batch.length; i++) {
    const row = byId.get((batch[i] as EncodedEvent).eventId)
    if (row === undefined || row.streamId !== streamId) return refuse()
    if (i > 0 && row.version !== (positions[i - 1] as StoredId).version + 1) return refuse()
    positions.push(row)
  }
  return {
    streamId,
    nextExpectedVersion: (positions[positions.length - 1] as StoredId).version,
    positions: positions.map(({ eventId, version, globalPosition }) => ({
      eventId,
      version,
      globalPosition,
    })),
    alreadyStored: true,
  }
}
