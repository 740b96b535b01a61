import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { deciderSpecification } from "../test/decider-specification.js"
import { lifecycleStates } from "./lifecycle.js"
import { lifecyclePosition, monthOfDate, Observation, type ObservationInput } from "./observation.js"
import { type ObservationCatalog, observationDecider } from "./observation-decider.js"
import type { ObservationRecorded } from "./observation-events.js"
import { strictParseOptions } from "./scenario-spec.js"
import { type InvalidInput, issuesFromParseError } from "./validation-issue.js"

const catalog: ObservationCatalog = {
  pack: "test-pack",
  commitmentIds: ["era-loan"],
  indicatorIds: ["funds.disbursed_usd_m"],
  earliestDate: "2025-08-03",
}
const { given } = deciderSpecification(observationDecider(catalog))
const decode = (input: ObservationInput) => Schema.decodeUnknownSync(Observation)(input, strictParseOptions)
const era = decode({
  id: "era-first",
  date: "2026-02-27",
  about: { commitment: "era-loan" },
  value: 544,
  source: "https://example.org/era",
  confidence: "M",
})
const recorded: ObservationRecorded = { _tag: "ObservationRecorded", v: 1, observation: era }
const record = (observation: Observation, today = "2026-12-02") =>
  ({ _tag: "RecordObservation", observation, today }) as const
const pathsOf = (error: InvalidInput) => error.issues.map((i) => i.path)

describe("observation decider", () => {
  it("records a valid observation", () => {
    given([]).when(record(era)).thenEvents([recorded])
    expect(given([]).when(record(era)).thenState()).toEqual({ version: 1, observations: [era] })
  })

  it("refuses a duplicate id", () => {
    const error = given([recorded]).when(record(era)).thenFails("InvalidInput") as InvalidInput
    expect(pathsOf(error)).toEqual(["observation.id"])
  })

  it("refuses an unknown commitment or indicator, with the path", () => {
    const commitment = given([])
      .when(record({ ...era, about: { commitment: "nope" as never } }))
      .thenFails("InvalidInput") as InvalidInput
    expect(pathsOf(commitment)).toEqual(["observation.about.commitment"])
    const indicator = given([])
      .when(record({ ...era, about: { indicator: "funds.nope" } }))
      .thenFails("InvalidInput") as InvalidInput
    expect(pathsOf(indicator)).toEqual(["observation.about.indicator"])
  })

  it("refuses a date before the visit or after today (the clock comes with the command)", () => {
    const before = given([])
      .when(record({ ...era, date: "2025-08-02" }))
      .thenFails("InvalidInput")
    expect(pathsOf(before as InvalidInput)).toEqual(["observation.date"])
    const after = given([]).when(record(era, "2026-02-26")).thenFails("InvalidInput")
    expect(pathsOf(after as InvalidInput)).toEqual(["observation.date"])
    given([])
      .when(record({ ...era, date: "2025-08-03" }))
      .thenEvents([{ ...recorded, observation: { ...era, date: "2025-08-03" } }])
  })
})

describe("observation shape", () => {
  const issues = (input: unknown) => {
    const result = Schema.decodeUnknownEither(Observation)(input, strictParseOptions)
    return Either.isLeft(result) ? issuesFromParseError(result.left).map((i) => i.path) : []
  }
  const base = { id: "x", date: "2025-09-12", about: { indicator: "a.b" }, value: 1, confidence: "L" }

  it("accepts an L observation without a source", () => {
    expect(issues(base)).toEqual([])
  })
  it("needs a source for H and M", () => {
    expect(issues({ ...base, confidence: "H" })).toEqual(["source"])
    expect(issues({ ...base, confidence: "M", source: "https://x.org" })).toEqual([])
  })
  it("needs a state or a value", () => {
    const { value: _, ...noValue } = base
    expect(issues(noValue)).toEqual(["value"])
  })
  it("gives a state only to commitments", () => {
    expect(issues({ ...base, state: "agreed" })).toEqual(["state"])
    expect(issues({ ...base, about: { commitment: "c" }, state: "agreed" })).toEqual([])
  })
  it("rejects a non-date, an unknown field and an about with both keys", () => {
    expect(issues({ ...base, date: "2025-02-30" })).toEqual(["date"])
    expect(issues({ ...base, extra: 1 })).toEqual(["extra"])
    expect(issues({ ...base, about: { indicator: "a.b", commitment: "c" } }).length).toBeGreaterThan(0)
  })
})

describe("lifecycle position", () => {
  it("places every state of the machine", () => {
    for (const state of lifecycleStates) expect(lifecyclePosition[state], state).toBeTypeOf("number")
  })
  it("counts months from the pack's start month", () => {
    expect(monthOfDate("2025-08-05", "2025-08")).toBe(0)
    expect(monthOfDate("2025-09-12", "2025-08")).toBe(1)
    expect(monthOfDate("2026-02-28", "2025-08")).toBe(6)
  })
})
