import { builtInPacks, decodeScenarioSpec, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { defaultSimulatorOptions } from "../src/simulation/simulator.js"
import { workOf } from "../src/simulation/work-ceiling.js"

// The comments on the thresholds (and docs/api.md) give them in runs of the default pack: hold them to it.
describe("the simulator's thresholds in runs of the default pack", () => {
  const pack = builtInPacks[0]
  if (pack === undefined) throw new Error("no built-in pack")
  const spec = decodeScenarioSpec({ pack: pack.id, runs: 1, seed: 1, interventions: [] }, packCatalog)
  if (Either.isLeft(spec)) throw new Error("the one-run spec does not decode")
  const runsAt = (threshold: number) => threshold / workOf(pack, spec.right)

  it("a run costs 19 commitments × 25 months at the default 24-month horizon", () => {
    expect(spec.right.horizonMonths).toBe(24)
    expect(workOf(pack, spec.right)).toBe(19 * 25)
  })

  it("workerThreshold is about 210 runs", () => {
    expect(Math.round(runsAt(defaultSimulatorOptions.workerThreshold) / 10) * 10).toBe(210)
  })

  it("backgroundThreshold is about 4,200 runs", () => {
    expect(Math.round(runsAt(defaultSimulatorOptions.backgroundThreshold) / 100) * 100).toBe(4_200)
  })
})
