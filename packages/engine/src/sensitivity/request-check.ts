import {
  notOneOf,
  type Pack,
  type ScenarioSpec,
  type Sector,
  sectors,
  type ValidationIssue,
} from "@accord/domain"
import { compileModel } from "../compiled-model.js"
import { INDICATOR_IDS, type ModelParameter, SECTOR_INDICATOR } from "../indicator-formulas.js"
import { type LeverRef, leverFieldsOf, leverOf, withLever } from "./levers.js"

/** The pack's indicator that the engine computes, or undefined. */
export const indicatorOf = (pack: Pack, id: string) =>
  (INDICATOR_IDS as ReadonlyArray<string>).includes(id) ? pack.indicators.find((i) => i.id === id) : undefined

/** How a result names the indicator it is about: its id, label and unit (the id alone when the pack lacks it). */
export const indicatorSummary = (pack: Pack, id: string) => {
  const definition = indicatorOf(pack, id)
  return { id, label: definition?.label ?? id, unit: definition?.unit ?? "" }
}

/** Problems with an indicator and month asked of a spec (paths `indicator`, `month`). */
export const indicatorIssues = (
  pack: Pack,
  spec: ScenarioSpec,
  indicator: string,
  month: number | undefined,
): Array<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  if (indicatorOf(pack, indicator) === undefined) {
    const known = pack.indicators
      .map((i) => i.id)
      .filter((id) => (INDICATOR_IDS as ReadonlyArray<string>).includes(id))
    issues.push({
      path: "indicator",
      message: `unknown indicator: ${notOneOf(indicator, known)}`,
    })
  }
  if (month !== undefined && !(Number.isInteger(month) && month >= 0 && month <= spec.horizonMonths)) {
    issues.push({
      path: "month",
      message: `a whole number of months between 0 and ${spec.horizonMonths} (the spec's horizon); got ${month}`,
    })
  }
  return issues
}

/** Sectors whose indicator is money ÷ a unit cost (the kernel divides by these model parameters). */
const UNIT_COST: Partial<Record<Sector, ModelParameter>> = {
  energy: "costPerMw",
  health: "costPerFacility",
  smes: "costPerSme",
  demining: "costPerKm2",
}

/**
 * The largest value an indicator can take at `month` in any run: money cannot exceed what every commitment
 * could pledge at the high end of its range; outputs bought with money cannot exceed that money at the lowest
 * unit cost; counts have their own ceilings. Undefined when the engine knows no ceiling.
 */
export const indicatorCeiling = (
  pack: Pack,
  spec: ScenarioSpec,
  indicator: string,
  month: number,
): number | undefined => {
  const model = compileModel(pack, spec)
  const moneyOf = (sector: number) => {
    let total = 0
    for (let c = 0; c < model.commitmentCount; c++) {
      if (sector >= 0 && model.sector[c] !== sector) continue
      const p = model.amountParameter[c] as number
      total += p >= 0 ? (model.high[p] as number) : (model.fixedAmount[c] as number)
    }
    return total
  }
  if (indicator === "sanctions.pressure_index") return 100
  if (indicator === "sanctions.packages_adopted") return model.sanctionsList.length
  if (indicator === "commitments.implemented") return model.commitmentCount
  if (indicator === "defense.consultations_held") return month * model.consultationList.length
  if (indicator.startsWith("funds.")) return moneyOf(-1)
  const sector = (Object.keys(SECTOR_INDICATOR) as Array<Sector>).find(
    (s) => SECTOR_INDICATOR[s] === indicator,
  )
  if (sector === undefined) return undefined
  const money = moneyOf(sectors.indexOf(sector))
  const cost = UNIT_COST[sector]
  return cost === undefined ? money : money / (model.low[model.modelParameter[cost]] as number)
}

/** Problems with a goal (paths `lever.intervention`, `lever.field`, `target`, `probability`), after `indicatorIssues`. */
export const goalIssues = (
  pack: Pack,
  spec: ScenarioSpec,
  goal: { lever: LeverRef; indicator: string; month: number; target: number; probability: number },
): Array<ValidationIssue> => {
  const issues: Array<ValidationIssue> = []
  const intervention = spec.interventions[goal.lever.intervention]
  if (intervention === undefined) {
    issues.push({
      path: "lever.intervention",
      message:
        spec.interventions.length === 0
          ? "the spec has no interventions: add the one to move"
          : `expected an intervention index 0..${spec.interventions.length - 1}`,
    })
  } else if (leverOf(spec, goal.lever) === undefined) {
    issues.push({
      path: "lever.field",
      message: `a ${intervention.type} intervention has no numeric field '${goal.lever.field}'; it has: ${leverFieldsOf(intervention.type).join(", ")}`,
    })
  }
  if (!(goal.probability > 0 && goal.probability <= 1)) {
    issues.push({ path: "probability", message: "expected a share of runs, more than 0 and at most 1" })
  }
  const lever = leverOf(spec, goal.lever)
  if (issues.length > 0 || lever === undefined || indicatorOf(pack, goal.indicator) === undefined)
    return issues
  // The most the indicator could reach with the lever at either end of its range.
  const ceiling = Math.max(
    ...[lever.min, lever.max].map(
      (v) => indicatorCeiling(pack, withLever(spec, goal.lever, v), goal.indicator, goal.month) ?? Infinity,
    ),
  )
  // Every indicator is a count or an amount (≥ 0) but net energy capacity, which a grid strike can push below 0.
  const floor = goal.indicator === SECTOR_INDICATOR.energy ? Number.NEGATIVE_INFINITY : 0
  if (!(goal.target >= floor && goal.target <= ceiling)) {
    issues.push({
      path: "target",
      message: `'${goal.indicator}' lies within ${floor === 0 ? 0 : "−∞"}..${Number(ceiling.toPrecision(6))} at month ${goal.month} in any run: no lever value reaches ${goal.target}`,
    })
  }
  return issues
}
