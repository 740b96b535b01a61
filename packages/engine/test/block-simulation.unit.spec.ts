import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { compileModel } from "../src/compiled-model.js"
import { BLOCK_THRESHOLD, simulate, simulateInMemory, simulationPath } from "../src/simulate.js"
import { simulateInBlocks } from "../src/simulate-in-blocks.js"
import { decodeSpec, intervention, pack, scenarioSpec } from "./scenario-spec-arbitrary.js"

/** The block path's report and the in-memory path's, as the bytes a client gets. */
const bothPaths = (input: unknown, blockRuns: number): [string, string] => {
  const model = compileModel(pack, decodeSpec(input))
  return [JSON.stringify(simulateInBlocks(model, blockRuns)), JSON.stringify(simulateInMemory(model))]
}

describe("simulation in blocks of runs (issue 17: 100,000 runs within 100 MB)", () => {
  it("is the path `simulate` takes above BLOCK_THRESHOLD runs, and only for unconditioned specs", () => {
    expect(simulationPath(decodeSpec({ pack: pack.id, runs: BLOCK_THRESHOLD }))).toBe("in-memory")
    expect(simulationPath(decodeSpec({ pack: pack.id, runs: BLOCK_THRESHOLD + 1 }))).toBe("blocks")
    expect(simulationPath(decodeSpec({ pack: pack.id, runs: 100_000, asOf: "2026-03-01" }))).toBe("in-memory")
  })

  it("gives the in-memory path's bytes for the default pack, whatever the block size", () => {
    // 7 runs a block: the first block's range misses most quantiles, which the buckets around it then hold.
    for (const blockRuns of [7, 250, 1_000, 1_999, 2_000, 5_000]) {
      const [blocks, inMemory] = bothPaths({ pack: pack.id, runs: 2_000, seed: 7 }, blockRuns)
      expect(blocks, `blocks of ${blockRuns}`).toBe(inMemory)
    }
  })

  it("gives the in-memory path's bytes with interventions (aid, sanctions, strikes, delays)", () => {
    const interventions = [
      { type: "aid-package", month: 6, sector: "energy", amountUsdM: 1000, form: "grant" },
      { type: "sanctions-package", month: 3, coverage: 0.4, enforcement: 0.7 },
      { type: "grid-strike", month: 4, mwDestroyed: 500 },
      { type: "sanctions-evasion", month: 2, evasionPerMonth: 0.02 },
    ]
    const [blocks, inMemory] = bothPaths({ pack: pack.id, runs: 3_000, seed: 42, interventions }, 700)
    expect(blocks).toBe(inMemory)
  })

  test.prop(
    [
      scenarioSpec.chain((spec) =>
        fc.tuple(
          fc.constant(spec),
          fc.array(intervention(spec.horizonMonths), { maxLength: 3 }),
          fc.integer({ min: 1, max: 400 }),
          fc.integer({ min: 1, max: 150 }),
        ),
      ),
    ],
    { numRuns: 30 },
  )("gives the in-memory path's bytes for any small spec and block size", ([spec, more, runs, blockRuns]) => {
    const input = { ...spec, runs, interventions: [...spec.interventions, ...more] }
    const [blocks, inMemory] = bothPaths(input, blockRuns)
    expect(blocks).toBe(inMemory)
  })

  it("is what `simulate` returns just above the threshold: the same bytes as the in-memory path", () => {
    const spec = decodeSpec({ pack: pack.id, runs: BLOCK_THRESHOLD + 1, seed: 3 })
    const report = simulate(pack, spec)
    expect(JSON.stringify(report)).toBe(JSON.stringify(simulateInMemory(compileModel(pack, spec))))
  })
})
