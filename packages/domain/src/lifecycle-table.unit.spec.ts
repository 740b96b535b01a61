import { describe, expect, it } from "vitest"
import { eventIndex, lifecycleTable, NO_TRANSITION, stateIndex } from "./lifecycle-table.js"

describe("compiled lifecycle table", () => {
  it("follows the spine discussed → proposed → agreed → implemented", () => {
    const next = (state: Parameters<typeof stateIndex>[0], event: Parameters<typeof eventIndex>[0]) =>
      lifecycleTable.next[stateIndex(state) * lifecycleTable.eventCount + eventIndex(event)]
    expect(next("discussed", "PROPOSE")).toBe(stateIndex("proposed"))
    expect(next("discussed", "WITHDRAW")).toBe(stateIndex("withdrawn"))
    expect(next("discussed", "AGREE")).toBe(NO_TRANSITION)
    expect(next("proposed", "PROPOSE")).toBe(NO_TRANSITION)
    expect(next("proposed", "AGREE")).toBe(stateIndex("agreed"))
    expect(next("agreed", "COMPLETE")).toBe(stateIndex("implemented"))
    expect(next("agreed", "DELIVER")).toBe(stateIndex("agreed"))
    expect(next("proposed", "DELIVER")).toBe(NO_TRANSITION)
    expect(next("implemented", "WITHDRAW")).toBe(NO_TRANSITION)
  })
})
