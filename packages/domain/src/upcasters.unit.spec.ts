import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { commitmentDecider } from "./commitment-decider.js"
import { CommitmentEvent } from "./commitment-events.js"
import { currentEventVersions, DomainEvent, eventTypes } from "./domain-event.js"
import { ExerciseEvent } from "./exercise/exercise-events.js"
import { TemplateEvent } from "./exercise/exercise-template.js"
import type { CommitmentId, ScenarioId } from "./ids.js"
import { ScenarioEvent } from "./scenario-events.js"
import { decodeStoredEvent, toStoredEvent, type UnreadableEvent } from "./stored-event.js"
import {
  interventionAddedV1ToV2,
  makeUpcasterRegistry,
  type RawEvent,
  upcastEvent,
  upcasterRegistry,
} from "./upcasters.js"

// A v1 InterventionAdded as it was written before amounts moved to USD millions.
const storedV1 = {
  type: "InterventionAdded",
  v: 1,
  data: {
    intervention: { type: "aid-package", month: 6, sector: "energy", amountUsd: 500_000_000, form: "grant" },
  },
}

const leftOf = (result: Either.Either<DomainEvent, UnreadableEvent>): UnreadableEvent => {
  if (Either.isRight(result))
    throw new Error(`expected an UnreadableEvent, got ${JSON.stringify(result.right)}`)
  return result.left
}

describe("upcasters", () => {
  it("lift a v1 aid package in dollars to v2 in USD millions", () => {
    expect(upcastEvent(storedV1)).toEqual({
      type: "InterventionAdded",
      v: 2,
      data: {
        _tag: "InterventionAdded",
        v: 2,
        intervention: { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
      },
    })
  })

  it("leave v1 interventions without an amount as they were, bar the version", () => {
    const delay = { type: "delay", commitment: "energy-projects", months: 3 }
    expect(upcastEvent({ type: "InterventionAdded", v: 1, data: { intervention: delay } })).toEqual({
      type: "InterventionAdded",
      v: 2,
      data: { _tag: "InterventionAdded", v: 2, intervention: delay },
    })
  })

  it("keep the store's other fields (metadata, positions) and make data decodable on its own", () => {
    const withMetadata = { ...storedV1, metadata: { by: "teacher" }, globalPosition: 7 }
    const lifted = upcastEvent(withMetadata)
    expect(lifted.metadata).toEqual({ by: "teacher" })
    expect(lifted.globalPosition).toBe(7)
    expect(Schema.decodeUnknownSync(DomainEvent)(lifted.data)).toMatchObject({
      _tag: "InterventionAdded",
      v: 2,
    })
  })

  it("decode an upcast v1 event into today's InterventionAdded", () => {
    expect(decodeStoredEvent(storedV1)).toEqual(
      Either.right({
        _tag: "InterventionAdded",
        v: 2,
        intervention: { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
      }),
    )
  })

  it("without the upcaster, a v1 event is unreadable rather than misread", () => {
    const error = leftOf(decodeStoredEvent(storedV1, makeUpcasterRegistry([])))
    expect(error.message).toContain("no upcaster for InterventionAdded v1")
  })

  it("refuse unknown types, versions from the future and data that does not match", () => {
    expect(leftOf(decodeStoredEvent({ type: "Nope", v: 1, data: {} })).message).toContain(
      "unknown event type",
    )
    expect(leftOf(decodeStoredEvent({ type: "RunCompleted", v: 9, data: {} })).message).toContain("newer")
    const bad = leftOf(decodeStoredEvent({ type: "InterventionRemoved", v: 1, data: { index: -1 } }))
    expect(bad.issues.map((i) => i.path)).toEqual(["index"])
  })

  it("round-trip every current event through its stored form unchanged", () => {
    const events: ReadonlyArray<DomainEvent> = [
      { _tag: "CommitmentProposed", v: 1, month: 0, commitment: "c" as CommitmentId, amountUsdM: 10 },
      { _tag: "ScenarioBranched", v: 1, childId: "b" as ScenarioId, atVersion: 3 },
      {
        _tag: "InterventionAdded",
        v: 2,
        intervention: { type: "withdraw", commitment: "c" as CommitmentId, month: 2 },
      },
    ]
    for (const event of events) {
      const stored = toStoredEvent(event)
      expect(stored.type).toBe(event._tag)
      expect(upcastEvent(stored)).toBe(stored)
      expect(decodeStoredEvent(stored)).toEqual(Either.right(event))
    }
  })

  it("read a commitment stream stored before `discussed` existed, as it was written (no upcaster needed)", () => {
    // Rows as the store kept them for model 1.x: a stream starts with CommitmentProposed v1.
    const rows: ReadonlyArray<RawEvent> = [
      {
        type: "CommitmentProposed",
        v: 1,
        data: { _tag: "CommitmentProposed", v: 1, month: 0, commitment: "energy-projects", amountUsdM: 100 },
      },
      {
        type: "CommitmentAgreed",
        v: 1,
        data: { _tag: "CommitmentAgreed", v: 1, month: 2, commitment: "energy-projects", amountUsdM: 80 },
      },
      {
        type: "CommitmentProgressed",
        v: 1,
        data: {
          _tag: "CommitmentProgressed",
          v: 1,
          month: 3,
          commitment: "energy-projects",
          deliveredUsdM: 30,
        },
      },
    ]
    const events = rows.map((row) => Either.getOrThrow(decodeStoredEvent(row)))
    const state = events.reduce(
      (s, e) => commitmentDecider.evolve(s, e as CommitmentEvent),
      commitmentDecider.initialState,
    )
    expect(state).toEqual({
      _tag: "TrackedCommitment",
      commitment: "energy-projects",
      status: "agreed",
      pledgedUsdM: 100,
      agreedUsdM: 80,
      deliveredUsdM: 30,
      month: 3,
    })
    // And the stream goes on under the new lifecycle.
    expect(
      Either.isRight(
        commitmentDecider.decide(
          { _tag: "StallCommitment", commitment: "energy-projects" as CommitmentId, month: 4 },
          state,
        ),
      ),
    ).toBe(true)
  })

  it("know every event type and its current version", () => {
    // Every stream's events, each type once: no two streams share an event type.
    const streams = [CommitmentEvent, ScenarioEvent, ExerciseEvent, TemplateEvent].map(
      (u) => u.members.length,
    )
    const all = streams.reduce((a, b) => a + b, 1) // and ObservationRecorded
    expect(eventTypes).toHaveLength(all)
    expect(new Set(eventTypes).size).toBe(all)
    expect(currentEventVersions.InterventionAdded).toBe(2)
    expect(currentEventVersions.ScenarioCreated).toBe(1)
  })

  it("refuse a registry with two upcasters for one step or one lifting past the current version", () => {
    expect(() => makeUpcasterRegistry([interventionAddedV1ToV2, interventionAddedV1ToV2])).toThrow(
      /two upcasters/,
    )
    expect(() => makeUpcasterRegistry([{ ...interventionAddedV1ToV2, from: 2 }])).toThrow(/past the current/)
    expect(upcasterRegistry.get("InterventionAdded", 1)).toBe(interventionAddedV1ToV2)
  })
})
