import {
  type ActiveExercise,
  type ExerciseCommand,
  type ExerciseId,
  type ExerciseState,
  exerciseDecider,
  foldEvents,
  getPack,
  type MoveId,
  type PackId,
  packCatalog,
  playedSpec,
  type TeamId,
} from "@accord/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { simulate } from "../simulate.js"
import { renderDebrief } from "./debrief-render.js"
import { debriefSimulations, exerciseDebrief } from "./exercise-debrief.js"
import { projectRoundOutcomes } from "./round-projection.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("built-in pack missing")
const decider = exerciseDecider(packCatalog)

/** Plays commands through the decider, closing rounds with the engine's projection, as the API does. */
const play = (commands: ReadonlyArray<ExerciseCommand | "close">): ActiveExercise => {
  let state: ExerciseState = decider.initialState
  for (const command of commands) {
    const actual: ExerciseCommand =
      command === "close"
        ? {
            _tag: "CloseRound",
            round: (state as ActiveExercise).openRound ?? 0,
            outcomes: projectRoundOutcomes(pack, state as ActiveExercise),
          }
        : command
    const events = decider.decide(actual, state)
    if (Either.isLeft(events)) throw new Error(`${events.left._tag}: ${events.left.message}`)
    state = foldEvents(decider, events.right, state)
  }
  return state as ActiveExercise
}

const h = (c: string) => c.repeat(64)
const join = (role: "japan" | "ukraine" | "russia", name: string): ExerciseCommand => ({
  _tag: "JoinTeam",
  teamId: `t-${role}` as TeamId,
  role,
  name,
  tokenHash: h("1"),
})
const move = (
  actor: "japan" | "ukraine" | "russia" | "facilitator",
  moveId: string,
  m: Extract<ExerciseCommand, { _tag: "SubmitMove" }>["move"],
  round: number,
): ExerciseCommand => ({
  _tag: "SubmitMove",
  moveId: moveId as MoveId,
  actor,
  teamId: (actor === "facilitator" ? "facilitator" : `t-${actor}`) as TeamId,
  round,
  move: m,
})

const game = play([
  {
    _tag: "CreateExercise",
    exerciseId: "ex" as ExerciseId,
    pack: "sybiha-visit-2025" as PackId,
    name: "Class <b>4B</b>",
    roundMonths: 3,
    rounds: 2,
    seed: 3,
    runs: 200,
    facilitatorTokenHash: h("f"),
    joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
  },
  join("japan", "Tokyo <script>alert(1)</script>"),
  join("ukraine", "Kyiv"),
  join("russia", 'Moscow, "the" team'),
  move("japan", "sanctions", { type: "adopt-sanctions", coverage: 0.4, enforcement: 0.8 }, 1),
  move(
    "japan",
    "offer",
    { type: "offer-aid", sector: "energy", amountUsdM: 800, form: "grant", title: "Grid repair" },
    1,
  ),
  move("russia", "evade", { type: "counter-measure", measure: "evasion" }, 1),
  "close",
  move("ukraine", "agree", { type: "agree-offer", item: "offer" as MoveId }, 2),
  move(
    "facilitator",
    "partner",
    { type: "partner-joins", partner: "South Korea", coverage: 0.1, enforcement: 0.6 },
    2,
  ),
  "close",
])

const debrief = exerciseDebrief(pack, game)
const effect = (moveId: string, indicator: string) =>
  debrief.attribution.find((a) => a.moveId === moveId)?.effects.find((e) => e.indicator === indicator)
    ?.deltaMean ?? Number.NaN

describe("exercise debrief", () => {
  it("is a pure function: the same game gives the same bytes", () => {
    expect(renderDebrief(exerciseDebrief(pack, game), "json")).toBe(renderDebrief(debrief, "json"))
    expect(debrief.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it("keeps each team's timeline in play order, with the month each move took effect", () => {
    expect(debrief.timeline.map((t) => [t.role, t.moves.map((m) => [m.moveId, m.month, m.status])])).toEqual([
      [
        "japan",
        [
          ["sanctions", 3, "applied"],
          ["offer", 3, "applied"],
        ],
      ],
      ["ukraine", [["agree", 6, "applied"]]],
      ["russia", [["evade", 3, "applied"]]],
      ["facilitator", [["partner", 6, "applied"]]],
    ])
  })

  it("attributes effects by Shapley values: sanctions raise pressure, evasion lowers it, the agreed grid money restores MW", () => {
    expect(effect("sanctions", "sanctions.pressure_index")).toBeGreaterThan(0)
    expect(effect("evade", "sanctions.pressure_index")).toBeLessThan(0)
    // The offer and its acceptance are one deal: credited once, not once each.
    const deal = debrief.attribution.find((a) => a.moveId === "offer")
    expect(deal?.kind).toBe("deal")
    expect(deal?.moves.map((m) => m.moveId)).toEqual(["offer", "agree"])
    expect(deal?.roles).toEqual(["japan", "ukraine"])
    expect(debrief.attribution.find((a) => a.moveId === "agree")).toBeUndefined()
    expect(effect("offer", "energy.capacity_restored_mw")).toBeGreaterThan(0)
    const pressureMovers = debrief.topMovers.find((t) => t.indicator === "sanctions.pressure_index")
    expect(pressureMovers?.moves.length).toBeGreaterThan(0)
  })

  it("counts the simulations it runs: the baseline and every coalition of its units (not 3 + moves)", () => {
    // Five moves, four units (the offer and its acceptance are one deal): 2^4 coalitions and the baseline.
    expect(debriefSimulations(game)).toBe(1 + 2 ** 4)
    // As of round 1: three units.
    expect(debriefSimulations(game, 1)).toBe(1 + 2 ** 3)
  })

  it("adds up: for every indicator the parts sum to attributionTotal, as played − no moves", () => {
    expect(debrief.attributionMethod).toMatchObject({ method: "exact", units: 4 })
    expect(debrief.attributionTotal.map((t) => t.indicator)).toEqual(debrief.outcomes.map((o) => o.id))
    for (const total of debrief.attributionTotal) {
      const parts = debrief.attribution.reduce(
        (s, a) => s + (a.effects.find((e) => e.indicator === total.indicator)?.deltaMean ?? Number.NaN),
        0,
      )
      expect(parts, total.indicator).toBeCloseTo(total.deltaMean, 6)
    }
    // The grant's USD 800 m is pledged once, by the deal (no +800 for the offer and another for its acceptance).
    const pledged = debrief.attributionTotal.find((t) => t.indicator === "funds.pledged_usd_m")
    expect(pledged?.deltaMean).toBeCloseTo(800, 0)
    expect(effect("offer", "funds.pledged_usd_m")).toBeCloseTo(800, 0)
  })

  it("samples Shapley values beyond a few units, still adding up, with stated errors", () => {
    const moves: Array<ExerciseCommand | "close"> = [
      {
        _tag: "CreateExercise",
        exerciseId: "big" as ExerciseId,
        pack: "sybiha-visit-2025" as PackId,
        name: "Big",
        roundMonths: 2,
        rounds: 2,
        seed: 5,
        runs: 60,
        facilitatorTokenHash: h("f"),
        joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
      },
      join("japan", "J"),
      join("russia", "R"),
      ...[0.1, 0.2, 0.3, 0.4].map((c, i) =>
        move("japan", `s${i}`, { type: "adopt-sanctions", coverage: c, enforcement: 0.5 }, 1),
      ),
      move("russia", "e1", { type: "counter-measure", measure: "evasion" }, 1),
      move("russia", "e2", { type: "counter-measure", measure: "rerouting" }, 1),
      move(
        "facilitator",
        "p1",
        { type: "partner-joins", partner: "Korea", coverage: 0.1, enforcement: 0.5 },
        1,
      ),
      "close",
    ]
    const bigGame = play(moves)
    const big = exerciseDebrief(pack, bigGame)
    expect(big.attributionMethod.method).toBe("sampled")
    // The work estimate counts the distinct coalitions the sampled orders visit, and the baseline.
    const simulations = debriefSimulations(bigGame)
    expect(simulations).toBeGreaterThan(7 + 2)
    expect(simulations).toBeLessThanOrEqual(1 + 1 + big.attributionMethod.permutations * 7)
    expect(big.attributionMethod.units).toBe(7)
    expect(big.attributionMethod.note).toMatch(/estimated from \d+ orders of play/)
    for (const total of big.attributionTotal) {
      const parts = big.attribution.reduce(
        (s, a) => s + (a.effects.find((e) => e.indicator === total.indicator)?.deltaMean ?? Number.NaN),
        0,
      )
      expect(parts, total.indicator).toBeCloseTo(total.deltaMean, 6)
    }
    const se = big.attribution.flatMap((a) => a.effects.map((e) => e.standardError))
    expect(se.some((x) => x > 0)).toBe(true)
    // About a hundred simulations: seconds on a busy machine.
  }, 60_000)

  it("keeps counts whole, tells each team's story and asks three questions from the game", () => {
    const implemented = debrief.outcomes.find((o) => o.id === "commitments.implemented")
    expect(implemented?.count).toBe(true)
    expect(debrief.outcomes.find((o) => o.id === "funds.pledged_usd_m")?.count).toBe(false)
    expect(debrief.teams.map((t) => t.role)).toEqual(["japan", "ukraine", "russia", "facilitator"])
    const ukraine = debrief.teams.find((t) => t.role === "ukraine")
    expect(ukraine?.lines[0]?.description).toContain("Agrees Japan's offer “Grid repair” (USD 800 m)")
    expect(debrief.prompts).toHaveLength(3)
    for (const text of [
      ...debrief.prompts,
      ...debrief.teams.flatMap((t) => t.lines.flatMap((l) => l.effects.map((e) => e.text))),
    ])
      expect(text).not.toMatch(/\d+\.\d+ (count|partners|commitments)/)
  })

  it("plays Russia's evasion as a sanctions-evasion intervention: pressure erodes faster from its month, not before", () => {
    const spec = playedSpec(game)
    expect(spec.interventions.filter((i) => i.type === "sanctions-evasion")).toEqual([
      {
        type: "sanctions-evasion",
        month: 3,
        evasionPerMonth: 0.008,
        label: "Sanctions evasion (shadow fleet)",
      },
    ])
    expect(spec.assumptions).toBeUndefined()
    const pressure = (s: typeof spec) =>
      simulate(pack, s).indicators.find((i) => i.id === "sanctions.pressure_index")?.series ?? []
    const played = pressure(spec)
    const withoutEvasion = pressure(playedSpec(game, { excluding: new Set(["evade"]) }))
    expect(played.slice(0, 3)).toEqual(withoutEvasion.slice(0, 3))
    expect(played[24]?.mean).toBeLessThan(withoutEvasion[24]?.mean as number)
  })

  it("compares the game with the baseline and with no moves, paired run by run", () => {
    const pledged = debrief.outcomes.find((o) => o.id === "funds.pledged_usd_m")
    expect(pledged?.vsNoMoves.p50).toBeCloseTo(800, 0)
    expect(pledged?.noMovesP50).toBe(pledged?.baselineP50)
    expect(debrief.exercise.hasBaseScenario).toBe(false)
  })

  it("shows the state as of an earlier round", () => {
    const first = exerciseDebrief(pack, game, 1)
    expect(first.exercise.asOfRound).toBe(1)
    expect(first.rounds.map((r) => r.round)).toEqual([1])
    expect(first.attribution.map((a) => a.moveId)).toEqual(["sanctions", "offer", "evade"])
    // As of round 1 the offer is a proposal nobody agreed: it moved no money.
    expect(first.attributionTotal.find((t) => t.indicator === "funds.pledged_usd_m")?.deltaMean).toBe(0)
    expect(first.timeline.flatMap((t) => t.moves.map((m) => m.moveId))).not.toContain("agree")
  })

  it("renders Markdown, HTML and CSV with user text escaped, names instead of ids, one column per reference", () => {
    const html = renderDebrief(debrief, "html")
    for (const text of [html, renderDebrief(debrief, "markdown")]) {
      // Move ids ("offer", "agree", …) are never shown as text; titles and amounts are.
      expect(text).toContain("“Grid repair”")
      expect(text).not.toMatch(/(Agrees|Declines|Delivers) (offer|project) [a-z]/)
      expect(text).not.toContain("sanctions.pressure_index")
      expect(text).not.toMatch(/Baseline/i)
      expect(text).toContain("Three questions")
    }
    expect(html).toContain("@page")
    expect(html).not.toContain("<script>alert")
    expect(html).toContain("&lt;script&gt;")
    expect(renderDebrief(debrief, "markdown")).toContain("# Debrief: Class &lt;b&gt;4B&lt;/b&gt;")
    const csv = renderDebrief(debrief, "csv")
    expect(csv.startsWith("section,round,role,move_id,indicator,statistic,value,text\r\n")).toBe(true)
    expect(csv).toContain("attribution_total,,,,funds.pledged_usd_m,delta_mean,")
    expect(csv).toContain("outcome,,,,sanctions.pressure_index,played_p50,")
  })
})
