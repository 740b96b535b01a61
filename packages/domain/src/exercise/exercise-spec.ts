import type { Intervention, ScenarioSpec } from "../scenario-spec.js"
import { type CounterMeasures, counterMeasuresOf } from "./counter-measures.js"
import { describeMove, type ExerciseMove, type MoveId } from "./exercise-moves.js"
import type { ActiveExercise, ExerciseItem, RecordedMove } from "./exercise-state.js"
import { applyMove } from "./move-effects.js"
import { type MoveRef, moveKey } from "./move-ref.js"
import { planRoundClose } from "./round-close-plan.js"

/** Which moves count when an exercise is translated into a scenario. */
export interface PlayedSpecOptions {
  /** Only moves of rounds up to this one (default: every closed round). */
  readonly throughRound?: number
  /**
   * Leave these moves out (attribution), named by moveKey (team/id) or, where
   * the id is the only one of its kind, by bare move id; moves that depended
   * on them fall away too.
   */
  readonly excluding?: ReadonlySet<string>
  /** Also apply the open round's pending moves as closing it would (for the close itself). */
  readonly closingOpenRound?: boolean
  /** Leave every move out: the base scenario alone ("no moves"). */
  readonly noMoves?: boolean
}

/** A move that took effect, at the month it did. */
export interface PlayedMove {
  readonly moveId: MoveId
  readonly teamId: string
  /** Unique in the exercise: move ids are scoped per team. */
  readonly key: string
  readonly actor: RecordedMove["actor"]
  readonly round: number
  readonly month: number
  readonly move: ExerciseMove
}

/** The moves that took effect, in order, as the options select them. */
export const playedMoves = (
  state: ActiveExercise,
  options: PlayedSpecOptions = {},
): ReadonlyArray<PlayedMove> => {
  if (options.noMoves === true) return []
  const through = options.throughRound ?? Number.POSITIVE_INFINITY
  const played: Array<PlayedMove> = []
  const push = (ref: MoveRef, round: number, month: number) => {
    const m = state.moves.find((r) => r.moveId === ref.moveId && r.teamId === ref.teamId)
    if (m !== undefined)
      played.push({ ...ref, key: moveKey(ref), actor: m.actor, round, month, move: m.move })
  }
  for (const closed of state.closedRounds) {
    if (closed.round > through) break
    for (const ref of closed.applied) push(ref, closed.round, closed.month)
  }
  if (options.closingOpenRound === true) {
    const plan = planRoundClose(state)
    if (plan !== undefined && plan.round <= through) {
      for (const ref of plan.applied) push(ref, plan.round, plan.month)
    }
  }
  return played
}

/** Where an offer or project entered the scenario: its aid package's index among the interventions. */
const itemKey = (item: ExerciseItem): string => `${item.kind}/${item.itemId}`

/** A sanctions package adopted at `month` (Japan's, or a partner joining it). */
const sanctionsPackage = (
  move: { readonly coverage: number; readonly enforcement: number },
  month: number,
  label: string,
): Intervention => ({
  type: "sanctions-package",
  month,
  coverage: move.coverage,
  enforcement: move.enforcement,
  initialState: "agreed",
  label,
})

/**
 * The intervention a move makes, given the item it changed (if any): what
 * each move does in the model (docs/classroom-guide.md tabulates it from
 * `moveEffectsTable`). Decisions taken in the game enter as already taken:
 * an adopted package or an agreed offer or project is agreed at its month,
 * with no second agreement draw.
 */
const interventionOf = (
  played: PlayedMove,
  changed: ExerciseItem | undefined,
  counterMeasures: CounterMeasures | undefined,
): Intervention | undefined => {
  const { move, month } = played
  switch (move.type) {
    case "adopt-sanctions":
      return sanctionsPackage(move, month, move.label ?? `Japan's sanctions package (round ${played.round})`)
    case "partner-joins":
      return sanctionsPackage(move, month, `${move.partner} joins the sanctions`)
    case "withdraw-commitment":
      return { type: "withdraw", commitment: move.commitment, month }
    case "grid-strike":
      return {
        type: "grid-strike",
        month,
        mwDestroyed: move.mwDestroyed,
        label: move.label ?? "Strike on the power grid",
      }
    case "stall":
      return { type: "stall", commitment: move.commitment, month, label: move.label ?? "Scandal" }
    case "delay":
      return { type: "delay", commitment: move.commitment, months: move.months, month }
    case "counter-measure": {
      const effect = counterMeasures?.[move.measure]
      if (effect === undefined) return undefined
      return {
        type: "sanctions-evasion",
        month,
        evasionPerMonth: effect.evasionPerMonth,
        label: describeMove(move),
      }
    }
    case "agree-project":
    case "agree-offer":
      if (changed?.state !== "agreed") return undefined
      return {
        type: "aid-package",
        month,
        sector: changed.sector,
        amountUsdM: changed.amountUsdM,
        form: changed.form,
        initialState: "agreed",
        label: changed.title,
      }
    default:
      // Offers and proposals move no money until agreed; a decline takes an offer off the table;
      // a delivery completes the package its agreement made (below).
      return undefined
  }
}

/**
 * Translates an exercise into the scenario the engine runs: the base
 * scenario's interventions, then what each move did at the month its round
 * closed (interventionOf). A delivery sets the month its item's aid package
 * is delivered in full. The base scenario's assumptions pass through unchanged.
 */
export const playedSpec = (state: ActiveExercise, options: PlayedSpecOptions = {}): ScenarioSpec => {
  const interventions: Array<Intervention> = [...(state.baseScenario?.interventions ?? [])]
  const counterMeasures = counterMeasuresOf(state.pack)
  const packageOf = new Map<string, number>()
  let items: ReadonlyArray<ExerciseItem> = []
  for (const played of playedMoves(state, options)) {
    if (options.excluding?.has(played.key) === true || options.excluding?.has(played.moveId) === true)
      continue
    const effect = applyMove(items, played.moveId, played.move, played.month)
    if (effect._tag === "Refused") continue
    // applyMove replaces the item it changes and appends the one it makes: the first that differs.
    const changed = effect.items.find((item, k) => item !== items[k])
    items = effect.items
    const made = interventionOf(played, changed, counterMeasures)
    if (made !== undefined) {
      if (made.type === "aid-package" && changed !== undefined)
        packageOf.set(itemKey(changed), interventions.length)
      interventions.push(made)
    }
    const delivered =
      played.move.type === "deliver" && changed !== undefined ? packageOf.get(itemKey(changed)) : undefined
    const pkg = delivered === undefined ? undefined : interventions[delivered]
    if (delivered !== undefined && pkg?.type === "aid-package")
      interventions[delivered] = { ...pkg, implementedAtMonth: played.month }
  }
  const assumptions = state.baseScenario?.assumptions
  return {
    pack: state.pack,
    name: state.name,
    horizonMonths: state.horizonMonths,
    runs: state.runs,
    seed: state.seed,
    interventions,
    ...(assumptions === undefined || Object.keys(assumptions).length === 0 ? {} : { assumptions }),
  }
}
