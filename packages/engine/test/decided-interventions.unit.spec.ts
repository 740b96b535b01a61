import { describe, expect, it } from "vitest"
import { trajectory } from "../src/trajectory.js"
import type { TrajectoryEvent } from "../src/trajectory-event.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

const RUNS = 40
/** The state a commitment is in after an event (consultations change nothing). */
const STATE_AFTER: Readonly<Record<string, string>> = {
  CommitmentAgreed: "agreed",
  CommitmentResumed: "agreed",
  CommitmentStalled: "stalled",
  CommitmentWithdrawn: "withdrawn",
  CommitmentImplemented: "implemented",
}
const eventsOf = (interventions: ReadonlyArray<unknown>) => {
  const spec = decodeSpec({ pack: pack.id, runs: RUNS, seed: 11, interventions })
  return Array.from({ length: RUNS }, (_, run) => trajectory(pack, spec, run))
}
const about = (events: ReadonlyArray<TrajectoryEvent>, commitment: string) =>
  events.filter((e) => "commitment" in e && e.commitment === commitment && e._tag !== "InterventionApplied")

describe("interventions that record decisions already taken", () => {
  it("an agreed aid package is proposed and agreed at its month in every run: no agreement draw", () => {
    for (const events of eventsOf([
      {
        type: "aid-package",
        month: 6,
        sector: "energy",
        amountUsdM: 300,
        form: "grant",
        initialState: "agreed",
      },
    ])) {
      const own = about(events, "intervention-1-aid-energy")
      expect(own.slice(0, 2).map((e) => [e._tag, e.month])).toEqual([
        ["CommitmentProposed", 6],
        ["CommitmentAgreed", 6],
      ])
    }
  })

  it("a package delivered at implementedAtMonth has delivered everything by then, unless it stalled or was withdrawn", () => {
    let deliveredInFull = 0
    for (const events of eventsOf([
      {
        type: "aid-package",
        month: 2,
        sector: "health",
        amountUsdM: 200,
        form: "grant",
        initialState: "agreed",
        implementedAtMonth: 5,
      },
    ])) {
      const own = about(events, "intervention-1-aid-health")
      const upTo5 = own.filter((e) => e.month <= 5)
      const last = upTo5.at(-1)
      if (last?._tag === "CommitmentImplemented") {
        deliveredInFull++
        const delivered = upTo5.reduce(
          (s, e) => s + (e._tag === "CommitmentProgressed" ? e.deliveredUsdM : 0),
          0,
        )
        expect(delivered).toBeCloseTo(200, 6)
      } else expect(["CommitmentStalled", "CommitmentWithdrawn"]).toContain(last?._tag)
    }
    expect(deliveredInFull).toBeGreaterThan(RUNS / 2)
  })

  it("a stall stalls an agreed commitment at its month, and leaves one that is not agreed alone", () => {
    let stalled = 0
    for (const events of eventsOf([{ type: "stall", commitment: "defense-consultations", month: 3 }])) {
      const own = about(events, "defense-consultations")
      let stateBefore = "agreed"
      for (const e of own.filter((x) => x.month < 3)) stateBefore = STATE_AFTER[e._tag] ?? stateBefore
      const at3 = own.filter((e) => e.month === 3)
      if (stateBefore === "agreed") {
        expect(at3.map((e) => e._tag)).toEqual(["CommitmentStalled"])
        stalled++
      } else expect(at3.map((e) => e._tag)).not.toContain("CommitmentStalled")
    }
    // Not vacuous: about 57 % of runs are still agreed in month 3 (20,000 runs, geometric and monthly drivers
    // alike), so about 23 of 40 here, with a standard deviation of about 3 (it was RUNS / 2, which a new draw
    // of the same distribution missed by one).
    expect(stalled).toBeGreaterThan(RUNS / 4)
  })
})
