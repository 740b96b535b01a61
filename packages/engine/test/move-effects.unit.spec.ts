import {
  type ActiveExercise,
  type ExerciseEvent,
  type ExerciseId,
  type ExerciseMove,
  exerciseDecider,
  foldEvents,
  type MoveId,
  moveEffectsTable,
  type PackId,
  packCatalog,
  playedSpec,
  type TeamId,
} from "@accord/domain"
import { describe, expect, it } from "vitest"
import { compare } from "../src/compare.js"
import { pack } from "./scenario-spec-arbitrary.js"

const h = (c: string) => c.repeat(64)
const created: ExerciseEvent = {
  _tag: "ExerciseCreated",
  v: 1,
  exerciseId: "effects" as ExerciseId,
  pack: "sybiha-visit-2025" as PackId,
  name: "Move effects",
  roundMonths: 3,
  rounds: 4,
  seed: 7,
  runs: 400,
  horizonMonths: 24,
  facilitatorTokenHash: h("f"),
  joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
}

type Step = readonly [role: "japan" | "ukraine" | "russia" | "facilitator", id: string, move: ExerciseMove]

/** A game of one round per list of steps; each round closes with every move of it applied. */
const game = (rounds: ReadonlyArray<ReadonlyArray<Step>>): ActiveExercise => {
  const events: Array<ExerciseEvent> = [created]
  rounds.forEach((steps, k) => {
    const round = k + 1
    for (const [role, id, move] of steps) {
      const moveId = id as MoveId
      events.push(
        role === "facilitator"
          ? { _tag: "ShockInjected", v: 1, moveId, round, move }
          : { _tag: "MoveSubmitted", v: 1, moveId, teamId: `t-${role}` as TeamId, role, round, move },
      )
    }
    events.push({
      _tag: "RoundClosed",
      v: 1,
      round,
      month: round * 3,
      applied: steps.map(([role, id]) => ({
        teamId: role === "facilitator" ? "facilitator" : `t-${role}`,
        moveId: id as MoveId,
      })),
      voided: [],
      outcomes: { horizonMonth: 24, reportHash: "x", indicators: [] },
    })
  })
  return foldEvents(exerciseDecider(packCatalog), events) as ActiveExercise
}

const energyOffer: Step = [
  "japan",
  "grid",
  { type: "offer-aid", sector: "energy", amountUsdM: 400, form: "grant", title: "Grid repair" },
]
const healthProject: Step = [
  "ukraine",
  "clinics",
  { type: "propose-project", sector: "health", amountUsdM: 120, title: "Clinics" },
]

/** For each row: a game, and the key (team/move id) of the move that is the only difference. */
const examples: Readonly<Record<string, { game: ActiveExercise; key: string }>> = {
  "adopt-sanctions": {
    game: game([[["japan", "s", { type: "adopt-sanctions", coverage: 0.2, enforcement: 0.6 }]]]),
    key: "t-japan/s",
  },
  "offer-aid": { game: game([[energyOffer]]), key: "t-japan/grid" },
  "agree-project": {
    game: game([[healthProject], [["japan", "yes", { type: "agree-project", item: "clinics" as MoveId }]]]),
    key: "t-japan/yes",
  },
  deliver: {
    game: game([
      [energyOffer],
      [["ukraine", "yes", { type: "agree-offer", item: "grid" as MoveId }]],
      [["japan", "ship", { type: "deliver", item: "grid" as MoveId }]],
    ]),
    key: "t-japan/ship",
  },
  "withdraw-commitment": {
    game: game([[["japan", "w", { type: "withdraw-commitment", commitment: "era-loan" as never }]]]),
    key: "t-japan/w",
  },
  "propose-project": { game: game([[healthProject]]), key: "t-ukraine/clinics" },
  "agree-offer": {
    game: game([[energyOffer], [["ukraine", "yes", { type: "agree-offer", item: "grid" as MoveId }]]]),
    key: "t-ukraine/yes",
  },
  "decline-offer": {
    game: game([[energyOffer], [["ukraine", "no", { type: "decline-offer", item: "grid" as MoveId }]]]),
    key: "t-ukraine/no",
  },
  "counter-measure": {
    game: game([[["russia", "fleet", { type: "counter-measure", measure: "evasion" }]]]),
    key: "t-russia/fleet",
  },
  "grid-strike": {
    game: game([[["facilitator", "strike", { type: "grid-strike", mwDestroyed: 500 }]]]),
    key: "facilitator/strike",
  },
  stall: {
    game: game([
      [["facilitator", "scandal", { type: "stall", commitment: "defense-consultations" as never }]],
    ]),
    key: "facilitator/scandal",
  },
  delay: {
    game: game([[["facilitator", "vote", { type: "delay", commitment: "era-loan" as never, months: 6 }]]]),
    key: "facilitator/vote",
  },
  "partner-joins": {
    game: game([
      [
        [
          "facilitator",
          "korea",
          { type: "partner-joins", partner: "South Korea", coverage: 0.1, enforcement: 0.5 },
        ],
      ],
    ]),
    key: "facilitator/korea",
  },
}

describe("every move does what the move-effects table says, in the model (common random numbers)", () => {
  it("has one example per row and one row per move type", () => {
    expect(moveEffectsTable.map((r) => r.move).sort()).toEqual(Object.keys(examples).sort())
  })

  for (const row of moveEffectsTable) {
    it(`${row.move}: ${row.moves.map((m) => `${m.indicator} ${m.direction}`).join(", ") || "no indicator"}`, () => {
      const example = examples[row.move]
      if (example === undefined) throw new Error(`no example for ${row.move}`)
      const variant = playedSpec(example.game)
      const baseline = playedSpec(example.game, { excluding: new Set([example.key]) })
      const comparison = compare(pack, baseline, variant)
      const moved = new Map(row.moves.map((m) => [m.indicator, m.direction]))
      for (const indicator of comparison.indicators) {
        const direction = moved.get(indicator.id)
        const atHorizon = indicator.atHorizon.deltaMean
        if (direction === "up") expect(atHorizon, `${indicator.id} rises`).toBeGreaterThan(0)
        else if (direction === "down") expect(atHorizon, `${indicator.id} falls`).toBeLessThan(0)
        else
          for (const month of indicator.series)
            expect(
              [month.deltaP10, month.deltaP90, month.deltaMean],
              `${indicator.id} month ${month.month}`,
            ).toEqual([0, 0, 0])
      }
    })
  }
})
