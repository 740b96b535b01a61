import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { packCatalog } from "./packs/built-in-packs.js"
import { decodeScenarioSpec } from "./scenario-spec.js"

const pack = "sybiha-visit-2025"

/** The issues a spec is refused with, against the real built-in pack. */
const issuesOf = (input: Record<string, unknown>) => {
  const result = decodeScenarioSpec({ pack, ...input }, packCatalog)
  if (Either.isRight(result)) throw new Error("expected the spec to be refused")
  return result.left.issues
}
const aid = { type: "aid-package", month: 1, sector: "energy", amountUsdM: 100, form: "grant" }

describe("the messages a person reads for typical mistakes", () => {
  it("a sector that does not exist: one issue listing the sectors", () => {
    expect(issuesOf({ interventions: [{ ...aid, sector: "moon" }] })).toEqual([
      {
        path: "interventions.0.sector",
        message:
          'expected one of energy, digital, health, smes, infrastructure, demining, humanitarian; got "moon"',
      },
    ])
  })

  it("a typo in an intervention type points at the one meant", () => {
    const typo = { type: "sanctons-package", month: 3, coverage: 0.3, enforcement: 0.8 }
    expect(issuesOf({ interventions: [typo] })).toEqual([
      {
        path: "interventions.0.type",
        message: expect.stringMatching(
          /^expected one of sanctions-package, aid-package, .*; got "sanctons-package" \(did you mean "sanctions-package"\?\)$/,
        ),
      },
    ])
  })

  it("a number out of range says its range and unit in words", () => {
    expect(issuesOf({ runs: 0 })).toEqual([
      { path: "runs", message: "between 1 and 100,000 Monte Carlo runs; got 0" },
    ])
    expect(issuesOf({ horizonMonths: 2.5 })).toEqual([
      { path: "horizonMonths", message: "a whole number between 1 and 120 months; got 2.5" },
    ])
    expect(issuesOf({ interventions: [{ ...aid, amountUsdM: -5 }] })).toEqual([
      { path: "interventions.0.amountUsdM", message: "more than 0 and at most 100,000 USD millions; got -5" },
    ])
  })

  it("an unknown pack id and a near miss of the real one", () => {
    expect(issuesOf({ pack: "sybiha-visit-2024" })).toEqual([
      {
        path: "pack",
        message:
          'unknown pack: expected sybiha-visit-2025; got "sybiha-visit-2024" (did you mean "sybiha-visit-2025"?)',
      },
    ])
  })

  it("an unknown commitment id in a delay, with the one meant", () => {
    const [issue, ...rest] = issuesOf({
      interventions: [{ type: "delay", commitment: "energy-project", months: 6 }],
    })
    expect(rest).toEqual([])
    expect(issue?.path).toBe("interventions.0.commitment")
    expect(issue?.message).toMatch(
      /^unknown commitment in pack 'sybiha-visit-2025': expected one of sanctions-additional, .*, energy-projects, .*; got "energy-project" \(did you mean "energy-projects"\?\)$/,
    )
  })

  it("a form, an unknown field and a parameter id get the same treatment", () => {
    expect(issuesOf({ interventions: [{ ...aid, form: "grnat" }], sed: 4 })).toEqual([
      {
        path: "sed",
        message: expect.stringMatching(
          /^unknown field "sed"; expected one of pack, .*seed.* \(did you mean "seed"\?\)$/,
        ),
      },
      {
        path: "interventions.0.form",
        message: 'expected one of grant, loan, in-kind; got "grnat" (did you mean "grant"?)',
      },
    ])
    const parameter = packCatalog.parameterIds(pack)[0] ?? ""
    const [issue] = issuesOf({ assumptions: { [`${parameter}x`]: 1 } })
    expect(issue?.message).toMatch(new RegExp(`; got "${parameter}x" \\(did you mean "${parameter}"\\?\\)$`))
  })

  it("a missing field and a value of the wrong kind say what belongs there", () => {
    expect(issuesOf({ interventions: [{ type: "sanctions-package", month: 3, coverage: 0.3 }] })).toEqual([
      {
        path: "interventions.0.enforcement",
        message: "missing: expected a number between 0 and 1 (a share: 0 = none, 1 = all)",
      },
    ])
    expect(issuesOf({ interventions: "none" })).toEqual([
      { path: "interventions", message: 'expected a list; got "none"' },
    ])
  })
})
