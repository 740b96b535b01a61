import { describe, expect, it } from "vitest"
import { foldEvents } from "../decider.js"
import type { PackId } from "../ids.js"
import { getPack, packCatalog } from "../packs/built-in-packs.js"
import { exerciseDecider } from "./exercise-decider.js"
import type {
  ExerciseEvent,
  ExerciseId,
  MoveSubmitted,
  RoundClosed,
  ShockInjected,
  TeamId,
} from "./exercise-events.js"
import { describeMove, type ExerciseMove, type MoveId } from "./exercise-moves.js"
import { playedSpec } from "./exercise-spec.js"
import type { ActiveExercise } from "./exercise-state.js"
import { exerciseView } from "./exercise-view.js"
import { moveNamesOf } from "./move-names.js"

const pack = getPack("sybiha-visit-2025")
if (pack === undefined) throw new Error("built-in pack missing")
const h = (c: string) => c.repeat(64)
const events: Array<ExerciseEvent> = [
  {
    _tag: "ExerciseCreated",
    v: 1,
    exerciseId: "ex" as ExerciseId,
    pack: "sybiha-visit-2025" as PackId,
    name: "Spec test",
    roundMonths: 3,
    rounds: 3,
    seed: 1,
    runs: 100,
    horizonMonths: 24,
    facilitatorTokenHash: h("f"),
    joinCodeHashes: { japan: h("a"), ukraine: h("b"), russia: h("c") },
  },
]
const move = (
  role: MoveSubmitted["role"],
  moveId: string,
  m: ExerciseMove,
  round: number,
): MoveSubmitted => ({
  _tag: "MoveSubmitted",
  v: 1,
  moveId: moveId as MoveId,
  teamId: `t-${role}` as TeamId,
  role,
  round,
  move: m,
})
const facilitator = (moveId: string, m: ExerciseMove, round: number): ShockInjected => ({
  _tag: "ShockInjected",
  v: 1,
  moveId: moveId as MoveId,
  round,
  move: m,
})
const close = (round: number, applied: ReadonlyArray<string>): RoundClosed => ({
  _tag: "RoundClosed",
  v: 1,
  round,
  month: round * 3,
  applied: applied as ReadonlyArray<MoveId>,
  voided: [],
  outcomes: { horizonMonth: 24, reportHash: "x", indicators: [] },
})
const played = [
  ...events,
  move("japan", "sanctions", { type: "adopt-sanctions", coverage: 0.2, enforcement: 0.6 }, 1),
  move(
    "japan",
    "offer",
    { type: "offer-aid", sector: "energy", amountUsdM: 400, form: "grant", title: "Grid" },
    1,
  ),
  move("russia", "evade", { type: "counter-measure", measure: "evasion" }, 1),
  close(1, ["sanctions", "offer", "evade"]),
  move("ukraine", "agree", { type: "agree-offer", item: "offer" as MoveId }, 2),
  close(2, ["agree"]),
]
const state = foldEvents(exerciseDecider(packCatalog), played) as ActiveExercise

describe("exercise → scenario spec", () => {
  it("translates moves into interventions at the month their round closed", () => {
    const spec = playedSpec(state)
    expect(spec.interventions).toEqual([
      {
        type: "sanctions-package",
        month: 3,
        coverage: 0.2,
        enforcement: 0.6,
        initialState: "agreed",
        label: "Japan's sanctions package (round 1)",
      },
      {
        type: "sanctions-evasion",
        month: 3,
        evasionPerMonth: 0.008,
        label: "Sanctions evasion (shadow fleet)",
      },
      {
        type: "aid-package",
        month: 6,
        sector: "energy",
        amountUsdM: 400,
        form: "grant",
        initialState: "agreed",
        label: "Grid",
      },
    ])
    // Counter-measures are interventions from their month on, not an override of the evasion rate.
    expect(spec.assumptions).toBeUndefined()
  })

  it("leaves out a move and whatever depended on it", () => {
    const withoutOffer = playedSpec(state, { excluding: new Set(["offer"]) })
    expect(withoutOffer.interventions.map((i) => i.type)).toEqual(["sanctions-package", "sanctions-evasion"])
    expect(playedSpec(state, { throughRound: 1 }).interventions.map((i) => i.type)).toEqual([
      "sanctions-package",
      "sanctions-evasion",
    ])
    expect(playedSpec(state, { noMoves: true }).interventions).toEqual([])
    expect(playedSpec(state, { excluding: new Set(["evade"]) }).interventions.map((i) => i.type)).toEqual([
      "sanctions-package",
      "aid-package",
    ])
  })

  it("turns each counter-measure into a sanctions-evasion intervention at its round's month, keeping the base assumptions", () => {
    const later = foldEvents(exerciseDecider(packCatalog), [
      ...played,
      move(
        "russia",
        "reroute",
        { type: "counter-measure", measure: "rerouting", label: "Via Central Asia" },
        3,
      ),
      close(3, ["reroute"]),
    ]) as ActiveExercise
    const evasion = playedSpec(later).interventions.filter((i) => i.type === "sanctions-evasion")
    expect(evasion).toEqual([
      {
        type: "sanctions-evasion",
        month: 3,
        evasionPerMonth: 0.008,
        label: "Sanctions evasion (shadow fleet)",
      },
      { type: "sanctions-evasion", month: 9, evasionPerMonth: 0.005, label: "Via Central Asia" },
    ])
    const assumptions = { "sanctions.evasion-rate": 0.02 } as const
    const withBase = { ...later, baseScenario: { ...later.baseScenario, assumptions } } as ActiveExercise
    expect(playedSpec(withBase).assumptions).toEqual(assumptions)
  })

  it("delivers what remains of an agreed package at the month of the delivery", () => {
    const delivered = foldEvents(exerciseDecider(packCatalog), [
      ...played,
      move("japan", "ship", { type: "deliver", item: "offer" as MoveId }, 3),
      close(3, ["ship"]),
    ]) as ActiveExercise
    const aid = playedSpec(delivered).interventions.filter((i) => i.type === "aid-package")
    expect(aid).toEqual([
      {
        type: "aid-package",
        month: 6,
        sector: "energy",
        amountUsdM: 400,
        form: "grant",
        initialState: "agreed",
        implementedAtMonth: 9,
        label: "Grid",
      },
    ])
    // Without the delivery, the package is delivered in tranches as the model draws them.
    expect(playedSpec(delivered, { excluding: new Set(["ship"]) }).interventions.at(-1)).not.toHaveProperty(
      "implementedAtMonth",
    )
  })

  it("types the facilitator's injections: a grid strike, a stall, a delay, a partner's adopted package", () => {
    const injected = foldEvents(exerciseDecider(packCatalog), [
      ...played,
      facilitator("strike", { type: "grid-strike", mwDestroyed: 800 }, 3),
      facilitator("scandal", { type: "stall", commitment: "defense-consultations" as never }, 3),
      facilitator(
        "vote",
        { type: "delay", commitment: "era-loan" as never, months: 4, label: "Election" },
        3,
      ),
      facilitator(
        "korea",
        { type: "partner-joins", partner: "South Korea", coverage: 0.1, enforcement: 0.5 },
        3,
      ),
      close(3, ["strike", "scandal", "vote", "korea"]),
    ]) as ActiveExercise
    expect(playedSpec(injected).interventions.slice(3)).toEqual([
      {
        type: "grid-strike",
        month: 9,
        mwDestroyed: 800,
        label: "Strike on the power grid",
      },
      {
        type: "stall",
        commitment: "defense-consultations",
        month: 9,
        label: "Scandal",
      },
      { type: "delay", commitment: "era-loan", months: 4, month: 9 },
      {
        type: "sanctions-package",
        month: 9,
        coverage: 0.1,
        enforcement: 0.5,
        initialState: "agreed",
        label: "South Korea joins the sanctions",
      },
    ])
  })

  it("names Japan's offer and Ukraine's project apart when their ids are the same", () => {
    const twins = foldEvents(exerciseDecider(packCatalog), [
      ...events,
      move(
        "japan",
        "x",
        { type: "offer-aid", sector: "health", amountUsdM: 50, form: "grant", title: "Clinics" },
        1,
      ),
      move(
        "ukraine",
        "x",
        { type: "propose-project", sector: "energy", amountUsdM: 70, title: "Substation" },
        1,
      ),
    ]) as ActiveExercise
    const names = moveNamesOf(twins)
    expect(names.item("x", "offer")?.title).toBe("Clinics")
    expect(names.item("x", "project")?.title).toBe("Substation")
    expect(describeMove({ type: "agree-project", item: "x" as MoveId }, names)).toBe(
      "Agrees Ukraine's project “Substation” (USD 70 m)",
    )
    expect(describeMove({ type: "agree-offer", item: "x" as MoveId }, names)).toBe(
      "Agrees Japan's offer “Clinics” (USD 50 m)",
    )
  })

  it("hides other teams' pending moves from a team, not from the facilitator", () => {
    const pending = foldEvents(exerciseDecider(packCatalog), [
      ...played.slice(0, 4),
      move("japan", "secret", { type: "adopt-sanctions", coverage: 0.1, enforcement: 0.5 }, 2),
    ]) as ActiveExercise
    const forRussia = exerciseView(pending, { actor: "russia", teamId: "t-russia" })
    expect(forRussia.moves.at(-1)).toEqual({ hidden: true, role: "japan", round: 2, status: "pending" })
    expect(JSON.stringify(forRussia)).not.toContain("secret")
    expect(JSON.stringify(forRussia)).not.toContain(h("f"))
    expect(exerciseView(pending, { actor: "japan", teamId: "t-japan" }).moves.at(-1)).toMatchObject({
      hidden: false,
      moveId: "secret",
    })
    expect(exerciseView(pending, { actor: "facilitator", teamId: "facilitator" }).moves.at(-1)).toMatchObject(
      { hidden: false },
    )
  })

  it("shows a pending offer at once to Ukraine (to answer it this round), not to Russia", () => {
    const offered = foldEvents(exerciseDecider(packCatalog), [
      ...played.slice(0, 5),
      move("japan", "grant", { type: "offer-aid", sector: "energy", amountUsdM: 300, form: "grant" }, 2),
    ]) as ActiveExercise
    const forUkraine = exerciseView(offered, { actor: "ukraine", teamId: "t-ukraine" })
    expect(forUkraine.moves.at(-1)).toMatchObject({
      hidden: false,
      description: "Offers “Energy aid”: USD 300 m grant",
    })
    expect(forUkraine.items.map((i) => [i.itemId, i.state])).toContainEqual(["grant", "proposed"])
    const forRussia = exerciseView(offered, { actor: "russia", teamId: "t-russia" })
    expect(forRussia.moves.at(-1)).toEqual({ hidden: true, role: "japan", round: 2, status: "pending" })
    expect(forRussia.items.map((i) => i.itemId)).not.toContain("grant")
  })
})
