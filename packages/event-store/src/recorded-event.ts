import type { Brand } from "effect"

/** The stream version an append expects: any, no stream yet, an existing stream, or an exact version. */
export type ExpectedVersion = "any" | "noStream" | "streamExists" | number

/** An event to append; the store stays payload-agnostic and keeps `data` and `metadata` as JSON. */
export interface NewEvent {
  readonly eventId: string
  readonly type: string
  /** Schema version of `data`, used by upcasters. */
  readonly v: number
  readonly data: unknown
  readonly metadata?: unknown
}

/** A position in the global log to resume reading from; opaque (its format differs per backend). */
export type Checkpoint = string & Brand.Brand<"@accord/event-store/Checkpoint">

/** The checkpoint before the first event of the log, on every backend. */
export const checkpointStart = "0" as Checkpoint

/** Reads a checkpoint that a caller stored as plain text (e.g. a projection's saved position). */
export const checkpointFromString = (text: string): Checkpoint => text as Checkpoint

/** An event as stored and read back, with `data` decoded to `E` when a codec was given. */
export interface RecordedEvent<E = unknown> {
  readonly eventId: string
  readonly streamId: string
  /** Position in its stream: the first event of a stream has version 1. */
  readonly version: number
  /** Position in the global log: increasing in commit order (dense on memory and SQLite). */
  readonly globalPosition: number
  /** When the store recorded the event (from the Effect `Clock`, so tests can control it). */
  readonly recordedAt: Date
  readonly type: string
  readonly v: number
  readonly data: E
  readonly metadata: unknown
  /** Checkpoint just after this event: resume `readAll`/`subscribe` from here. */
  readonly checkpoint: Checkpoint
}

/** Where each appended event landed. */
export interface AppendedPosition {
  readonly eventId: string
  readonly version: number
  readonly globalPosition: number
}

/** The outcome of an append (or of a retried append that was already stored). */
export interface AppendResult {
  readonly streamId: string
  /** Version of the last event of this batch (the stream's version right after the append). */
  readonly nextExpectedVersion: number
  readonly positions: ReadonlyArray<AppendedPosition>
  /** True when every event id was already stored: nothing was written, the original positions are returned. */
  readonly alreadyStored: boolean
}

/** One page of the global log and the checkpoint to continue from. */
export interface ReadAllPage<E = unknown> {
  readonly events: ReadonlyArray<RecordedEvent<E>>
  readonly checkpoint: Checkpoint
}

/** Which storage a store runs on (for health checks and logs). */
export type StoreBackendKind = "memory" | "sqlite" | "postgres"
