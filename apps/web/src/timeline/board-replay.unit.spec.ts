import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { describe, expect, it } from "vitest"
import { describeTrajectoryEvent, statesAsOf, type TrajectoryEvent } from "./board-replay.js"

const initial = new Map<string, LifecycleState>([
  ["grants", "proposed"],
  ["consultations", "agreed"],
])

const events: ReadonlyArray<TrajectoryEvent> = [
  { _tag: "CommitmentAgreed", month: 2, commitment: "grants", amountUsdM: 100 },
  { _tag: "CommitmentProgressed", month: 3, commitment: "grants", deliveredUsdM: 40 },
  { _tag: "CommitmentStalled", month: 4, commitment: "grants" },
  { _tag: "CommitmentProposed", month: 5, commitment: "sanctions-package-1", amountUsdM: 0 },
  { _tag: "CommitmentResumed", month: 6, commitment: "grants" },
  { _tag: "ConsultationHeld", month: 6, commitment: "consultations" },
  { _tag: "CommitmentImplemented", month: 9, commitment: "grants" },
  { _tag: "CommitmentWithdrawn", month: 9, commitment: "consultations" },
]

describe("the board as of a month", () => {
  it("starts from the states at month 0", () => {
    expect(Object.fromEntries(statesAsOf(initial, events, 0))).toEqual({
      grants: "proposed",
      consultations: "agreed",
    })
  })

  it("applies every lifecycle event up to and including the month, and nothing after it", () => {
    expect(statesAsOf(initial, events, 4).get("grants")).toBe("stalled")
    expect(statesAsOf(initial, events, 6).get("grants")).toBe("agreed")
    expect(Object.fromEntries(statesAsOf(initial, events, 9))).toEqual({
      grants: "implemented",
      consultations: "withdrawn",
      "sanctions-package-1": "proposed",
    })
  })

  it("shows a commitment an intervention proposes only from its proposal on", () => {
    expect(statesAsOf(initial, events, 4).has("sanctions-package-1")).toBe(false)
    expect(statesAsOf(initial, events, 5).get("sanctions-package-1")).toBe("proposed")
  })

  it("describes events in the classroom's words", () => {
    const title = (id: string) => (id === "grants" ? "Grant opportunities" : id)
    expect(describeTrajectoryEvent(events[0] as TrajectoryEvent, title)).toBe(
      "Grant opportunities agreed (USD 100 m)",
    )
    expect(describeTrajectoryEvent(events[1] as TrajectoryEvent, title)).toBe(
      "Grant opportunities: USD 40.0 m delivered",
    )
  })
})
