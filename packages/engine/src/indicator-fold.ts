import { type Pack, type ScenarioSpec, type Sector, stateAfterEvent } from "@accord/domain"
import { compileModel } from "./compiled-model.js"
import {
  evasionAddedAt,
  type IndicatorId,
  MAX_MONTHLY_EVASION,
  MODEL_PARAMETER_IDS,
  monthlyEvasion,
  mwDestroyedBy,
  netEnergyMw,
  sanctionsParameterIds,
} from "./indicator-formulas.js"
import type { TrajectoryEvent } from "./trajectory-event.js"

/** Every indicator of one run at one month. */
export type IndicatorValues = Readonly<Record<IndicatorId, number>>

interface CommitmentTally {
  state: string
  pledged: number
  agreed: number
  delivered: number
  erosionAtAgreement: number
  /** Reached agreed at least once: for a sanctions package, adopted. */
  adopted: boolean
}

/** Applies one commitment event to the run's tallies (the lifecycle as docs/model.md states it). */
const tallyEvent = (tally: Map<string, CommitmentTally>, e: TrajectoryEvent, erosion: number): void => {
  switch (e._tag) {
    case "CommitmentDiscussed":
      tally.set(e.commitment, {
        state: "discussed",
        pledged: 0,
        agreed: 0,
        delivered: 0,
        erosionAtAgreement: erosion,
        adopted: false,
      })
      break
    case "CommitmentProposed": {
      // A new commitment, or a discussed one on which an amount is now put.
      const t = tally.get(e.commitment)
      if (t) Object.assign(t, { state: "proposed", pledged: e.amountUsdM })
      else
        tally.set(e.commitment, {
          state: "proposed",
          pledged: e.amountUsdM,
          agreed: 0,
          delivered: 0,
          erosionAtAgreement: erosion,
          adopted: false,
        })
      break
    }
    case "CommitmentAgreed": {
      const t = tally.get(e.commitment)
      if (t)
        Object.assign(t, {
          state: "agreed",
          agreed: e.amountUsdM,
          erosionAtAgreement: erosion,
          adopted: true,
        })
      break
    }
    case "CommitmentProgressed": {
      const t = tally.get(e.commitment)
      if (t) t.delivered += e.deliveredUsdM
      break
    }
    case "CommitmentImplemented":
    case "CommitmentStalled":
    case "CommitmentResumed":
    case "CommitmentWithdrawn": {
      const t = tally.get(e.commitment)
      if (t) t.state = stateAfterEvent[e._tag]
      break
    }
    default:
      break
  }
}

/**
 * The indicators of one run, month by month, as a plain fold over its events
 * (from `trajectory`): the reference definition of every formula in
 * docs/model.md. The hot loop computes the same numbers without keeping events;
 * tests hold the two equal.
 */
export const foldTrajectory = (
  pack: Pack,
  spec: ScenarioSpec,
  events: ReadonlyArray<TrajectoryEvent>,
): ReadonlyArray<IndicatorValues> => {
  const model = compileModel(pack, spec)
  const drawn = events.find((e) => e._tag === "RunParametersDrawn")
  const param = (id: string): number => {
    const v = drawn?._tag === "RunParametersDrawn" ? drawn.values[id] : undefined
    if (v === undefined)
      throw new Error(`foldTrajectory: the events lack parameter '${id}' (RunParametersDrawn)`)
    return v
  }
  const tally = new Map<string, CommitmentTally>()
  let consultations = 0
  const out: Array<IndicatorValues> = []
  let next = 0
  // ∏ₜ (1 − evasion(t)) for t = 1..m, by repeated multiplication exactly as the hot loop keeps it; evasion(t) is
  // the drawn rate plus the counter-measures (sanctions-evasion interventions) whose month is ≤ t.
  const evasionMax = pack.parameters.find((p) => p.id === MODEL_PARAMETER_IDS.evasionRate)?.max
  const evasionCap = Math.min(evasionMax ?? MAX_MONTHLY_EVASION, MAX_MONTHLY_EVASION)
  let erosion = 1
  for (let m = 0; m < model.months; m++) {
    if (m > 0) {
      const drawn = param(MODEL_PARAMETER_IDS.evasionRate)
      erosion *= 1 - monthlyEvasion(drawn, evasionAddedAt(spec.interventions, m), evasionCap)
    }
    for (; next < events.length && (events[next] as TrajectoryEvent).month === m; next++) {
      const e = events[next] as TrajectoryEvent
      if (e._tag === "ConsultationHeld") consultations++
      else tallyEvent(tally, e, erosion)
    }
    let pledged = 0
    let agreed = 0
    let disbursed = 0
    let newPledged = 0
    let newDisbursed = 0
    let implemented = 0
    let packages = 0
    let newStrength = 0
    const bySector: Partial<Record<Sector, number>> = {}
    for (const c of model.commitments) {
      const t = tally.get(c.id)
      if (t === undefined) continue
      pledged += t.pledged
      agreed += t.agreed
      disbursed += t.delivered
      if (c.isNew) {
        newPledged += t.pledged
        newDisbursed += t.delivered
      }
      if (c.sector !== undefined) bySector[c.sector] = (bySector[c.sector] ?? 0) + t.delivered
      if (t.state === "implemented") implemented++
      if (c.kind === "sanctions-package" && t.adopted) packages++
      if (c.kind === "sanctions-package" && (t.state === "agreed" || t.state === "implemented")) {
        const i = c.intervention >= 0 ? spec.interventions[c.intervention] : undefined
        const strength =
          i?.type === "sanctions-package"
            ? i.coverage * i.enforcement
            : param(sanctionsParameterIds(c.id).coverage) * param(sanctionsParameterIds(c.id).enforcement)
        newStrength += (strength * erosion) / t.erosionAtAgreement
      }
    }
    const strength = param(MODEL_PARAMETER_IDS.existingStrength) * erosion + newStrength
    out.push({
      "funds.pledged_usd_m": pledged,
      "funds.agreed_usd_m": agreed,
      "funds.disbursed_usd_m": disbursed,
      "funds.new_pledged_usd_m": newPledged,
      "funds.new_disbursed_usd_m": newDisbursed,
      "energy.capacity_restored_mw": netEnergyMw(
        bySector.energy ?? 0,
        param(MODEL_PARAMETER_IDS.energyIdleShare),
        param(MODEL_PARAMETER_IDS.costPerMw),
        mwDestroyedBy(spec.interventions, m),
      ),
      "sanctions.pressure_index": 100 * (1 - Math.exp(-param(MODEL_PARAMETER_IDS.saturation) * strength)),
      "sanctions.packages_adopted": packages,
      "defense.consultations_held": consultations,
      "commitments.implemented": implemented,
      "health.facilities_supported": (bySector.health ?? 0) / param(MODEL_PARAMETER_IDS.costPerFacility),
      "smes.supported": (bySector.smes ?? 0) / param(MODEL_PARAMETER_IDS.costPerSme),
      "demining.area_cleared_km2": (bySector.demining ?? 0) / param(MODEL_PARAMETER_IDS.costPerKm2),
      "digital.disbursed_usd_m": bySector.digital ?? 0,
      "infrastructure.disbursed_usd_m": bySector.infrastructure ?? 0,
      "humanitarian.disbursed_usd_m": bySector.humanitarian ?? 0,
    })
  }
  return out
}
