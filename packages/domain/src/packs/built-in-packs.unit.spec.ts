import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { decodeScenarioSpec } from "../scenario-spec.js"
import { builtInPacks, getPack, packCatalog } from "./built-in-packs.js"
import { decodePack } from "./load-pack.js"
import sybihaVisit2025 from "./sybiha-visit-2025.json" with { type: "json" }

/** Starting states as the facts justify them (docs/model.md, "Commitments"): discussed where the article only expected. */
const expectedStates: Record<string, string> = {
  "sanctions-additional": "discussed",
  "defense-consultations": "agreed",
  "counter-drone": "discussed",
  "defense-modernization": "discussed",
  "hybrid-warfare": "agreed",
  "intelligence-sharing": "agreed",
  "energy-projects": "discussed",
  "digital-transformation": "discussed",
  healthcare: "discussed",
  "small-business": "discussed",
  "rebuilding-cities": "discussed",
  "aid-packages": "discussed",
  "grant-opportunities": "discussed",
  "technology-transfers": "proposed",
  "expo-national-day": "agreed",
  "era-loan": "agreed",
  "tax-treaty": "implemented",
  "investment-agreement": "discussed",
  "mine-action-conference": "agreed",
}

/** Japan's readout of the Iwaya–Kachka meeting (H): the source of the visit's own outcomes. */
const READOUT = "https://www.mofa.go.jp/mofaj/press/release/pressit_000001_02513.html"

const clone = (): { -readonly [K in keyof typeof sybihaVisit2025]: (typeof sybihaVisit2025)[K] } =>
  structuredClone(sybihaVisit2025)

describe("built-in pack sybiha-visit-2025", () => {
  const pack = getPack("sybiha-visit-2025")

  it("loads, with the 19 commitments and starting states the facts justify", () => {
    expect(builtInPacks.map((p) => p.id)).toEqual(["sybiha-visit-2025"])
    expect(Object.fromEntries(pack?.commitments.map((c) => [c.id, c.initialState]) ?? [])).toEqual(
      expectedStates,
    )
    expect(pack?.commitments.find((c) => c.id === "expo-national-day")?.implementedAtMonth).toBe(0)
    expect(pack?.commitments.find((c) => c.id === "mine-action-conference")?.implementedAtMonth).toBe(2)
  })

  it("cites a fact dated no later than the visit for every commitment that starts proposed or later", () => {
    for (const c of pack?.commitments ?? []) {
      if (c.initialState === "discussed") continue
      expect(
        c.source.facts.some((f) => f.asOf !== undefined && f.asOf <= (pack?.visit.to ?? "")),
        c.id,
      ).toBe(true)
    }
  })

  it("puts no amount on a commitment the sources did not give one: proposed-or-later amounts are facts, discussed ones labelled ranges", () => {
    const byId = new Map(pack?.parameters.map((p) => [p.id as string, p]))
    for (const c of pack?.commitments ?? []) {
      if (c.amount === undefined) continue
      const p = byId.get(c.amount.parameter)
      expect(p, c.id).toBeDefined()
      if (c.initialState !== "discussed") expect(p?.basis, c.id).toBe("fact")
      else {
        expect(p?.basis, c.id).toBe("assumption")
        expect(p && p.low < p.high, `${c.id}: a range, not a point`).toBe(true)
        expect(p?.rationale, c.id).toMatch(/no (new )?(package|amount|grant phase)[^.]*announced/i)
      }
    }
    // The amounts no source gives (small-business the clearest case) are gone.
    for (const id of ["small-business", "digital-transformation", "healthcare"])
      expect(pack?.commitments.find((c) => c.id === id)?.amount, id).toBeUndefined()
    // Only the ERA loan is pledged at the visit.
    const pledgedAtVisit = pack?.commitments.filter(
      (c) => c.amount !== undefined && c.initialState !== "discussed",
    )
    expect(pledgedAtVisit?.map((c) => c.id)).toEqual(["era-loan"])
  })

  it("carries confidence, who commits to whom as reported, and what predates the visit", () => {
    const c = (id: string) => pack?.commitments.find((x) => x.id === id)
    expect(c("defense-consultations")?.source).toMatchObject({ confidence: "M", predatesVisit: true })
    expect(c("technology-transfers")).toMatchObject({
      from: "ukraine",
      to: "japan",
      initialState: "proposed",
    })
    expect(c("energy-projects")).toMatchObject({ from: "ukraine", to: "japan" })
    for (const id of [
      "era-loan",
      "hybrid-warfare",
      "intelligence-sharing",
      "tax-treaty",
      "defense-consultations",
    ])
      expect(c(id)?.source.predatesVisit, id).toBe(true)
    expect(c("intelligence-sharing")?.source.facts.map((f) => f.asOf)).toContain("2024-11-16")
    for (const id of ["tax-treaty", "investment-agreement", "mine-action-conference"]) {
      expect(
        c(id)?.source.facts.map((f) => f.url),
        id,
      ).toContain(READOUT)
      expect(c(id)?.source.confidence, id).toBe("H")
    }
    expect(c("mine-action-conference")?.sector).toBe("demining")
    for (const x of pack?.commitments ?? []) expect(x.source.stateBasis.length, x.id).toBeGreaterThan(20)
  })

  it("rejects a commitment that starts proposed without a pre-visit fact, a wrong confidence or an amount no source gave", () => {
    const broken = clone()
    // Grant opportunities cites only a source dated after the visit (JICA's phases, 2025-12-30).
    const grants = broken.commitments.findIndex((c) => c.id === "grant-opportunities")
    const era = broken.commitments.findIndex((c) => c.id === "era-loan")
    broken.commitments[grants] = { ...broken.commitments[grants], initialState: "proposed" } as never
    broken.commitments[era] = {
      ...broken.commitments[era],
      source: { ...broken.commitments[era].source, confidence: "H" },
    } as never
    const result = decodePack(broken)
    const paths = Either.isLeft(result) ? result.left.issues.map((i) => i.path) : []
    expect(paths).toEqual(
      expect.arrayContaining([
        `commitments.${grants}.initialState`,
        `commitments.${grants}.amount.parameter`,
        `commitments.${era}.source.confidence`,
      ]),
    )
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
