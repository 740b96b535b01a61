import { csvRecords } from "@accord/engine"
import type { LogEntry } from "./exercise-log-entry.js"

const cell = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? "" : String(value)

/** The log as CSV (RFC 4180): one row per entry, or per outcome of a round close. */
export const toCsv = (entries: ReadonlyArray<LogEntry>): string => {
  const header =
    "version,recorded_at,round,kind,type,actor,team,move_id,text,indicator,unit,p10,p50,p90,baseline_p50,no_moves_p50".split(
      ",",
    )
  const rows = entries.flatMap((e) => {
    const head = [e.version, e.recordedAt, e.round, e.kind, e.type, e.actor, e.team, e.moveId, e.text]
    if (e.outcomes === undefined || e.outcomes.length === 0) return [[...head, "", "", "", "", "", "", ""]]
    return e.outcomes.map((o) => [...head, o.id, o.unit, o.p10, o.p50, o.p90, o.baselineP50, o.noMovesP50])
  })
  // The one CSV writer (RFC 4180, formula-safe) that reports and debriefs use.
  return csvRecords([header, ...rows.map((row) => row.map(cell))])
}
