import { describe, expect, it } from "vitest"
import { deciderSpecification } from "../test/decider-specification.js"
import { testCatalog } from "../test/test-catalog.js"
import type { CommitmentId, PackId, RunId, ScenarioId } from "./ids.js"
import { scenarioDecider } from "./scenario-decider.js"
import type { InterventionNotFound } from "./scenario-errors.js"
import type { ScenarioCreated, ScenarioEvent } from "./scenario-events.js"
import type { ScenarioSpec } from "./scenario-spec.js"
import type { ActiveScenario } from "./scenario-state.js"
import type { InvalidInput } from "./validation-issue.js"

const { given } = deciderSpecification(scenarioDecider(testCatalog))

const id = "sc-1" as ScenarioId
const spec: ScenarioSpec = {
  pack: "test-pack" as PackId,
  horizonMonths: 24,
  runs: 1000,
  seed: 1,
  interventions: [],
}
const created: ScenarioCreated = {
  _tag: "ScenarioCreated",
  v: 1,
  scenarioId: id,
  name: "Baseline",
  spec: { ...spec, name: "Baseline" },
}
const sanctions = { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 } as const
const added: ScenarioEvent = { _tag: "InterventionAdded", v: 2, intervention: sanctions }
const hash = "a".repeat(64)

describe("scenario decider", () => {
  it("creates a scenario, naming it from the command, then the spec", () => {
    given([]).when({ _tag: "CreateScenario", scenarioId: id, name: "Baseline", spec }).thenEvents([created])
    given([])
      .when({ _tag: "CreateScenario", scenarioId: id, spec: { ...spec, name: "From spec" } })
      .thenEvents([{ ...created, name: "From spec", spec: { ...spec, name: "From spec" } }])
  })

  it("names a scenario whose spec has an empty name 'Untitled scenario'", () => {
    given([])
      .when({ _tag: "CreateScenario", scenarioId: id, spec: { ...spec, name: "" } })
      .thenEvents([{ ...created, name: "Untitled scenario", spec: { ...spec, name: "Untitled scenario" } }])
  })

  it("refuses to create a scenario twice", () => {
    given([created]).when({ _tag: "CreateScenario", scenarioId: id, spec }).thenFails("ScenarioAlreadyExists")
  })

  it("refuses a spec for an unknown pack, with the path under spec", () => {
    const error = given([])
      .when({ _tag: "CreateScenario", scenarioId: id, spec: { ...spec, pack: "nope" as PackId } })
      .thenFails("InvalidInput") as InvalidInput
    expect(error.issues.map((i) => i.path)).toEqual(["spec.pack"])
  })

  it("refuses commands on a scenario that does not exist", () => {
    given([])
      .when({ _tag: "AddIntervention", scenarioId: id, intervention: sanctions })
      .thenFails("ScenarioNotFound")
    given([]).when({ _tag: "RemoveIntervention", scenarioId: id, index: 0 }).thenFails("ScenarioNotFound")
  })

  it("adds an intervention as a v2 event and exposes it in the spec", () => {
    given([created])
      .when({ _tag: "AddIntervention", scenarioId: id, intervention: sanctions })
      .thenEvents([added])
    const state = given([created])
      .when({ _tag: "AddIntervention", scenarioId: id, intervention: sanctions })
      .thenState() as ActiveScenario
    expect(state.spec.interventions).toEqual([sanctions])
    expect(state.version).toBe(2)
  })

  it("reports a bad intervention against the command's field", () => {
    const unknown = { type: "withdraw", commitment: "ghost" as CommitmentId, month: 30 } as const
    const error = given([created])
      .when({ _tag: "AddIntervention", scenarioId: id, intervention: unknown })
      .thenFails("InvalidInput") as InvalidInput
    expect(error.issues.map((i) => i.path).sort()).toEqual(["intervention.commitment", "intervention.month"])
  })

  it("removes an intervention by index, and refuses a missing one", () => {
    given([created, added])
      .when({ _tag: "RemoveIntervention", scenarioId: id, index: 0 })
      .thenEvents([{ _tag: "InterventionRemoved", v: 1, index: 0 }])
    const error = given([created, added])
      .when({ _tag: "RemoveIntervention", scenarioId: id, index: 1 })
      .thenFails("InterventionNotFound") as InterventionNotFound
    expect(error.count).toBe(1)
  })

  it("changes assumptions within the pack's ranges only", () => {
    given([created])
      .when({ _tag: "ChangeAssumptions", scenarioId: id, assumptions: { "energy.cost-per-mw": 2 } as never })
      .thenEvents([{ _tag: "AssumptionsChanged", v: 1, assumptions: { "energy.cost-per-mw": 2 } as never }])
    const error = given([created])
      .when({ _tag: "ChangeAssumptions", scenarioId: id, assumptions: { "hazard.agree": 3 } as never })
      .thenFails("InvalidInput") as InvalidInput
    expect(error.issues[0]?.path).toBe("assumptions.hazard.agree")
  })

  it("records only the settings that change, and nothing when none do", () => {
    given([created])
      .when({ _tag: "ChangeSettings", scenarioId: id, runs: 1000, seed: 7 })
      .thenEvents([{ _tag: "SettingsChanged", v: 1, seed: 7 }])
    given([created]).when({ _tag: "ChangeSettings", scenarioId: id, horizonMonths: 24 }).thenEvents([])
  })

  it("refuses a horizon that would cut off an intervention", () => {
    const error = given([created, added])
      .when({ _tag: "ChangeSettings", scenarioId: id, horizonMonths: 2 })
      .thenFails("InvalidInput") as InvalidInput
    expect(error.issues[0]?.path).toBe("interventions.0.month")
  })

  it("records a branch at the parent's current version, once per child", () => {
    const child = "sc-2" as ScenarioId
    given([created, added])
      .when({ _tag: "BranchScenario", scenarioId: id, childId: child })
      .thenEvents([{ _tag: "ScenarioBranched", v: 1, childId: child, atVersion: 2 }])
    given([created, { _tag: "ScenarioBranched", v: 1, childId: child, atVersion: 1 }])
      .when({ _tag: "BranchScenario", scenarioId: id, childId: child })
      .thenFails("ScenarioAlreadyExists")
    given([created]).when({ _tag: "BranchScenario", scenarioId: id, childId: id }).thenFails("InvalidInput")
  })

  it("records a run once; a retry is a no-op and another report under the same id a conflict", () => {
    const run = {
      _tag: "RecordRun",
      scenarioId: id,
      runId: "r1" as RunId,
      reportHash: hash,
      runs: 1000,
      seed: 1,
    } as const
    const completed: ScenarioEvent = {
      _tag: "RunCompleted",
      v: 1,
      runId: run.runId,
      reportHash: hash,
      runs: 1000,
      seed: 1,
    }
    given([created]).when(run).thenEvents([completed])
    const state = given([created, added]).when(run).thenState() as ActiveScenario
    expect(state.runs).toEqual([{ runId: "r1", reportHash: hash, runs: 1000, seed: 1, atVersion: 3 }])
    given([created, completed]).when(run).thenEvents([])
    given([created, completed])
      .when({ ...run, reportHash: "b".repeat(64) })
      .thenFails("RunConflict")
  })
})
