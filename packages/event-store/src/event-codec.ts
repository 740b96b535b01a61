import { Either, ParseResult, type Schema } from "effect"
import type { RecordedEvent } from "./recorded-event.js"
import { EventDecodeError } from "./store-errors.js"

/** The stored form of an event that upcasters work on. */
export interface RawEvent {
  readonly type: string
  readonly v: number
  readonly data: unknown
  readonly metadata: unknown
}

/**
 * How stored events become domain events on read: `upcast` lifts old schema versions to the current one,
 * `decode` validates the result. Plug the domain's upcaster registry and event schema in here.
 */
export interface EventCodec<E> {
  readonly upcast?: (raw: RawEvent) => RawEvent
  readonly decode: (raw: RawEvent) => Either.Either<E, unknown>
}

/** A codec that returns `data` as stored (no upcasting, no validation). */
export const rawCodec: EventCodec<unknown> = { decode: (raw) => Either.right(raw.data) }

/** A codec that decodes `data` with a schema, after an optional upcaster. */
export const schemaCodec = <A, I>(
  schema: Schema.Schema<A, I, never>,
  upcast?: (raw: RawEvent) => RawEvent,
): EventCodec<A> => {
  const decodeData = ParseResult.decodeUnknownEither(schema)
  return upcast === undefined
    ? { decode: (raw) => decodeData(raw.data) }
    : { upcast, decode: (raw) => decodeData(raw.data) }
}

const describe = (cause: unknown): string => {
  if (ParseResult.isParseError(cause)) return ParseResult.TreeFormatter.formatErrorSync(cause)
  const issues = (cause as { issues?: unknown } | null)?.issues
  const detail = Array.isArray(issues)
    ? issues
        .map((issue: { path?: unknown; message?: unknown }) => `${issue.path}: ${issue.message}`)
        .join("; ")
    : ""
  const message = cause instanceof Error ? cause.message : String(cause)
  return detail === "" ? message : `${message} (${detail})`
}

/** Upcasts and decodes one recorded event, or names its position in a typed error. */
export const decodeRecorded = <E>(
  codec: EventCodec<E>,
  event: RecordedEvent<unknown>,
): Either.Either<RecordedEvent<E>, EventDecodeError> => {
  if (codec === (rawCodec as EventCodec<unknown>)) return Either.right(event as RecordedEvent<E>)
  const fail = (cause: unknown) =>
    Either.left(
      new EventDecodeError({
        globalPosition: event.globalPosition,
        streamId: event.streamId,
        version: event.version,
        type: event.type,
        v: event.v,
        message: describe(cause),
      }),
    )
  let raw: RawEvent = event
  if (codec.upcast !== undefined) {
    try {
      raw = codec.upcast(event)
    } catch (cause) {
      return fail(cause)
    }
  }
  const decoded = codec.decode(raw)
  if (Either.isLeft(decoded)) return fail(decoded.left)
  return Either.right({ ...event, type: raw.type, v: raw.v, metadata: raw.metadata, data: decoded.right })
}

/** Decodes a batch, stopping at the first event that fails. */
export const decodeAll = <E>(
  codec: EventCodec<E>,
  events: ReadonlyArray<RecordedEvent<unknown>>,
): Either.Either<ReadonlyArray<RecordedEvent<E>>, EventDecodeError> => {
  if (codec === (rawCodec as EventCodec<unknown>))
    return Either.right(events as ReadonlyArray<RecordedEvent<E>>)
  const out: Array<RecordedEvent<E>> = new Array(events.length)
  for (let i = 0; i < events.length; i++) {
    const decoded = decodeRecorded(codec, events[i] as RecordedEvent<unknown>)
    if (Either.isLeft(decoded)) return Either.left(decoded.left)
    out[i] = decoded.right
  }
  return Either.right(out)
}
