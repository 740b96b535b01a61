import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { domainEventCodec, EventStore, newDomainEvent } from "../src/index.js"

// An InterventionAdded as written before amounts moved to USD millions (v1), as the domain documents it.
const storedV1 = {
  eventId: "legacy-1",
  type: "InterventionAdded",
  v: 1,
  data: {
    intervention: { type: "aid-package", month: 6, sector: "energy", amountUsd: 500_000_000, form: "grant" },
  },
}

const run = <A, E>(effect: Effect.Effect<A, E, EventStore>) =>
  Effect.runPromise(Effect.provide(effect, EventStore.memory()))

describe("the domain's codec plugged into the store", () => {
  it("upcasts a stored v1 event through the domain's registry and decodes today's event", () =>
    run(
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.append("scenario-1", "noStream", [storedV1])
        const [event] = yield* store.readStream("scenario-1", { codec: domainEventCodec })
        expect(event?.data).toEqual({
          _tag: "InterventionAdded",
          v: 2,
          intervention: { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
        })
        // Written back in today's form, it reads the same.
        yield* store.append("scenario-2", "noStream", [newDomainEvent(event?.data as never, "today-1")])
        const [again] = yield* store.readStream("scenario-2", { codec: domainEventCodec })
        expect(again?.data).toEqual(event?.data)
        expect(again?.v).toBe(2)
      }),
    ))

  it("turns an unreadable stored event into EventDecodeError with its position and the domain's reason", () =>
    run(
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.append("scenario-1", "noStream", [
          storedV1,
          { eventId: "bad-1", type: "InterventionRemoved", v: 1, data: { index: -1 } },
        ])
        const error = yield* Effect.flip(store.readStream("scenario-1", { codec: domainEventCodec }))
        expect(error).toMatchObject({ _tag: "EventDecodeError", globalPosition: 2, version: 2 })
        expect(error.message).toContain("index")
      }),
    ))
})
