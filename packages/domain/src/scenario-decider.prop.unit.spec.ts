import { fc, test } from "@fast-check/vitest"
import { Either, Schema } from "effect"
import { describe, expect } from "vitest"
import { testCatalog } from "../test/test-catalog.js"
import type { CommitmentId, PackId, ScenarioId } from "./ids.js"
import type { ScenarioCommand } from "./scenario-commands.js"
import { scenarioDecider } from "./scenario-decider.js"
import {
  InterventionNotFound,
  RunConflict,
  ScenarioAlreadyExists,
  ScenarioNotFound,
} from "./scenario-errors.js"
import { ScenarioEvent } from "./scenario-events.js"
import { crossCheckSpec, type Intervention, ScenarioSpec } from "./scenario-spec.js"
import { InvalidInput } from "./validation-issue.js"

const decider = scenarioDecider(testCatalog)
const scenarioId = "sc-prop" as ScenarioId

// Interventions that are sometimes invalid for the pack: unknown commitments, months past a short horizon.
const intervention: fc.Arbitrary<Intervention> = fc.oneof(
  fc.record({
    type: fc.constant("sanctions-package" as const),
    month: fc.integer({ min: 0, max: 40 }),
    coverage: fc.double({ min: 0, max: 1, noNaN: true }),
    enforcement: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant("aid-package" as const),
    month: fc.integer({ min: 0, max: 40 }),
    sector: fc.constantFrom("energy" as const, "health" as const),
    amountUsdM: fc.double({ min: 0.5, max: 1000, noNaN: true }),
    form: fc.constantFrom("grant" as const, "loan" as const),
  }),
  fc.record({
    type: fc.constant("withdraw" as const),
    commitment: fc.constantFrom(
      "energy-projects",
      "defense-consultations",
      "ghost",
    ) as fc.Arbitrary<CommitmentId>,
    month: fc.integer({ min: 0, max: 40 }),
  }),
)

const command: fc.Arbitrary<ScenarioCommand> = fc.oneof(
  fc.constant<ScenarioCommand>({
    _tag: "CreateScenario",
    scenarioId,
    spec: { pack: "test-pack" as PackId, horizonMonths: 24, runs: 100, seed: 1, interventions: [] },
  }),
  intervention.map((i): ScenarioCommand => ({ _tag: "AddIntervention", scenarioId, intervention: i })),
  fc
    .integer({ min: 0, max: 5 })
    .map((index): ScenarioCommand => ({ _tag: "RemoveIntervention", scenarioId, index })),
  fc
    .record({ horizonMonths: fc.integer({ min: 1, max: 60 }), seed: fc.integer({ min: 0, max: 9 }) })
    .map((settings): ScenarioCommand => ({ _tag: "ChangeSettings", scenarioId, ...settings })),
  fc.double({ min: -1, max: 12, noNaN: true }).map(
    (v): ScenarioCommand => ({
      _tag: "ChangeAssumptions",
      scenarioId,
      assumptions: { "energy.cost-per-mw": v } as never,
    }),
  ),
)

const isScenarioError = (e: unknown) =>
  e instanceof ScenarioNotFound ||
  e instanceof ScenarioAlreadyExists ||
  e instanceof InterventionNotFound ||
  e instanceof RunConflict ||
  e instanceof InvalidInput

describe("scenario decider on random command sequences", () => {
  test.prop([fc.array(command, { maxLength: 40, size: "max" })], { numRuns: 200 })(
    "keeps the current spec valid for its pack and the version equal to the events folded",
    (commands) => {
      let state = decider.initialState
      let events = 0
      for (const c of commands) {
        const result = decider.decide(c, state)
        if (Either.isLeft(result)) {
          expect(isScenarioError(result.left)).toBe(true)
          continue
        }
        for (const event of result.right) {
          expect(Schema.is(ScenarioEvent)(event)).toBe(true)
          state = decider.evolve(state, event)
          events++
        }
        expect(state.version).toBe(events)
        if (state._tag === "ActiveScenario") {
          expect(Schema.is(ScenarioSpec)(state.spec)).toBe(true)
          expect(crossCheckSpec(state.spec, testCatalog)).toEqual([])
        }
      }
    },
  )
})
