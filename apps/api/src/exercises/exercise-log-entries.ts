import { describeMove, type ExerciseEvent, type ExerciseState, roleName } from "@accord/domain"
import { type EntryContext, entryContext, type LogEntry, type LogPosition } from "./exercise-log-entry.js"

type EventOf<T extends ExerciseEvent["_tag"]> = Extract<ExerciseEvent, { _tag: T }>

const clockText = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")}`

const created = (event: EventOf<"ExerciseCreated">, { entry, event: eventEntry }: EntryContext) => [
  eventEntry(event._tag, {
    round: null,
    text: `Exercise "${event.name}" created: ${event.rounds} rounds of ${event.roundMonths} months on pack ${event.pack}${event.approval === "required" ? ", moves need the facilitator's approval" : ""}`,
  }),
  entry({
    round: 1,
    kind: "round-start",
    type: "RoundStarted",
    actor: "facilitator",
    text: "Round 1 opens at month 0",
  }),
]

const teamJoined = (event: EventOf<"TeamJoined">, c: EntryContext) => [
  c.event(event._tag, {
    actor: event.role,
    team: event.name,
    text: `${event.name} joins as ${roleName(event.role)}`,
  }),
]

const seatRejoined = (event: EventOf<"SeatRejoined">, c: EntryContext) => [
  c.event(event._tag, {
    actor: c.state?.teams.find((t) => t.teamId === event.teamId)?.role ?? "team",
    team: c.teamName(event.teamId),
    text: `${c.teamName(event.teamId) ?? "A team"} rejoins from another device`,
  }),
]

const observerJoined = (event: EventOf<"ObserverJoined">, c: EntryContext) => [
  c.event(event._tag, { actor: "observer", team: event.name, text: `${event.name} joins as an observer` }),
]

const moved = (event: EventOf<"MoveSubmitted" | "ShockInjected">, c: EntryContext) => [
  c.event(event._tag, {
    round: event.round,
    actor: event._tag === "MoveSubmitted" ? event.role : "facilitator",
    team: event._tag === "MoveSubmitted" ? c.teamName(event.teamId) : "Facilitator",
    moveId: event.moveId,
    text: describeMove(event.move),
  }),
]

const VERBS = { approve: "approves", amend: "amends", reject: "rejects" } as const

const adjudicated = (event: EventOf<"MoveAdjudicated">, c: EntryContext) => {
  const amended = event.move === undefined ? "" : ` to: ${describeMove(event.move)}`
  return [
    c.event(event._tag, {
      round: event.round,
      team: c.teamName(event.teamId),
      moveId: event.moveId,
      text: `Facilitator ${VERBS[event.decision]} move ${event.moveId}${amended} (${event.reason})`,
    }),
  ]
}

const clockSet = (event: EventOf<"RoundClockSet">, c: EntryContext) => [
  c.event(event._tag, {
    round: event.round,
    text: `Round clock ${event.running ? "running" : "paused"} with ${clockText(event.remainingMs)} left`,
  }),
]

const revealed = (event: EventOf<"RoundRevealed">, c: EntryContext) => [
  c.event(event._tag, { text: `Rounds up to ${event.round} shown to observers` }),
]

/** The close of a round, with its outcomes, and the next round's start unless it was the last. */
const roundClosed = (event: EventOf<"RoundClosed">, { entry, state }: EntryContext) => {
  const closed = entry({
    round: event.round,
    kind: "round-close",
    type: event._tag,
    actor: "facilitator",
    text: `Round ${event.round} closes at month ${event.month}: ${event.applied.length} moves applied, ${event.voided.length} void${event.voided.map((v) => `; ${v.moveId}: ${v.reason}`).join("")}`,
    outcomes: event.outcomes.indicators,
  })
  if (state === undefined || event.round >= state.rounds) return [closed]
  const next = entry({
    round: event.round + 1,
    kind: "round-start",
    type: "RoundStarted",
    actor: "facilitator",
    text: `Round ${event.round + 1} opens at month ${event.month}`,
  })
  return [closed, next]
}

/** The entries one event makes, read against the state before it (for team names and the open round). */
export const entriesOf = (
  event: ExerciseEvent,
  before: ExerciseState,
  at: LogPosition,
): ReadonlyArray<LogEntry> => {
  const c = entryContext(before, at)
  switch (event._tag) {
    case "ExerciseCreated":
      return created(event, c)
    case "TeamJoined":
      return teamJoined(event, c)
    case "SeatRejoined":
      return seatRejoined(event, c)
    case "ObserverJoined":
      return observerJoined(event, c)
    case "MoveSubmitted":
    case "ShockInjected":
      return moved(event, c)
    case "MoveAdjudicated":
      return adjudicated(event, c)
    case "RoundClockSet":
      return clockSet(event, c)
    case "RoundRevealed":
      return revealed(event, c)
    case "RoundClosed":
      return roundClosed(event, c)
  }
}
