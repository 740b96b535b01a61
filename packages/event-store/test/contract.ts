import { Chunk, Effect, Exit, Fiber, type Layer, Schema, Stream } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import {
  checkpointStart,
  DuplicateEventIds,
  EventDecodeError,
  EventStore,
  ExpectedVersionMismatch,
  foldStream,
  type NewEvent,
  type RawEvent,
  type RecordedEvent,
  rebuildProjection,
  schemaCodec,
} from "../src/index.js"
import { fixedClock } from "./fixed-clock.js"

/** Builds a fresh, empty store for one test; `cleanup` runs once after the suite. */
export interface StoreFactory {
  readonly make: () => Layer.Layer<EventStore, unknown>
  readonly cleanup?: () => Promise<void>
}

let counter = 0
const newId = (prefix: string) => `${prefix}-${process.pid}-${++counter}`

const event = (type: string, data: unknown, v = 1, metadata?: unknown): NewEvent => ({
  eventId: newId("evt"),
  type,
  v,
  data,
  ...(metadata === undefined ? {} : { metadata }),
})

// A small versioned event type: v1 had `name`, v2 splits it into `given` and `family`.
const Renamed = Schema.Struct({ given: Schema.String, family: Schema.String })
const upcastRenamed = (raw: RawEvent): RawEvent => {
  if (raw.type !== "Renamed" || raw.v !== 1) return raw
  const [given = "", family = ""] = String((raw.data as { name: string }).name).split(" ")
  return { ...raw, v: 2, data: { given, family } }
}
const renamedCodec = schemaCodec(Renamed, upcastRenamed)

/** Runs the one contract every EventStore layer must honour. */
export const eventStoreContract = (name: string, factory: StoreFactory) =>
  describe(`EventStore contract: ${name}`, () => {
    const run = <A, E>(effect: Effect.Effect<A, E, EventStore>): Promise<A> =>
      Effect.runPromise(Effect.scoped(Effect.provide(effect, factory.make())))
    afterAll(async () => {
      await factory.cleanup?.()
    })

    it("round-trips events with stream versions, global positions and metadata", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          expect(store.backend).toBe(name)
          const batch = [
            event("Created", { title: "Sanctions" }, 1, { actor: "teacher" }),
            event("Noted", { n: 1, nested: { list: [1, "two", null] } }),
            event("Noted", { n: 2 }),
          ]
          const result = yield* store.append("scenario-1", "noStream", batch)
          expect(result.alreadyStored).toBe(false)
          expect(result.nextExpectedVersion).toBe(3)
          expect(result.positions.map((p) => p.version)).toEqual([1, 2, 3])
          const read = yield* store.readStream("scenario-1")
          expect(read.map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId))
          expect(read.map((e) => e.data)).toEqual(batch.map((e) => e.data))
          expect(read.map((e) => e.type)).toEqual(["Created", "Noted", "Noted"])
          expect(read[0]?.metadata).toEqual({ actor: "teacher" })
          expect(read[1]?.metadata).toEqual({})
          expect(read.map((e) => e.globalPosition)).toEqual(result.positions.map((p) => p.globalPosition))
          expect(read.every((e) => e.streamId === "scenario-1" && e.recordedAt instanceof Date)).toBe(true)
          expect(yield* store.streamVersion("scenario-1")).toBe(3)
          expect(yield* store.streamVersion("nothing-here")).toBe(0)
          expect(yield* store.readStream("nothing-here")).toEqual([])
          expect((yield* store.readStream("scenario-1", { from: 2, to: 2 })).map((e) => e.version)).toEqual([
            2,
          ])
          const next = yield* store.append("scenario-1", 3, [event("Noted", { n: 3 })])
          expect(next.nextExpectedVersion).toBe(4)
          const all = yield* store.readAll(checkpointStart, 100)
          expect(all.events.map((e) => e.version)).toEqual([1, 2, 3, 4])
          const again = yield* store.readAll(all.checkpoint, 100)
          expect(again.events).toEqual([])
          expect(again.checkpoint).toBe(all.checkpoint)
        }),
      ))

    it("refuses appends whose expected version does not hold, with expected and actual", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const missing = yield* Effect.flip(store.append("s", "streamExists", [event("A", {})]))
          expect(missing).toEqual(
            new ExpectedVersionMismatch({ stream: "s", expected: "streamExists", actual: 0 }),
          )
          yield* store.append("s", "any", [event("A", {}), event("A", {})])
          const exists = yield* Effect.flip(store.append("s", "noStream", [event("A", {})]))
          expect(exists).toEqual(
            new ExpectedVersionMismatch({ stream: "s", expected: "noStream", actual: 2 }),
          )
          const stale = yield* Effect.flip(store.append("s", 1, [event("A", {})]))
          expect(stale).toEqual(new ExpectedVersionMismatch({ stream: "s", expected: 1, actual: 2 }))
          yield* store.append("s", "streamExists", [event("A", {})])
          yield* store.append("s", "any", [event("A", {})])
          expect(yield* store.streamVersion("s")).toBe(4)
          expect((yield* store.readAll(checkpointStart, 100)).events).toHaveLength(4)
        }),
      ))

    it("lets exactly one of 20 concurrent writers win each version; the others get the typed conflict", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          for (let round = 0; round < 4; round++) {
            const expected = round * 2
            const exits = yield* Effect.all(
              Array.from({ length: 20 }, (_, writer) =>
                Effect.exit(
                  store.append("contested", expected, [event("Move", { writer }), event("Move", { writer })]),
                ),
              ),
              { concurrency: "unbounded" },
            )
            expect(exits.filter(Exit.isSuccess)).toHaveLength(1)
            const losers = exits.filter(Exit.isFailure)
            expect(losers).toHaveLength(19)
            for (const exit of losers) {
              expect(yield* Effect.flip(exit)).toEqual(
                new ExpectedVersionMismatch({ stream: "contested", expected, actual: expected + 2 }),
              )
            }
          }
          const stream = yield* store.readStream("contested")
          expect(stream.map((e) => e.version)).toEqual(stream.map((_, i) => i + 1))
          const writers = stream.map((e) => (e.data as { writer: number }).writer)
          for (let i = 0; i < writers.length; i += 2) expect(writers[i]).toBe(writers[i + 1])
        }),
      ))

    it("treats a retried append as a no-op returning the original positions, and refuses partial overlaps", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const batch = [event("A", { i: 1 }), event("A", { i: 2 })]
          const first = yield* store.append("retry", "noStream", batch)
          const second = yield* store.append("retry", "noStream", batch)
          expect(second).toEqual({ ...first, alreadyStored: true })
          yield* store.append("retry", 2, [event("B", {})])
          const third = yield* store.append("retry", 0, batch)
          expect(third.positions).toEqual(first.positions)
          const overlap = yield* Effect.flip(store.append("retry", 3, [batch[1] as NewEvent, event("C", {})]))
          expect(overlap).toEqual(
            new DuplicateEventIds({ stream: "retry", eventIds: [(batch[1] as NewEvent).eventId] }),
          )
          const elsewhere = yield* Effect.flip(store.append("other", "any", batch))
          expect(elsewhere._tag).toBe("DuplicateEventIds")
          const reordered = yield* Effect.flip(
            store.append("retry", "any", [batch[1], batch[0]] as Array<NewEvent>),
          )
          expect(reordered._tag).toBe("DuplicateEventIds")
          const twice = yield* Effect.flip(
            store.append("fresh", "any", [batch[0], batch[0]] as Array<NewEvent>),
          )
          expect(twice._tag).toBe("DuplicateEventIds")
          expect(yield* store.streamVersion("retry")).toBe(3)
          expect(yield* store.streamVersion("other")).toBe(0)
          expect((yield* store.readAll(checkpointStart, 100)).events).toHaveLength(3)
        }),
      ))

    it("answers concurrent identical retries with one write and the same positions for all", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          // Several rounds, so that pooled backends have warm connections and the retries truly overlap.
          for (let round = 0; round < 5; round++) {
            const batch = [event("A", { round }), event("A", { round }), event("A", { round })]
            const results = yield* Effect.all(
              Array.from({ length: 10 }, () => store.append("racing", "any", batch)),
              { concurrency: "unbounded" },
            )
            expect(results.filter((result) => !result.alreadyStored)).toHaveLength(1)
            for (const result of results) expect(result.positions).toEqual(results[0]?.positions)
          }
          expect(yield* store.streamVersion("racing")).toBe(15)
          expect((yield* store.readAll(checkpointStart, 100)).events).toHaveLength(15)
        }),
      ))

    it(
      "reads the global log gap-free while 8 writers append and a reader follows",
      () =>
        run(
          Effect.gen(function* () {
            const store = yield* EventStore
            const writers = 8
            const batches = 15
            const perBatch = 3
            const total = writers * batches * perBatch
            const writer = (w: number) =>
              Effect.forEach(
                Array.from({ length: batches }, (_, b) => b),
                (b) =>
                  store.append(
                    b % 2 === 0 ? "shared" : `writer-${w}`,
                    "any",
                    Array.from({ length: perBatch }, (_, i) => event("W", { w, b, i })),
                  ),
                { discard: true },
              )
            let writersDone = false
            const reader = Effect.gen(function* () {
              const seen: Array<RecordedEvent> = []
              let checkpoint = checkpointStart
              let idleSinceDone = 0
              // Follow until every event arrived; if some never do, give up a while after the writers
              // finished so the assertions below report what was skipped.
              while (seen.length < total && idleSinceDone < 300) {
                const page = yield* store.readAll(checkpoint, 7)
                seen.push(...page.events)
                checkpoint = page.checkpoint
                if (page.events.length === 0) {
                  if (writersDone) idleSinceDone++
                  yield* Effect.sleep("2 millis")
                }
              }
              const tail = yield* store.readAll(checkpoint, 7)
              return [...seen, ...tail.events]
            })
            const writing = Effect.all(
              Array.from({ length: writers }, (_, w) => writer(w)),
              { concurrency: "unbounded" },
            ).pipe(
              Effect.ensuring(
                Effect.sync(() => {
                  writersDone = true
                }),
              ),
            )
            const [seen] = yield* Effect.all([reader, writing], { concurrency: "unbounded" })
            const all = (yield* store.readAll(checkpointStart, total + 10)).events
            expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId))
            expect(seen).toHaveLength(total)
            expect(new Set(seen.map((e) => e.eventId)).size).toBe(total)
            if (store.backend !== "postgres") {
              // One writer at a time: positions are dense. (PostgreSQL orders by transaction, then position.)
              expect(seen.map((e) => e.globalPosition)).toEqual(seen.map((_, i) => i + 1))
            }
            const lastVersion = new Map<string, number>()
            for (const e of seen) {
              expect(e.version).toBe((lastVersion.get(e.streamId) ?? 0) + 1)
              lastVersion.set(e.streamId, e.version)
            }
            // Batches stay whole and in order inside the global log.
            for (let i = 0; i < seen.length; i += perBatch) {
              const batch = seen
                .slice(i, i + perBatch)
                .map((e) => e.data as { w: number; b: number; i: number })
              expect(batch.map((d) => d.i)).toEqual([0, 1, 2])
              expect(new Set(batch.map((d) => `${d.w}/${d.b}`)).size).toBe(1)
            }
          }),
        ),
      20_000,
    )

    it("subscribes: stored events first, then live ones, from any checkpoint", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.append("live", "noStream", [
            event("N", { n: 1 }),
            event("N", { n: 2 }),
            event("N", { n: 3 }),
          ])
          const fromStart = yield* Effect.fork(
            Stream.runCollect(Stream.take(store.subscribe(checkpointStart), 6)),
          )
          const page = yield* store.readAll(checkpointStart, 2)
          const fromMiddle = yield* Effect.fork(
            Stream.runCollect(Stream.take(store.subscribe(page.checkpoint), 4)),
          )
          yield* Effect.sleep("20 millis")
          yield* store.append("live", 3, [event("N", { n: 4 })])
          yield* store.append("other", "any", [event("N", { n: 5 }), event("N", { n: 6 })])
          const all = Chunk.toArray(yield* Fiber.join(fromStart)).map((e) => (e.data as { n: number }).n)
          expect(all).toEqual([1, 2, 3, 4, 5, 6])
          const rest = Chunk.toArray(yield* Fiber.join(fromMiddle)).map((e) => (e.data as { n: number }).n)
          expect(rest).toEqual([3, 4, 5, 6])
        }),
      ))

    it("upcasts old event versions on read through a codec", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.append("people", "noStream", [
            event("Renamed", { name: "Andrii Sybiha" }, 1),
            event("Renamed", { given: "Takeshi", family: "Iwaya" }, 2),
          ])
          const read = yield* store.readStream("people", { codec: renamedCodec })
          expect(read.map((e) => e.data)).toEqual([
            { given: "Andrii", family: "Sybiha" },
            { given: "Takeshi", family: "Iwaya" },
          ])
          expect(read.map((e) => e.v)).toEqual([2, 2])
          const raw = yield* store.readStream("people")
          expect(raw[0]?.data).toEqual({ name: "Andrii Sybiha" })
          const page = yield* store.readAll(checkpointStart, 10, { codec: renamedCodec })
          expect(page.events[0]?.data).toEqual({ given: "Andrii", family: "Sybiha" })
        }),
      ))

    it("fails with a typed error naming the position when a stored event does not decode", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.append("people", "noStream", [event("Renamed", { given: "A", family: "B" }, 2)])
          const bad = yield* store.append("people", 1, [event("Renamed", { given: 42 }, 2)])
          const position = bad.positions[0]?.globalPosition as number
          const fromStream = yield* Effect.flip(store.readStream("people", { codec: renamedCodec }))
          expect(fromStream).toBeInstanceOf(EventDecodeError)
          expect(fromStream).toMatchObject({
            globalPosition: position,
            streamId: "people",
            version: 2,
            type: "Renamed",
          })
          const fromLog = yield* Effect.flip(store.readAll(checkpointStart, 10, { codec: renamedCodec }))
          expect(fromLog).toMatchObject({ _tag: "EventDecodeError", globalPosition: position })
          const fromSubscription = yield* Effect.flip(
            Stream.runDrain(Stream.take(store.subscribe(checkpointStart, { codec: renamedCodec }), 2)),
          )
          expect(fromSubscription).toMatchObject({ _tag: "EventDecodeError", globalPosition: position })
        }),
      ))

    it("reads a stream as of a version and as of a recorded time", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const at = (millis: number, n: number, expected: number) =>
            Effect.withClock(store.append("timeline", expected, [event("T", { n })]), fixedClock(millis))
          yield* at(Date.UTC(2025, 0, 1), 1, 0)
          yield* at(Date.UTC(2025, 1, 1), 2, 1)
          yield* at(Date.UTC(2025, 2, 1), 3, 2)
          const byVersion = yield* store.readStreamAsOf("timeline", { version: 2 })
          expect(byVersion.map((e) => e.version)).toEqual([1, 2])
          const byTime = yield* store.readStreamAsOf("timeline", {
            recordedAt: new Date(Date.UTC(2025, 1, 15)),
          })
          expect(byTime.map((e) => (e.data as { n: number }).n)).toEqual([1, 2])
          expect(byTime[1]?.recordedAt.getTime()).toBe(Date.UTC(2025, 1, 1))
          const before = yield* store.readStreamAsOf("timeline", {
            recordedAt: new Date(Date.UTC(2024, 0, 1)),
          })
          expect(before).toEqual([])
          const exact = yield* store.readStreamAsOf("timeline", {
            recordedAt: new Date(Date.UTC(2025, 2, 1)),
          })
          expect(exact).toHaveLength(3)
        }),
      ))

    it("folds a stream with evolve and rebuilds a projection from position 0", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          yield* store.append("a", "noStream", [event("Add", { n: 2 }), event("Add", { n: 3 })])
          yield* store.append("b", "noStream", [event("Add", { n: 10 })])
          yield* store.append("a", 2, [event("Add", { n: 5 })])
          const sum = (total: number, data: unknown) => total + (data as { n: number }).n
          const folded = yield* foldStream("a", sum, 0)
          expect(folded).toEqual({ state: 10, version: 3 })
          const rebuilt = yield* rebuildProjection({ initial: 0, evolve: sum, batchSize: 2 })
          expect(rebuilt.state).toBe(20)
          expect(rebuilt.events).toBe(4)
          const none = yield* rebuildProjection({ initial: 0, evolve: sum, from: rebuilt.checkpoint })
          expect(none.events).toBe(0)
        }),
      ))

    it("counts hits per key and window, atomically under concurrency, and starts afresh in the next window", () =>
      run(
        Effect.gen(function* () {
          const store = yield* EventStore
          const at =
            (millis: number) =>
            <A, E, R>(effect: Effect.Effect<A, E, R>) =>
              Effect.withClock(effect, fixedClock(millis))
          const key = newId("join")
          const hits = yield* Effect.all(
            Array.from({ length: 12 }, () => at(60_500)(store.countHit(key, 60_000))),
            { concurrency: "unbounded" },
          )
          expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(
            Array.from({ length: 12 }, (_, i) => i + 1),
          )
          // The window opened with the first hit and lasts 60 s from there.
          expect(new Set(hits.map((h) => h.resetsAt))).toEqual(new Set([120_500]))
          expect((yield* at(61_000)(store.countHit(`${key}-other`, 60_000))).count).toBe(1)
          expect(yield* at(120_499)(store.countHit(key, 60_000))).toEqual({ count: 13, resetsAt: 120_500 })
          expect(yield* at(120_500)(store.countHit(key, 60_000))).toEqual({ count: 1, resetsAt: 180_500 })
        }),
      ))
  })
