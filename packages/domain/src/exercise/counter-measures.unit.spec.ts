import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { getPack } from "../packs/built-in-packs.js"
import { counterMeasuresOf } from "./counter-measures.js"

const card = readFileSync(new URL("../../../../docs/model.md", import.meta.url), "utf8")

describe("Russia's counter-measures", () => {
  it("are the pack's labelled numbers: the modes of its assumptions", () => {
    expect(counterMeasuresOf("sybiha-visit-2025")).toEqual({
      evasion: { evasionPerMonth: 0.008, costUsdM: 300 },
      rerouting: { evasionPerMonth: 0.005, costUsdM: 150 },
    })
    expect(counterMeasuresOf("no-such-pack")).toBeUndefined()
  })

  it("are in the model card, each with its range and basis", () => {
    const measures = getPack("sybiha-visit-2025")?.exercise?.counterMeasures
    if (measures === undefined) throw new Error("the built-in pack has no counter-measures")
    for (const measure of [measures.evasion, measures.rerouting])
      for (const p of [measure.evasionPerMonth, measure.costUsdM]) {
        expect(p.basis === "assumption" ? p.rationale.length : p.facts.length, p.id).toBeGreaterThan(0)
        expect(card, p.id).toContain(`| \`${p.id}\` |`)
        expect(card, p.id).toContain(`| ${p.low} / ${p.mode} / ${p.high} |`)
      }
  })
})
