import type { ParameterId } from "../ids.js"
import type { Pack } from "../pack.js"
import type { AssumptionOverride, Intervention, ScenarioSpec } from "../scenario-spec.js"
import { counterMeasureEffect, type ExerciseMove, type MoveId } from "./exercise-moves.js"
import type { ActiveExercise, ExerciseItem, RecordedMove } from "./exercise-state.js"
import { applyMove } from "./move-effects.js"
import { planRoundClose } from "./round-close-plan.js"

/** The pack parameter Russia's counter-measures act on. */
export const EVASION_PARAMETER = "sanctions.evasion-rate" as ParameterId

/** Which moves count when an exercise is translated into a scenario. */
export interface PlayedSpecOptions {
  /** Only moves of rounds up to this one (default: every closed round). */
  readonly throughRound?: number
  /** Leave these moves out (leave-one-out attribution); moves that depended on them fall away too. */
  readonly excluding?: ReadonlySet<string>
  /** Also apply the open round's pending moves as closing it would (for the close itself). */
  readonly closingOpenRound?: boolean
  /** Leave every move out: the base scenario alone ("no moves"). */
  readonly noMoves?: boolean
}

/** A move that took effect, at the month it did. */
export interface PlayedMove {
  readonly moveId: MoveId
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
  for (const closed of state.closedRounds) {
    if (closed.round > through) break
    for (const moveId of closed.applied) {
      const m = state.moves.find((r) => r.moveId === moveId)
      if (m !== undefined)
        played.push({ moveId, actor: m.actor, round: closed.round, month: closed.month, move: m.move })
    }
  }
  if (options.closingOpenRound === true) {
    const plan = planRoundClose(state)
    if (plan !== undefined && plan.round <= through) {
      for (const moveId of plan.applied) {
        const m = state.moves.find((r) => r.moveId === moveId)
        if (m !== undefined)
          played.push({ moveId, actor: m.actor, round: plan.round, month: plan.month, move: m.move })
      }
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
 * Japan's withdrawals as withdraw; the facilitator's shocks as delays.
 * Russia's counter-measures raise the pack's monthly evasion rate from their
 * month on; the engine takes one rate for the whole horizon, so the spec
 * carries the constant rate that erodes pressure by the same factor by the
 * horizon (see `effectiveEvasionOverride`).
 */
export const playedSpec = (
  state: ActiveExercise,
  pack: Pack,
  options: PlayedSpecOptions = {},
): ScenarioSpec => {
  const interventions: Array<Intervention> = [...(state.baseScenario?.interventions ?? [])]
  const erosion: Array<{ month: number; perMonth: number }> = []
  let items: ReadonlyArray<ExerciseItem> = []
  for (const played of playedMoves(state, options)) {
    if (options.excluding?.has(played.moveId) === true) continue
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
        erosion.push({ month, perMonth: counterMeasureEffect[move.measure].evasionPerMonth })
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
  const base = state.baseScenario?.assumptions
  const evasion = effectiveEvasionOverride(pack, base?.[EVASION_PARAMETER], erosion, state.horizonMonths)
  const assumptions = evasion === undefined ? base : { ...base, [EVASION_PARAMETER]: evasion }
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

/**
 * The constant monthly evasion rate e′ with (1 − e′)^H = ∏ₜ (1 − e − Δ(t)),
 * Δ(t) being the counter-measures in force in month t, for each of the
 * parameter's low/mode/high: sanctions pressure at the horizon erodes as if
 * each counter-measure started in its month. Undefined without counter-measures.
 */
export const effectiveEvasionOverride = (
  pack: Pack,
  override: AssumptionOverride | undefined,
  erosion: ReadonlyArray<{ readonly month: number; readonly perMonth: number }>,
  horizon: number,
): AssumptionOverride | undefined => {
  if (erosion.length === 0) return undefined
  const parameter = pack.parameters.find((p) => p.id === EVASION_PARAMETER)
  if (parameter === undefined) return undefined
  const range =
    override === undefined
      ? parameter
      : typeof override === "number"
        ? { low: override, mode: override, high: override }
        : override
  const effective = (rate: number): number => {
    let logSurvival = 0
    for (let t = 1; t <= horizon; t++) {
      const extra = erosion.reduce((sum, e) => (e.month <= t ? sum + e.perMonth : sum), 0)
      logSurvival += Math.log(1 - Math.min(parameter.max, rate + extra))
    }
    const rounded = Math.round((1 - Math.exp(logSurvival / horizon)) * 1e6) / 1e6
    return Math.min(parameter.max, Math.max(rate, rounded))
  }
  return { low: effective(range.low), mode: effective(range.mode), high: effective(range.high) }
}
