import { Effect } from "effect"
import type { EventCodec } from "./event-codec.js"
import { EventStore } from "./event-store.js"
import { type Checkpoint, checkpointStart, type RecordedEvent } from "./recorded-event.js"

/** Folds one stream with a decider's `evolve`; returns the state and the version it reflects. */
export const foldStream = <S, E = unknown>(
  streamId: string,
  evolve: (state: S, event: E, recorded: RecordedEvent<E>) => S,
  initial: S,
  options?: { readonly codec?: EventCodec<E> },
) =>
  Effect.flatMap(EventStore, (store) =>
    Effect.map(store.readStream<E>(streamId, options), (events) => {
      let state = initial
      for (const event of events) state = evolve(state, event.data, event)
      return {
        state,
        version: events.length === 0 ? 0 : (events[events.length - 1] as RecordedEvent<E>).version,
      }
    }),
  )

/** Rebuilds a projection from position 0 (or `from`) up to the current end of the log, page by page. */
export const rebuildProjection = <S, E = unknown>(options: {
  readonly initial: S
  readonly evolve: (state: S, event: E, recorded: RecordedEvent<E>) => S
  readonly codec?: EventCodec<E>
  readonly from?: Checkpoint
  readonly batchSize?: number
}) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const batchSize = options.batchSize ?? 1000
    const decode = options.codec === undefined ? {} : { codec: options.codec }
    let state = options.initial
    let checkpoint = options.from ?? checkpointStart
    let count = 0
    for (;;) {
      const page = yield* store.readAll<E>(checkpoint, batchSize, decode)
      for (const event of page.events) state = options.evolve(state, event.data, event)
      count += page.events.length
      checkpoint = page.checkpoint
      if (page.events.length < batchSize) return { state, checkpoint, events: count }
    }
  })
