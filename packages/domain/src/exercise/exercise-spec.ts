import type { Intervention, ScenarioSpec } from "../scenario-spec.js"
import { counterMeasureEffect, describeMove, type ExerciseMove, type MoveId } from "./exercise-moves.js"
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

/**
 * Translates an exercise into the scenario the engine runs: the base
 * scenario's interventions, then what each move did at the month its round
 * closed. Sanctions packages (Japan's, a joining partner's) enter as
 * sanctions-package interventions; an offer or project enters as an aid
 * package when it is agreed (a proposal nobody accepts moves no money);
 * Japan's withdrawals as withdraw; the facilitator's shocks as delays;
 * Russia's counter-measures as sanctions-evasion interventions, which raise
 * the monthly evasion rate from their month on and leave earlier months alone.
 * The base scenario's assumptions pass through unchanged.
 */
export const playedSpec = (state: ActiveExercise, options: PlayedSpecOptions = {}): ScenarioSpec => {
  const interventions: Array<Intervention> = [...(state.baseScenario?.interventions ?? [])]
  let items: ReadonlyArray<ExerciseItem> = []
  for (const played of playedMoves(state, options)) {
    if (options.excluding?.has(played.key) === true || options.excluding?.has(played.moveId) === true)
      continue
    const effect = applyMove(items, played.moveId, played.move, played.month)
    if (effect._tag === "Refused") continue
    const before = items
    items = effect.items
    const { move, month } = played
    switch (move.type) {
      case "adopt-sanctions":
        interventions.push({
          type: "sanctions-package",
          month,
          coverage: move.coverage,
          enforcement: move.enforcement,
          label: move.label ?? `Japan's sanctions package (round ${played.round})`,
        })
        break
      case "partner-joins":
        interventions.push({
          type: "sanctions-package",
          month,
          coverage: move.coverage,
          enforcement: move.enforcement,
          label: `${move.partner} joins the sanctions`,
        })
        break
      case "withdraw-commitment":
        interventions.push({ type: "withdraw", commitment: move.commitment, month })
        break
      case "shock":
        interventions.push({ type: "delay", commitment: move.commitment, months: move.months, month })
        break
      case "counter-measure":
        interventions.push({
          type: "sanctions-evasion",
          month,
          evasionPerMonth: counterMeasureEffect[move.measure].evasionPerMonth,
          label: describeMove(move),
        })
        break
      case "agree-project":
      case "agree-offer": {
        const item = items.find((i) => i.itemId === move.item)
        const was = before.find((i) => i.itemId === move.item)
        if (item !== undefined && was?.state === "proposed" && item.state === "agreed") {
          interventions.push({
            type: "aid-package",
            month,
            sector: item.sector,
            amountUsdM: item.amountUsdM,
            form: item.form,
            label: item.title,
          })
        }
        break
      }
      default:
        break
    }
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
