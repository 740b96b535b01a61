import { describe, expect, it } from "vitest"
import { deciderSpecification } from "../../test/decider-specification.js"
import type { PackId } from "../ids.js"
import { packCatalog } from "../packs/built-in-packs.js"
import type { AdjudicateMove } from "./exercise-commands.js"
import { exerciseDecider } from "./exercise-decider.js"
import type {
  ExerciseCreated,
  ExerciseEvent,
  ExerciseId,
  MoveSubmitted,
  RoundClosed,
  RoundOutcomes,
  TeamId,
  TeamJoined,
} from "./exercise-events.js"
import type { ExerciseMove, MoveId } from "./exercise-moves.js"
import type { ActiveExercise } from "./exercise-state.js"
import { exerciseFeedEvent, exerciseView } from "./exercise-view.js"
import { clockRemainingMs, roundIsDue } from "./facilitator-decisions.js"

const { given } = deciderSpecification(exerciseDecider(packCatalog))
const h = (c: string) => c.repeat(64)
const created: ExerciseCreated = {
  _tag: "ExerciseCreated",
  v: 1,
  exerciseId: "ex1" as ExerciseId,
  pack: "sybiha-visit-2025" as PackId,
  name: "Class 4B",
  roundMonths: 3,
  rounds: 2,
  seed: 7,
  runs: 200,
  horizonMonths: 24,
  facilitatorTokenHash: h("f"),
  joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
  observerCodeHash: h("d"),
}
const team = (role: TeamJoined["role"], n: string): TeamJoined => ({
  _tag: "TeamJoined",
  v: 1,
  teamId: `t-${role}` as TeamId,
  role,
  name: `Team ${role}`,
  tokenHash: h(n),
})
const setUp: ReadonlyArray<ExerciseEvent> = [created, team("japan", "1"), team("ukraine", "2")]
const sanctions: ExerciseMove = { type: "adopt-sanctions", coverage: 0.2, enforcement: 0.7 }
const offer: ExerciseMove = { type: "offer-aid", sector: "energy", amountUsdM: 300, form: "grant" }
const submitted = (role: MoveSubmitted["role"], moveId: string, move: ExerciseMove): MoveSubmitted => ({
  _tag: "MoveSubmitted",
  v: 1,
  moveId: moveId as MoveId,
  teamId: `t-${role}` as TeamId,
  role,
  round: 1,
  move,
})
const outcomes: RoundOutcomes = { horizonMonth: 24, reportHash: "x", indicators: [] }
const rule = (
  moveId: string,
  decision: AdjudicateMove["decision"],
  extra: Partial<AdjudicateMove> = {},
): AdjudicateMove => ({
  _tag: "AdjudicateMove",
  moveId: moveId as MoveId,
  decision,
  reason: "house rules",
  ...extra,
})
const withMoves = [...setUp, submitted("japan", "s1", sanctions), submitted("japan", "o1", offer)]

describe("adjudication", () => {
  it("records the facilitator's ruling on a pending move; the amended move replaces the team's", () => {
    given(withMoves)
      .when(rule("s1", "reject"))
      .thenEvents([
        {
          _tag: "MoveAdjudicated",
          v: 1,
          teamId: "t-japan" as TeamId,
          moveId: "s1" as MoveId,
          round: 1,
          decision: "reject",
          reason: "house rules",
        },
      ])
    const amended = { ...offer, amountUsdM: 100 }
    const state = given(withMoves)
      .when(rule("o1", "amend", { move: amended }))
      .thenState() as ActiveExercise
    const o1 = state.moves.find((m) => m.moveId === "o1")
    expect([o1?.move, o1?.submitted, o1?.adjudication?.decision]).toEqual([amended, offer, "amend"])
  })

  it("keeps an amendment within the move's schema and role, and refuses unknown or closed moves", () => {
    given(withMoves)
      .when(rule("o1", "amend", { move: sanctions }))
      .thenFails("InvalidInput")
    given(withMoves).when(rule("o1", "amend")).thenFails("InvalidInput")
    given(withMoves)
      .when(rule("o1", "approve", { move: offer }))
      .thenFails("InvalidInput")
    given(withMoves).when(rule("nope", "approve")).thenFails("MoveNotFound")
    given([...withMoves, closedRound([])])
      .when(rule("s1", "approve"))
      .thenFails("RoundAlreadyClosed")
  })

  it("asks which team when two teams used one id", () => {
    const events = [
      ...setUp,
      submitted("japan", "m", sanctions),
      submitted("ukraine", "m", { type: "propose-project", sector: "energy", amountUsdM: 1, title: "x" }),
    ]
    given(events).when(rule("m", "approve")).thenFails("AmbiguousMove")
    given(events)
      .when(rule("m", "reject", { teamId: "t-ukraine" as TeamId }))
      .thenState()
  })

  it("voids a rejected move at the close, with the reason its team sees", () => {
    const state = given([...withMoves, adjudicated("s1", "reject")])
      .when({ _tag: "CloseRound", round: 1, outcomes })
      .thenState() as ActiveExercise
    expect(state.moves.map((m) => [m.moveId, m.status, m.reason])).toEqual([
      ["s1", "void", "rejected by the facilitator: too strong"],
      ["o1", "applied", undefined],
    ])
    const own = exerciseView(state, { actor: "japan", teamId: "t-japan" }).moves[0]
    expect(own?.hidden === false && own.adjudication).toEqual({ decision: "reject", reason: "too strong" })
  })

  it("with approval required, applies only approved or amended moves (and the facilitator's injections)", () => {
    const strict = { ...created, approval: "required" as const }
    const shock = {
      _tag: "ShockInjected" as const,
      v: 1 as const,
      moveId: "x" as MoveId,
      round: 1,
      move: { type: "delay" as const, commitment: "energy-projects" as never, months: 2 },
    }
    const state = given([
      strict,
      ...setUp.slice(1),
      submitted("japan", "s1", sanctions),
      submitted("japan", "o1", offer),
      shock,
      adjudicated("o1", "approve"),
    ])
      .when({ _tag: "CloseRound", round: 1, outcomes })
      .thenState() as ActiveExercise
    expect(state.moves.map((m) => [m.moveId, m.status])).toEqual([
      ["s1", "void"],
      ["o1", "applied"],
      ["x", "applied"],
    ])
    expect(state.moves[0]?.reason).toMatch(/not approved/)
  })
})

describe("observers", () => {
  const observer = { actor: "observer" as const, teamId: "obs-1" }
  it("join read-only, never see a pending move, and see closed rounds only once revealed", () => {
    given(setUp)
      .when({ _tag: "JoinObserver", observerId: "obs-1" as TeamId, name: "Projector", tokenHash: h("9") })
      .thenEvents([
        { _tag: "ObserverJoined", v: 1, observerId: "obs-1" as TeamId, name: "Projector", tokenHash: h("9") },
      ])
    const pending = given(withMoves).when(rule("s1", "approve")).thenState() as ActiveExercise
    expect(exerciseView(pending, observer).moves).toEqual([])
    const event = submitted("japan", "s1", sanctions)
    expect(exerciseFeedEvent(event, pending, observer)).toBeUndefined()
    expect(exerciseFeedEvent(adjudicated("s1", "approve"), pending, observer)).toBeUndefined()
    // Another team hears nothing of a ruling on Japan's move either.
    expect(
      exerciseFeedEvent(adjudicated("s1", "approve"), pending, { actor: "ukraine", teamId: "t-ukraine" }),
    ).toBeUndefined()

    const closed = given(withMoves)
      .when({ _tag: "CloseRound", round: 1, outcomes })
      .thenState() as ActiveExercise
    const before = exerciseView(closed, observer)
    expect([before.moves.length, before.closedRounds.length, before.items.length]).toEqual([0, 0, 0])
    given([...withMoves, closedRound()])
      .when({ _tag: "RevealRound", round: 2 })
      .thenFails("InvalidInput")
    const shown = given([...withMoves, closedRound()])
      .when({ _tag: "RevealRound", round: 1 })
      .thenState() as ActiveExercise
    const after = exerciseView(shown, observer)
    expect([after.moves.length, after.closedRounds.length, after.items.length]).toEqual([2, 1, 1])
    expect(after.observers).toBeUndefined()
  })
})

describe("round clock", () => {
  const timed = { ...created, clock: { seconds: 600, autoClose: true } }
  it("starts with the round length, pauses keeping what is left, resumes from there", () => {
    given([timed])
      .when({ _tag: "SetRoundClock", action: "start", at: 1000 })
      .thenEvents([{ _tag: "RoundClockSet", v: 1, round: 1, running: true, remainingMs: 600_000, at: 1000 }])
    given([created]).when({ _tag: "SetRoundClock", action: "start", at: 1000 }).thenFails("ClockNotStarted")
    given([created]).when({ _tag: "SetRoundClock", action: "resume", at: 1000 }).thenFails("ClockNotStarted")
    const started = {
      _tag: "RoundClockSet" as const,
      v: 1 as const,
      round: 1,
      running: true,
      remainingMs: 600_000,
      at: 1000,
    }
    const paused = given([timed, started])
      .when({ _tag: "SetRoundClock", action: "pause", at: 61_000 })
      .thenState() as ActiveExercise
    expect(paused.roundClock).toEqual({ round: 1, running: false, remainingMs: 540_000, at: 61_000 })
    expect(clockRemainingMs(paused.roundClock as never, 999_999)).toBe(540_000)
    // Pausing a paused clock is a retry: nothing new.
    given([timed, started, { ...started, running: false, remainingMs: 540_000, at: 61_000 }])
      .when({ _tag: "SetRoundClock", action: "pause", at: 70_000 })
      .thenEvents([])
    const running = given([timed])
      .when({ _tag: "SetRoundClock", action: "start", at: 0 })
      .thenState() as ActiveExercise
    expect([roundIsDue(running, 599_999), roundIsDue(running, 600_000)]).toEqual([false, true])
    // Without auto-close the round never closes by itself.
    const manual = given([created])
      .when({ _tag: "SetRoundClock", action: "start", seconds: 60, at: 0 })
      .thenState() as ActiveExercise
    expect(roundIsDue(manual, 1e9)).toBe(false)
  })
})

const refs: RoundClosed["applied"] = [
  { teamId: "t-japan", moveId: "s1" as MoveId },
  { teamId: "t-japan", moveId: "o1" as MoveId },
]

function adjudicated(moveId: string, decision: "approve" | "reject"): ExerciseEvent {
  return {
    _tag: "MoveAdjudicated",
    v: 1,
    teamId: "t-japan" as TeamId,
    moveId: moveId as MoveId,
    round: 1,
    decision,
    reason: "too strong",
  }
}

function closedRound(applied: RoundClosed["applied"] = refs): RoundClosed {
  return {
    _tag: "RoundClosed",
    v: 1,
    round: 1,
    month: 3,
    applied,
    voided: [],
    outcomes,
  }
}
