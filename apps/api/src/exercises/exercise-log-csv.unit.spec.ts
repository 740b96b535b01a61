import { describe, expect, it } from "vitest"
import { toCsv } from "./exercise-log-csv.js"
import type { LogEntry } from "./exercise-log-entry.js"

const entry = (text: string, outcomes?: LogEntry["outcomes"]): LogEntry => ({
  version: 3,
  recordedAt: "2026-12-02T10:00:00.000Z",
  round: 1,
  kind: outcomes === undefined ? "event" : "round-close",
  type: "MoveSubmitted",
  actor: "team",
  team: "japan",
  moveId: null,
  text,
  ...(outcomes === undefined ? {} : { outcomes }),
})

describe("the exercise log as CSV", () => {
  it("is written by the one CSV writer: CRLF records, a student's formula kept as text, negative numbers as numbers", () => {
    const csv = toCsv([
      entry('=HYPERLINK("http://x","click")'),
      entry("Round 1 closed", [
        {
          id: "funds",
          label: "Funds",
          unit: "USD m",
          p10: -500,
          p50: 12.5,
          p90: 40,
          baselineP50: 0,
          noMovesP50: -1,
        },
      ]),
    ])
    const records = csv.split("\r\n")
    expect(records[0]).toBe(
      "version,recorded_at,round,kind,type,actor,team,move_id,text,indicator,unit,p10,p50,p90,baseline_p50,no_moves_p50",
    )
    expect(records[1]).toBe(
      `3,2026-12-02T10:00:00.000Z,1,event,MoveSubmitted,team,japan,,"'=HYPERLINK(""http://x"",""click"")",,,,,,,`,
    )
    expect(records[2]).toBe(
      "3,2026-12-02T10:00:00.000Z,1,round-close,MoveSubmitted,team,japan,,Round 1 closed,funds,USD m,-500,12.5,40,0,-1",
    )
    expect(records.at(-1)).toBe("")
  })
})
