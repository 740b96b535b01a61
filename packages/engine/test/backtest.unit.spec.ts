import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { type CommitmentId, getPack, type Observation, observationSeedOf } from "@accord/domain"
import { describe, expect, it } from "vitest"
import { backtest, scoreOf } from "../src/backtest.js"
import {
  BACKTEST_SECTION_END,
  BACKTEST_SECTION_START,
  modelCardBacktestSection,
} from "../src/render/index.js"

const pack = getPack("sybiha-visit-2025")
const seed = observationSeedOf("sybiha-visit-2025")
if (pack === undefined || seed === undefined) throw new Error("pack or seed missing")

describe("scores of a weighted empirical distribution", () => {
  it("CRPS of one run is the absolute error; of two equal-weight runs, the known formula", () => {
    expect(scoreOf(Float32Array.of(3), Float64Array.of(1), 5)).toEqual({ below: 1, crps: 2 })
    // Runs 0 and 2, y = 1: E|X − y| = 1, ½ E|X − X′| = ½ · ½ · 2 = 0.5, so CRPS = 0.5.
    expect(scoreOf(Float32Array.of(0, 2), Float64Array.of(1, 1), 1)).toEqual({ below: 0.5, crps: 0.5 })
    // A run of weight 0 does not count.
    expect(scoreOf(Float32Array.of(0, 2, 100), Float64Array.of(1, 1, 0), 1)).toEqual({
      below: 0.5,
      crps: 0.5,
    })
  })
})

describe("backtest", () => {
  const era: Observation = {
    id: "era-later",
    date: "2026-02-27",
    about: { commitment: "era-loan" as CommitmentId },
    value: 544,
    source: "https://example.org/era",
    confidence: "M",
  }

  it("has a row for every later observation with a value or a state, and is deterministic", () => {
    const result = backtest(pack, seed.observations, { asOf: "2025-08-05", runs: 300 })
    const later = seed.observations.filter((o) => o.date > "2025-08-05")
    expect([...result.observations.map((r) => r.id), ...result.ignored.map((i) => i.id)].sort()).toEqual(
      later.map((o) => o.id).sort(),
    )
    for (const row of result.observations) {
      expect(row.p10 <= row.p50 && row.p50 <= row.p90, row.id).toBe(true)
      expect(row.inside).toBe(row.p10 <= row.observed && row.observed <= row.p90)
      expect(row.percentile).toBeGreaterThanOrEqual(0)
      expect(row.percentile).toBeLessThanOrEqual(1)
    }
    const inside = result.observations.filter((r) => r.inside).length
    expect(result.coverage).toBeCloseTo(inside / result.observations.length, 6)
    expect(backtest(pack, seed.observations, { asOf: "2025-08-05", runs: 300 })).toEqual(result)
  })

  it("conditions on what was observed up to asOf, and only compares what came after", () => {
    const before = backtest(pack, [era], { asOf: "2025-08-05", runs: 300 })
    expect(before.conditionedOn).toBe(0)
    expect(before.observations.map((r) => r.id)).toEqual(["era-later"])
    const after = backtest(pack, [era], { asOf: "2026-02-28", runs: 300 })
    expect(after.conditionedOn).toBe(1)
    expect(after.observations).toEqual([])
    expect(after.coverage).toBeNull()
  })
})

describe("docs/model.md, How well did it project?", () => {
  it("is up to date with the model and the seed (if not: pnpm docs:backtest)", () => {
    const text = readFileSync(fileURLToPath(new URL("../../../docs/model.md", import.meta.url)), "utf8")
    const start = text.indexOf(BACKTEST_SECTION_START)
    const end = text.indexOf(BACKTEST_SECTION_END) + BACKTEST_SECTION_END.length
    expect(start).toBeGreaterThan(0)
    expect(text.slice(start, end)).toBe(modelCardBacktestSection(pack, seed.observations, seed.visit.to))
  })
})
