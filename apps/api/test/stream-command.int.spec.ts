import {
  decodeScenarioSpec,
  type Intervention,
  packCatalog,
  type ScenarioId,
  scenarioDecider,
} from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"
import {
  executeScenarioCommand,
  loadScenario,
  scenarioKind,
  scenarioStream,
} from "../src/scenarios/scenario-stream.js"
import { decided, executeCommand } from "../src/streams/stream-command.js"

const run = <A, E>(effect: Effect.Effect<A, E, EventStore>) =>
  Effect.runPromise(Effect.provide(effect, EventStore.memory()))

const spec = Either.getOrThrow(decodeScenarioSpec({ pack: "sybiha-visit-2025", runs: 50 }, packCatalog))
const aid = { type: "aid-package", month: 6, sector: "energy", amountUsdM: 5, form: "grant" } as Intervention
const scenarioId = "s1" as ScenarioId

describe("the one command handler", () => {
  it("decides again after a concurrent append, so racing writers all land", () =>
    run(
      Effect.gen(function* () {
        yield* executeScenarioCommand({ _tag: "CreateScenario", scenarioId, spec })
        // Ten writers that name no version race on one stream (each pauses between its read and its
        // append, so all read the same version); each loser reads again and re-decides.
        const add = { _tag: "AddIntervention", scenarioId, intervention: aid } as const
        const decider = scenarioDecider(packCatalog)
        let decisions = 0
        yield* Effect.all(
          Array.from({ length: 10 }, () =>
            executeCommand(scenarioKind, scenarioStream(scenarioId), {
              decide: (state) =>
                Effect.zipRight(
                  Effect.sync(() => decisions++),
                  Effect.zipRight(Effect.sleep(5), decided(decider.decide(add, state))),
                ),
            }),
          ),
          { concurrency: "unbounded" },
        )
        expect(decisions).toBeGreaterThan(10)
        const { state } = yield* loadScenario(scenarioId)
        expect(state.version).toBe(11)
        expect(state.spec.interventions).toHaveLength(10)
      }),
    ))

  it("answers a client's stale version with a conflict, not a retry", () =>
    run(
      Effect.gen(function* () {
        yield* executeScenarioCommand({ _tag: "CreateScenario", scenarioId, spec })
        const add = { _tag: "AddIntervention", scenarioId, intervention: aid } as const
        yield* executeScenarioCommand(add, 1)
        const stale = yield* Effect.flip(executeScenarioCommand(add, 1))
        expect(stale).toMatchObject({ _tag: "ExpectedVersionMismatch", expected: 1, actual: 2 })
        // A scenario that does not exist is missing, whatever version is named.
        const missing = yield* Effect.flip(
          executeScenarioCommand({ ...add, scenarioId: "nope" as ScenarioId }, 7),
        )
        expect(missing._tag).toBe("ScenarioNotFound")
      }),
    ))

  it("upcasts what it reads through the store's domain codec", () =>
    run(
      Effect.gen(function* () {
        yield* executeScenarioCommand({ _tag: "CreateScenario", scenarioId, spec })
        const store = yield* EventStore
        // An InterventionAdded as written before amounts moved to USD millions (v1).
        const v1 = { type: "aid-package", month: 6, sector: "energy", amountUsd: 5_000_000, form: "grant" }
        yield* store.append(scenarioStream(scenarioId), 1, [
          { eventId: "legacy", type: "InterventionAdded", v: 1, data: { intervention: v1 } },
        ])
        const { version } = yield* executeScenarioCommand(
          { _tag: "AddIntervention", scenarioId, intervention: aid },
          2,
        )
        expect(version).toBe(3)
        const { state } = yield* loadScenario(scenarioId)
        expect(state.spec.interventions).toEqual([aid, aid])
      }),
    ))
})
