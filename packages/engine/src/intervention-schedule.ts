import { actsOnCommitment, interventionMonth, type Pack, type ScenarioSpec } from "@accord/domain"
import {
  evasionAddedAt,
  MAX_MONTHLY_EVASION,
  MODEL_PARAMETER_IDS,
  mwDestroyedBy,
} from "./indicator-formulas.js"

/** When interventions act on the pack's commitments: withdrawals, stalls and delays by commitment and month. */
export interface CommitmentSchedule {
  readonly withdrawMonth: Int32Array
  /** Month a stall intervention stalls commitment c (if agreed then), or -1. */
  readonly stallMonth: Int32Array
  /** frozen[c * months + m] = 1 while a delay holds commitment c in month m. */
  readonly frozen: Uint8Array
}

const earliest = (current: number, month: number) => (current < 0 ? month : Math.min(current, month))

/** Sets in `interventionTarget` the commitment each delay, withdrawal or stall acts on. */
export const scheduleCommitmentInterventions = (
  pack: Pack,
  spec: ScenarioSpec,
  commitmentCount: number,
  months: number,
  interventionTarget: Int32Array,
): CommitmentSchedule => {
  const withdrawMonth = new Int32Array(commitmentCount).fill(-1)
  const stallMonth = new Int32Array(commitmentCount).fill(-1)
  const frozen = new Uint8Array(commitmentCount * months)
  const packIds = pack.commitments.map((c) => c.id as string)
  spec.interventions.forEach((i, n) => {
    if (!actsOnCommitment(i)) return
    const c = packIds.indexOf(i.commitment)
    interventionTarget[n] = c
    if (i.type === "withdraw") withdrawMonth[c] = earliest(withdrawMonth[c] as number, i.month)
    else if (i.type === "stall") stallMonth[c] = earliest(stallMonth[c] as number, i.month)
    else {
      const from = i.month ?? 0
      for (let m = from; m < Math.min(months, from + i.months); m++) frozen[c * months + m] = 1
    }
  })
  return { withdrawMonth, stallMonth, frozen }
}

/** What acts on the whole model by month: interventions for trajectory events, evasion, grid strikes. */
export interface MonthlySchedule {
  /** Interventions by month, for trajectory events. */
  readonly interventionsAt: ReadonlyArray<ReadonlyArray<number>>
  /** What sanctions-evasion interventions add to the monthly evasion rate, by month; null when the spec has none. */
  readonly evasionAdded: Float64Array | null
  /** MW destroyed by grid strikes by each month (cumulative); null when the spec has none. */
  readonly mwDestroyed: Float64Array | null
  /** Ceiling of the monthly evasion rate with counter-measures: the parameter's admissible maximum, at most 0.5. */
  readonly evasionCap: number
}

export const scheduleByMonth = (pack: Pack, spec: ScenarioSpec, months: number): MonthlySchedule => {
  const interventionsAt: Array<Array<number>> = Array.from({ length: months }, () => [])
  spec.interventions.forEach((i, n) => {
    interventionsAt[interventionMonth(i)]?.push(n)
  })
  const evasionAdded = spec.interventions.some((i) => i.type === "sanctions-evasion")
    ? Float64Array.from({ length: months }, (_, m) => evasionAddedAt(spec.interventions, m))
    : null
  const mwDestroyed = spec.interventions.some((i) => i.type === "grid-strike")
    ? Float64Array.from({ length: months }, (_, m) => mwDestroyedBy(spec.interventions, m))
    : null
  const evasionMax = pack.parameters.find((p) => p.id === MODEL_PARAMETER_IDS.evasionRate)?.max
  const evasionCap = Math.min(evasionMax ?? MAX_MONTHLY_EVASION, MAX_MONTHLY_EVASION)
  return { interventionsAt, evasionAdded, mwDestroyed, evasionCap }
}
