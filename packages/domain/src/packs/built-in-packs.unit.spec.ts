import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { decodeScenarioSpec } from "../scenario-spec.js"
import { builtInPacks, getPack, packCatalog } from "./built-in-packs.js"
import { decodePack } from "./load-pack.js"
import sybihaVisit2025 from "./sybiha-visit-2025.json" with { type: "json" }

const expectedStates: Record<string, string> = {
  "sanctions-additional": "proposed",
  "defense-consultations": "agreed",
  "counter-drone": "proposed",
  "defense-modernization": "proposed",
  "hybrid-warfare": "proposed",
  "intelligence-sharing": "proposed",
  "energy-projects": "proposed",
  "digital-transformation": "proposed",
  healthcare: "proposed",
  "small-business": "proposed",
  "rebuilding-cities": "proposed",
  "aid-packages": "proposed",
  "grant-opportunities": "proposed",
  "technology-transfers": "proposed",
  "expo-national-day": "agreed",
  "era-loan": "agreed",
}

const clone = (): { -readonly [K in keyof typeof sybihaVisit2025]: (typeof sybihaVisit2025)[K] } =>
  structuredClone(sybihaVisit2025)

describe("built-in pack sybiha-visit-2025", () => {
  const pack = getPack("sybiha-visit-2025")

  it("loads, with the 16 commitments and starting states of the design", () => {
    expect(builtInPacks.map((p) => p.id)).toEqual(["sybiha-visit-2025"])
    expect(Object.fromEntries(pack?.commitments.map((c) => [c.id, c.initialState]) ?? [])).toEqual(
      expectedStates,
    )
    expect(pack?.commitments.find((c) => c.id === "expo-national-day")?.implementedAtMonth).toBe(0)
  })

  it("gives every number a source or an assumption label with a range and a rationale", () => {
    for (const p of pack?.parameters ?? []) {
      if (p.basis === "fact") expect(p.facts.length, p.id).toBeGreaterThan(0)
      else expect(p.rationale.length, p.id).toBeGreaterThanOrEqual(10)
      expect(p.low <= p.mode && p.mode <= p.high, p.id).toBe(true)
    }
    const era = pack?.parameters.find((p) => p.id === "era-loan.amount-usd-m")
    expect(era?.basis).toBe("fact")
    expect(era?.facts.map((f) => f.url)).toContain(
      "https://unn.ua/en/news/japan-to-provide-ukraine-with-dollar3-billion-loan-from-g7-using-its-natural-resources",
    )
  })

  it("rejects duplicate ids, unknown parameters and kinds without hazards, with paths", () => {
    const broken = clone()
    broken.commitments[1] = { ...broken.commitments[1], id: broken.commitments[0].id } as never
    broken.hazards[0] = { ...broken.hazards[0], agree: "no-such-parameter" }
    broken.hazards = broken.hazards.filter((h) => h.kind !== "technology-transfer")
    const result = decodePack(broken)
    expect(Either.isLeft(result)).toBe(true)
    const issues = Either.isLeft(result) ? result.left.issues : []
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: "commitments", message: "duplicate id 'sanctions-additional'" },
        { path: "hazards.0.agree", message: "unknown parameter 'no-such-parameter'" },
        { path: "commitments.2.kind", message: "no hazards for kind 'technology-transfer'" },
      ]),
    )
  })

  it("rejects a parameter whose range is out of order, with its path", () => {
    const broken = clone()
    broken.parameters[1] = { ...broken.parameters[1], low: 900, mode: 500 }
    const result = decodePack(broken)
    expect(Either.isLeft(result) && result.left.issues.some((i) => i.path.startsWith("parameters.1"))).toBe(
      true,
    )
  })

  it("serves as the catalog that scenario specs are checked against", () => {
    const ok = decodeScenarioSpec(
      {
        pack: "sybiha-visit-2025",
        interventions: [{ type: "delay", commitment: "era-loan", months: 3 }],
        assumptions: { "energy.cost-per-mw-usd-m": 1 },
      },
      packCatalog,
    )
    expect(Either.isRight(ok)).toBe(true)
    const bad = decodeScenarioSpec(
      {
        pack: "sybiha-visit-2025",
        interventions: [{ type: "withdraw", commitment: "nope", month: 1 }],
        assumptions: { "energy.cost-per-mw-usd-m": 100 },
      },
      packCatalog,
    )
    expect(Either.isLeft(bad) ? bad.left.issues.map((i) => i.path) : []).toEqual([
      "interventions.0.commitment",
      "assumptions.energy.cost-per-mw-usd-m",
    ])
  })
})
