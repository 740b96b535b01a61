import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { deciderSpecification } from "../../test/decider-specification.js"
import { foldEvents } from "../decider.js"
import type { PackId } from "../ids.js"
import { packCatalog } from "../packs/built-in-packs.js"
import type { CreateExercise, SubmitMove } from "./exercise-commands.js"
import { exerciseDecider } from "./exercise-decider.js"
import type { BudgetExceeded, MoveNotAllowedForRole } from "./exercise-errors.js"
import {
  type ExerciseCreated,
  ExerciseEvent,
  type ExerciseId,
  type MoveSubmitted,
  type RoundClosed,
  type RoundOutcomes,
  type TeamId,
  type TeamJoined,
} from "./exercise-events.js"
import type { ExerciseMove, MoveId } from "./exercise-moves.js"
import { type ActiveExercise, MAX_SEAT_DEVICES } from "./exercise-state.js"

const decider = exerciseDecider(packCatalog)
const { given } = deciderSpecification(decider)

const h = (c: string) => c.repeat(64)
const create: CreateExercise = {
  _tag: "CreateExercise",
  exerciseId: "ex1" as ExerciseId,
  pack: "sybiha-visit-2025" as PackId,
  name: "Class 4B",
  roundMonths: 3,
  rounds: 2,
  seed: 7,
  runs: 200,
  facilitatorTokenHash: h("f"),
  joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
}
const { _tag: _c, ...settings } = create
const created: ExerciseCreated = { _tag: "ExerciseCreated", v: 1, ...settings, horizonMonths: 24 }
const team = (role: TeamJoined["role"]): TeamJoined => ({
  _tag: "TeamJoined",
  v: 1,
  teamId: `t-${role}` as TeamId,
  role,
  name: `Team ${role}`,
  tokenHash: h(role === "japan" ? "1" : role === "ukraine" ? "2" : "3"),
})
const japan = team("japan")
const ukraine = team("ukraine")
const russia = team("russia")
const sanctions: ExerciseMove = { type: "adopt-sanctions", coverage: 0.2, enforcement: 0.7 }
const offer: ExerciseMove = { type: "offer-aid", sector: "energy", amountUsdM: 300, form: "grant" }
const submit = (actor: SubmitMove["actor"], moveId: string, move: ExerciseMove, round = 1): SubmitMove => ({
  _tag: "SubmitMove",
  moveId: moveId as MoveId,
  actor,
  teamId: (actor === "facilitator" ? "facilitator" : `t-${actor}`) as TeamId,
  round,
  move,
})
const submitted = (
  role: MoveSubmitted["role"],
  moveId: string,
  move: ExerciseMove,
  round = 1,
): MoveSubmitted => ({
  _tag: "MoveSubmitted",
  v: 1,
  moveId: moveId as MoveId,
  teamId: `t-${role}` as TeamId,
  role,
  round,
  move,
})
const outcomes: RoundOutcomes = { horizonMonth: 24, reportHash: "x", indicators: [] }
const closed = (
  round: number,
  applied: ReadonlyArray<string>,
  voided: RoundClosed["voided"] = [],
): RoundClosed => ({
  _tag: "RoundClosed",
  v: 1,
  round,
  month: round * 3,
  applied: applied as ReadonlyArray<MoveId>,
  voided,
  outcomes,
})
const setUp: ReadonlyArray<ExerciseEvent> = [created, japan, ukraine, russia]

describe("exercise decider", () => {
  it("creates an exercise with the horizon its rounds need", () => {
    given([]).when(create).thenEvents([created])
    given([])
      .when({ ...create, rounds: 12, roundMonths: 3 })
      .thenEvents([{ ...created, rounds: 12, horizonMonths: 36 }])
    given([created]).when(create).thenFails("ExerciseAlreadyExists")
  })

  it("refuses an exercise longer than 120 months or for an unknown pack", () => {
    given([])
      .when({ ...create, rounds: 24, roundMonths: 6 })
      .thenFails("InvalidInput")
    given([])
      .when({ ...create, pack: "nope" as PackId })
      .thenFails("InvalidInput")
  })

  it("seats one team per role; the same code again seats another device at that team", () => {
    const { _tag, v, ...joined } = japan
    given([created])
      .when({ _tag: "JoinTeam", ...joined })
      .thenEvents([japan])
    given([created, japan])
      .when({ _tag: "JoinTeam", ...joined, teamId: "other" as TeamId, tokenHash: h("9") })
      .thenEvents([{ _tag: "SeatRejoined", v: 1, teamId: japan.teamId, tokenHash: h("9") }])
  })

  it("keeps every device of a seat, up to the last MAX_SEAT_DEVICES", () => {
    const rejoin = (i: number): ExerciseEvent => ({
      _tag: "SeatRejoined",
      v: 1,
      teamId: japan.teamId,
      tokenHash: i.toString(16).padStart(64, "0"),
    })
    const state = foldEvents(decider, [created, japan, rejoin(1), rejoin(2)]) as ActiveExercise
    expect(state.teams[0]?.tokenHashes).toEqual([h("1"), `${"0".repeat(63)}1`, `${"0".repeat(63)}2`])
    const many = Array.from({ length: MAX_SEAT_DEVICES + 5 }, (_, i) => rejoin(i + 1))
    const full = foldEvents(decider, [created, japan, ...many]) as ActiveExercise
    expect(full.teams[0]?.tokenHashes.length).toBe(MAX_SEAT_DEVICES)
    expect(full.teams[0]?.tokenHashes.at(-1)).toBe((MAX_SEAT_DEVICES + 5).toString(16).padStart(64, "0"))
  })

  it("records a team's move for the open round", () => {
    given(setUp)
      .when(submit("japan", "m1", sanctions))
      .thenEvents([submitted("japan", "m1", sanctions)])
  })

  it("answers a retried move with nothing new, and refuses the id for another move", () => {
    given([...setUp, submitted("japan", "m1", sanctions)])
      .when(submit("japan", "m1", sanctions))
      .thenEvents([])
    given([...setUp, submitted("japan", "m1", sanctions)])
      .when(submit("japan", "m1", offer))
      .thenFails("MoveIdConflict")
  })

  it("scopes move ids per team: another team's hidden move id answers exactly as a free id would", () => {
    const project: ExerciseMove = {
      type: "propose-project",
      sector: "energy",
      amountUsdM: 200,
      title: "Grid",
    }
    const hidden = [...setUp, submitted("japan", "m1", sanctions)]
    // Accepted, with exactly the events a free id gives.
    given(hidden)
      .when(submit("ukraine", "m1", project))
      .thenEvents([submitted("ukraine", "m1", project)])
    given(setUp)
      .when(submit("ukraine", "m1", project))
      .thenEvents([submitted("ukraine", "m1", project)])
    // A refusal reads the same too: Russia may not adopt sanctions, whoever used the id.
    const onHidden = given(hidden)
      .when(submit("russia", "m1", sanctions))
      .thenFails("MoveNotAllowedForRole")
    const onFree = given(setUp)
      .when(submit("russia", "m1", sanctions))
      .thenFails("MoveNotAllowedForRole")
    expect(onHidden).toEqual(onFree)
    // Both moves apply when the round closes, each under its own team.
    const state = given([...hidden, submitted("ukraine", "m1", project)])
      .when({ _tag: "CloseRound", round: 1, outcomes })
      .thenState() as ActiveExercise
    expect(state.moves.map((m) => [m.teamId, m.moveId, m.status])).toEqual([
      ["t-japan", "m1", "applied"],
      ["t-ukraine", "m1", "applied"],
    ])
    expect(state.closedRounds[0]?.applied).toEqual([
      { teamId: "t-japan", moveId: "m1" },
      { teamId: "t-ukraine", moveId: "m1" },
    ])
  })

  it("refuses a move outside the role", () => {
    const error = given(setUp)
      .when(submit("russia", "m1", sanctions))
      .thenFails("MoveNotAllowedForRole") as MoveNotAllowedForRole
    expect(error.moveType).toBe("adopt-sanctions")
    given(setUp)
      .when(submit("japan", "m1", { type: "counter-measure", measure: "evasion" }))
      .thenFails("MoveNotAllowedForRole")
    given(setUp)
      .when(submit("ukraine", "m1", { type: "delay", commitment: "energy-projects" as never, months: 3 }))
      .thenFails("MoveNotAllowedForRole")
  })

  it("refuses moves for a closed round or a round not open yet", () => {
    given([...setUp, closed(1, [])])
      .when(submit("japan", "m1", sanctions, 1))
      .thenFails("RoundAlreadyClosed")
    given(setUp)
      .when(submit("japan", "m1", sanctions, 2))
      .thenFails("RoundNotOpen")
    given([...setUp, closed(1, []), closed(2, [])])
      .when(submit("japan", "m1", sanctions, 2))
      .thenFails("RoundNotOpen")
  })

  it("refuses a team that is not part of the exercise", () => {
    given([created])
      .when(submit("japan", "m1", sanctions))
      .thenFails("UnknownTeam")
  })

  it("lets the facilitator inject a grid strike, a stall or a delay, recorded as ShockInjected", () => {
    const injections: ReadonlyArray<ExerciseMove> = [
      { type: "grid-strike", mwDestroyed: 500 },
      { type: "stall", commitment: "defense-consultations" as never, label: "Scandal in Tokyo" },
      { type: "delay", commitment: "energy-projects" as never, months: 3 },
    ]
    for (const injection of injections)
      given(setUp)
        .when(submit("facilitator", "s1", injection))
        .thenEvents([{ _tag: "ShockInjected", v: 1, moveId: "s1" as MoveId, round: 1, move: injection }])
    for (const type of ["stall", "delay"] as const)
      given(setUp)
        .when(submit("facilitator", "s1", { type, commitment: "no-such" as never, months: 3 }))
        .thenFails("InvalidInput")
  })

  it("reads a stored shock (before injections were typed) as the delay it always was", () => {
    const stored = {
      _tag: "ShockInjected",
      v: 1,
      moveId: "s1",
      round: 1,
      move: { type: "shock", commitment: "energy-projects", months: 3, label: "Strike on the grid" },
    }
    const decoded = Schema.decodeUnknownSync(ExerciseEvent)(stored)
    expect(decoded).toEqual({
      ...stored,
      move: { type: "delay", commitment: "energy-projects", months: 3, label: "Strike on the grid" },
    })
    // Written back, it is a delay: the stored shape of new events is the current one.
    expect(Schema.encodeSync(ExerciseEvent)(decoded)).toEqual(decoded)
    expect(() =>
      Schema.decodeUnknownSync(ExerciseEvent)({ ...stored, move: { ...stored.move, months: 0 } }),
    ).toThrow(/months/)
  })

  it("lets Ukraine agree Japan's offer in the round it is made, and Japan deliver it then too", () => {
    const agree: ExerciseMove = { type: "agree-offer", item: "offer-1" as MoveId }
    const deliver: ExerciseMove = { type: "deliver", item: "offer-1" as MoveId }
    given([...setUp, submitted("japan", "offer-1", offer)])
      .when(submit("ukraine", "a1", agree))
      .thenEvents([submitted("ukraine", "a1", agree)])
    // Delivery needs the agreement first, in this round or before.
    given([...setUp, submitted("japan", "offer-1", offer)])
      .when(submit("japan", "d1", deliver))
      .thenFails("MoveNotApplicable")
    const state = given([...setUp, submitted("japan", "offer-1", offer), submitted("ukraine", "a1", agree)])
      .when(submit("japan", "d1", deliver))
      .thenState() as ActiveExercise
    const closedState = foldEvents(
      decider,
      [
        {
          _tag: "RoundClosed",
          v: 1,
          round: 1,
          month: 3,
          applied: ["offer-1", "a1", "d1"] as MoveId[],
          voided: [],
          outcomes,
        },
      ],
      state,
    ) as ActiveExercise
    expect(closedState.items.map((i) => [i.state, i.agreedMonth, i.implementedMonth])).toEqual([
      ["implemented", 3, 3],
    ])
    // An offer nobody made cannot be agreed.
    given(setUp)
      .when(submit("ukraine", "a9", { type: "agree-offer", item: "nope" as MoveId }))
      .thenFails("MoveNotApplicable")
    const played = [...setUp, submitted("japan", "offer-1", offer), closed(1, ["offer-1"])]
    given(played)
      .when(submit("ukraine", "a1", agree, 2))
      .thenEvents([submitted("ukraine", "a1", agree, 2)])
    // Japan cannot agree its own offer: agree-project needs a project.
    given(played)
      .when(submit("japan", "a2", { type: "agree-project", item: "offer-1" as MoveId }, 2))
      .thenFails("MoveNotApplicable")
    // Delivering needs an agreed item: the lifecycle machine forbids proposed → implemented.
    given(played)
      .when(submit("japan", "d1", { type: "deliver", item: "offer-1" as MoveId }, 2))
      .thenFails("MoveNotApplicable")
  })

  it("closes a round: moves apply in order at the round's month, the second agreement of one offer is void", () => {
    const agree: ExerciseMove = { type: "decline-offer", item: "offer-1" as MoveId }
    const state = given([
      ...setUp,
      submitted("japan", "offer-1", offer),
      closed(1, ["offer-1"]),
      submitted("ukraine", "a1", { type: "agree-offer", item: "offer-1" as MoveId }, 2),
      submitted("ukraine", "a2", agree, 2),
    ])
      .when({ _tag: "CloseRound", round: 2, outcomes })
      .thenState() as ActiveExercise
    expect(state.openRound).toBeNull()
    expect(state.month).toBe(6)
    expect(state.items.map((i) => [i.itemId, i.state, i.agreedMonth])).toEqual([["offer-1", "agreed", 6]])
    expect(state.moves.map((m) => [m.moveId, m.status])).toEqual([
      ["offer-1", "applied"],
      ["a1", "applied"],
      ["a2", "void"],
    ])
    expect(state.closedRounds.at(-1)?.voided[0]?.reason).toMatch(/agreed/)
  })

  it("refuses to close a round twice", () => {
    given([...setUp, closed(1, [])])
      .when({ _tag: "CloseRound", round: 1, outcomes })
      .thenFails("RoundAlreadyClosed")
  })

  it("keeps each role within its budget for the round", () => {
    const budgeted: ExerciseCreated = { ...created, budgets: { japan: { usdM: 500, moves: 2 } } }
    const events = [budgeted, japan, submitted("japan", "o1", offer)]
    const error = given(events)
      .when(submit("japan", "o2", { ...offer, amountUsdM: 250 }))
      .thenFails("BudgetExceeded") as BudgetExceeded
    expect([error.limit, error.wanted]).toEqual([500, 550])
    given(events)
      .when(submit("japan", "o2", { ...offer, amountUsdM: 200 }))
      .thenEvents([submitted("japan", "o2", { ...offer, amountUsdM: 200 })])
    given([...events, submitted("japan", "s1", sanctions)])
      .when(submit("japan", "s2", sanctions))
      .thenFails("BudgetExceeded")
  })
})
