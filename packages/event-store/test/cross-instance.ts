import { Chunk, Context, Effect, Fiber, Layer, Stream } from "effect"
import { expect } from "vitest"
import { checkpointStart, EventStore } from "../src/index.js"

/**
 * Two store instances on one database (as two API instances would be): a subscription on the first sees
 * appends made through the second. The writer keeps appending until the reader has seen five events, so
 * the test does not depend on when the reader's wake-up channel became ready.
 */
export const crossInstanceDelivery = (
  reader: Layer.Layer<EventStore, unknown>,
  writer: Layer.Layer<EventStore, unknown>,
) =>
  Effect.gen(function* () {
    const readerStore = Context.get(yield* Layer.build(reader), EventStore)
    const writerStore = Context.get(yield* Layer.build(writer), EventStore)
    const following = yield* Effect.fork(
      Stream.runCollect(Stream.take(readerStore.subscribe(checkpointStart), 5)),
    )
    let n = 0
    const keepWriting = Effect.gen(function* () {
      for (;;) {
        yield* writerStore.append("elsewhere", "any", [
          { eventId: `x-${process.pid}-${Date.now()}-${n}`, type: "Tick", v: 1, data: { n: n++ } },
        ])
        yield* Effect.sleep("100 millis")
      }
    })
    const writing = yield* Effect.fork(keepWriting)
    const seen = Chunk.toArray(yield* Fiber.join(following))
    yield* Fiber.interrupt(writing)
    expect(seen.map((event) => (event.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4])
  }).pipe(Effect.scoped)
