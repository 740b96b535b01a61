import {
  type ActiveExercise,
  describeMove,
  type ExerciseEvent,
  type ExerciseState,
  IndicatorOutcome,
  roleName,
} from "@accord/domain"
import type { RecordedEvent } from "@accord/event-store"
import { Schema } from "effect"
import { decider } from "./exercise-stream.js"

export type ExerciseLogFormat = "json" | "csv" | "markdown"

export const exerciseLogMediaType: Readonly<Record<ExerciseLogFormat, string>> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
}

/** One line of the log: what happened, who did it, in which round; a round close carries its outcomes. */
const LogEntry = Schema.Struct({
  version: Schema.Int,
  recordedAt: Schema.String,
  round: Schema.NullOr(Schema.Int),
  kind: Schema.Literal("round-start", "round-close", "event"),
  type: Schema.String,
  actor: Schema.String,
  team: Schema.NullOr(Schema.String),
  moveId: Schema.NullOr(Schema.String),
  text: Schema.String,
  outcomes: Schema.optional(Schema.Array(IndicatorOutcome)),
}).annotations({ identifier: "ExerciseLogEntry" })
type LogEntry = typeof LogEntry.Type

/** The JSON log, as GET /api/exercises/{id}/log answers it (the document's schema). */
export const ExerciseLogSchema = Schema.Struct({
  exercise: Schema.Struct({
    id: Schema.String,
    name: Schema.String,
    pack: Schema.String,
    rounds: Schema.Int,
    roundMonths: Schema.Int,
    runs: Schema.Int,
    seed: Schema.Int,
  }),
  entries: Schema.Array(LogEntry),
}).annotations({ identifier: "ExerciseLog" })

const clockText = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}`

/** The entries one event makes, read against the state before it (for team names and the open round). */
const entriesOf = (
  event: ExerciseEvent,
  before: ExerciseState,
  at: { version: number; recordedAt: string },
) => {
  const state = before._tag === "ActiveExercise" ? before : undefined
  const round = state?.openRound ?? null
  const teamName = (teamId: string) => state?.teams.find((t) => t.teamId === teamId)?.name ?? null
  const entry = (e: Omit<LogEntry, "version" | "recordedAt">): LogEntry => ({ ...at, ...e })
  const base = { round, moveId: null, team: null } as const
  switch (event._tag) {
    case "ExerciseCreated":
      return [
        entry({
          ...base,
          round: null,
          kind: "event",
          type: event._tag,
          actor: "facilitator",
          text: `Exercise "${event.name}" created: ${event.rounds} rounds of ${event.roundMonths} months on pack ${event.pack}${event.approval === "required" ? ", moves need the facilitator's approval" : ""}`,
        }),
        entry({
          ...base,
          round: 1,
          kind: "round-start",
          type: "RoundStarted",
          actor: "facilitator",
          text: "Round 1 opens at month 0",
        }),
      ]
    case "TeamJoined":
      return [
        entry({
          ...base,
          kind: "event",
          type: event._tag,
          actor: event.role,
          team: event.name,
          text: `${event.name} joins as ${roleName(event.role)}`,
        }),
      ]
    case "SeatRejoined": {
      const team = state?.teams.find((t) => t.teamId === event.teamId)
      return [
        entry({
          ...base,
          kind: "event",
          type: event._tag,
          actor: team?.role ?? "team",
          team: teamName(event.teamId),
          text: `${teamName(event.teamId) ?? "A team"} rejoins from another device`,
        }),
      ]
    }
    case "ObserverJoined":
      return [
        entry({
          ...base,
          kind: "event",
          type: event._tag,
          actor: "observer",
          team: event.name,
          text: `${event.name} joins as an observer`,
        }),
      ]
    case "MoveSubmitted":
    case "ShockInjected": {
      const actor = event._tag === "MoveSubmitted" ? event.role : "facilitator"
      const team = event._tag === "MoveSubmitted" ? teamName(event.teamId) : "Facilitator"
      return [
        entry({
          ...base,
          round: event.round,
          kind: "event",
          type: event._tag,
          actor,
          team,
          moveId: event.moveId,
          text: describeMove(event.move),
        }),
      ]
    }
    case "MoveAdjudicated": {
      const verb = { approve: "approves", amend: "amends", reject: "rejects" }[event.decision]
      const amended = event.move === undefined ? "" : ` to: ${describeMove(event.move)}`
      return [
        entry({
          ...base,
          round: event.round,
          kind: "event",
          type: event._tag,
          actor: "facilitator",
          team: teamName(event.teamId),
          moveId: event.moveId,
          text: `Facilitator ${verb} move ${event.moveId}${amended} (${event.reason})`,
        }),
      ]
    }
    case "RoundClockSet":
      return [
        entry({
          ...base,
          round: event.round,
          kind: "event",
          type: event._tag,
          actor: "facilitator",
          text: `Round clock ${event.running ? "running" : "paused"} with ${clockText(event.remainingMs)} left`,
        }),
      ]
    case "RoundRevealed":
      return [
        entry({
          ...base,
          kind: "event",
          type: event._tag,
          actor: "facilitator",
          text: `Rounds up to ${event.round} shown to observers`,
        }),
      ]
    case "RoundClosed": {
      const closed = entry({
        ...base,
        round: event.round,
        kind: "round-close",
        type: event._tag,
        actor: "facilitator",
        text: `Round ${event.round} closes at month ${event.month}: ${event.applied.length} moves applied, ${event.voided.length} void${event.voided.map((v) => `; ${v.moveId}: ${v.reason}`).join("")}`,
        outcomes: event.outcomes.indicators,
      })
      const next =
        state !== undefined && event.round < state.rounds
          ? [
              entry({
                ...base,
                round: event.round + 1,
                kind: "round-start",
                type: "RoundStarted",
                actor: "facilitator",
                text: `Round ${event.round + 1} opens at month ${event.month}`,
              }),
            ]
          : []
      return [closed, ...next]
    }
  }
}

const csvCell = (value: unknown): string => {
  const text = value === null || value === undefined ? "" : String(value)
  // Quote anything a spreadsheet could misread; a leading = + - @ is neutralized against formula injection.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe
}

const toCsv = (entries: ReadonlyArray<LogEntry>): string => {
  const header =
    "version,recorded_at,round,kind,type,actor,team,move_id,text,indicator,unit,p10,p50,p90,baseline_p50,no_moves_p50"
  const rows = entries.flatMap((e) => {
    const head = [e.version, e.recordedAt, e.round, e.kind, e.type, e.actor, e.team, e.moveId, e.text]
    if (e.outcomes === undefined || e.outcomes.length === 0) return [[...head, "", "", "", "", "", "", ""]]
    return e.outcomes.map((o) => [...head, o.id, o.unit, o.p10, o.p50, o.p90, o.baselineP50, o.noMovesP50])
  })
  return `${[header, ...rows.map((r) => r.map(csvCell).join(","))].join("\n")}\n`
}

const md = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ")
const num = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2))

const toMarkdown = (state: ActiveExercise, entries: ReadonlyArray<LogEntry>): string => {
  const lines = [
    `# ${md(state.name)}: exercise log`,
    "",
    `Pack ${state.pack}, ${state.rounds} rounds of ${state.roundMonths} months, ${state.runs} runs, seed ${state.seed}.`,
    "",
  ]
  for (const e of entries) {
    if (e.kind === "round-start") {
      lines.push(`## Round ${e.round}`, "", `- ${e.recordedAt} · ${md(e.text)}`)
      continue
    }
    lines.push(`- ${e.recordedAt} · ${e.team === null ? "" : `**${md(e.team)}** · `}${md(e.text)}`)
    if (e.kind === "round-close" && e.outcomes !== undefined && e.outcomes.length > 0) {
      lines.push(
        "",
        `Outcomes at the horizon as projected when round ${e.round} closed (median, 8 in 10 runs between p10 and p90):`,
        "",
      )
      lines.push(
        "| Indicator | p10 | median | p90 | baseline median | no-moves median |",
        "|---|---:|---:|---:|---:|---:|",
      )
      for (const o of e.outcomes)
        lines.push(
          `| ${md(o.label)} (${md(o.unit)}) | ${num(o.p10)} | ${num(o.p50)} | ${num(o.p90)} | ${num(o.baselineP50)} | ${num(o.noMovesP50)} |`,
        )
      lines.push("")
    }
  }
  return `${lines.join("\n")}\n`
}

/**
 * The exercise's full log for the facilitator: every event in order with
 * its round, round markers where a round opens and closes, and the outcomes
 * as they were projected at each close. No secrets: hashes never appear.
 */
export const exerciseLog = (
  state: ActiveExercise,
  events: ReadonlyArray<RecordedEvent<ExerciseEvent>>,
  format: ExerciseLogFormat,
): string => {
  let folded: ExerciseState = decider.initialState
  const entries: Array<LogEntry> = []
  for (const recorded of events) {
    entries.push(
      ...entriesOf(recorded.data, folded, {
        version: recorded.version,
        recordedAt: recorded.recordedAt.toISOString(),
      }),
    )
    folded = decider.evolve(folded, recorded.data)
  }
  if (format === "csv") return toCsv(entries)
  if (format === "markdown") return toMarkdown(state, entries)
  const exercise: typeof ExerciseLogSchema.Type.exercise = {
    id: state.exerciseId,
    name: state.name,
    pack: state.pack,
    rounds: state.rounds,
    roundMonths: state.roundMonths,
    runs: state.runs,
    seed: state.seed,
  }
  const log: typeof ExerciseLogSchema.Encoded = { exercise, entries }
  return JSON.stringify(log, null, 2)
}
