import {
  type CommitmentId,
  eventIndex,
  type Intervention,
  lifecycleStates,
  lifecycleTable,
  NO_TRANSITION,
  sectors,
  stateIndex,
} from "@accord/domain"
import type { CompiledModel } from "./compiled-model.js"
import { IND, INDICATOR_COUNT, monthlyEvasion, netEnergyMw } from "./indicator-formulas.js"
import { runKey, saltedStreamKey, streamSalt, triangular, uniform } from "./random-stream.js"
import type { TrajectoryEvent } from "./trajectory-event.js"

const DISCUSSED = stateIndex("discussed")
const PROPOSED = stateIndex("proposed")
const AGREED = stateIndex("agreed")
const IMPLEMENTED = stateIndex("implemented")
const STALLED = stateIndex("stalled")
const WITHDRAWN = stateIndex("withdrawn")
const NOT_YET = -1
const E_PROPOSE = eventIndex("PROPOSE")
const E_AGREE = eventIndex("AGREE")
const E_DELIVER = eventIndex("DELIVER")
const E_COMPLETE = eventIndex("COMPLETE")
const E_STALL = eventIndex("STALL")
const E_RESUME = eventIndex("RESUME")
const E_WITHDRAW = eventIndex("WITHDRAW")
const NEXT = lifecycleTable.next
const EVENTS = lifecycleTable.eventCount
const STATE_COUNT = lifecycleStates.length
const SECTOR_COUNT = sectors.length
const S_ENERGY = sectors.indexOf("energy")
const S_HEALTH = sectors.indexOf("health")
const S_SMES = sectors.indexOf("smes")
const S_DEMINING = sectors.indexOf("demining")
const S_DIGITAL = sectors.indexOf("digital")
const S_INFRASTRUCTURE = sectors.indexOf("infrastructure")
const S_HUMANITARIAN = sectors.indexOf("humanitarian")
const T_PLEDGED = 0
const T_AGREED = 1
const T_DISBURSED = 2
const T_IMPLEMENTED = 3
const T_NEW_PLEDGED = 4
const T_NEW_DISBURSED = 5
const T_PACKAGES = 6
const T_SECTORS = 7
const TOTALS_WIDTH = T_SECTORS + SECTOR_COUNT
// Random slots within a (stream, month): 0 the transition, 1 the tranche or milestone, 2 a consultation.
const SLOT_TRANSITION = 0
const SLOT_DELIVERY = 1
const SLOT_CONSULTATION = 2
// Slot 3 of the month a commitment enters a waiting state: its geometric waiting time.
const SLOT_WAIT = 3
/** due[i] of a commitment that will not leave its waiting state within the horizon. */
const NEVER = 255

/**
 * How the kernel draws the months in which a commitment leaves discussed, proposed or stalled, whose hazards
 * are constant between events. "geometric" (the engine): one draw on entering the state gives the waiting time
 * (months that count: a delay's frozen months do not), one more at that month says which event. "monthly"
 * (the reference, and the engine before 2.2.0): one draw in every month the commitment waits. Both give the
 * same distribution of transitions (the Kolmogorov–Smirnov property test holds them to it), not the same draws.
 */
export type WaitingTimes = "geometric" | "monthly"
// A tranche within this share of what remains completes the commitment (floating-point slack).
const COMPLETION_SLACK = 1e-9

/**
 * Steps every run of a range month by month (month-major), over typed arrays and
 * the transition table compiled from the lifecycle machine. After `advance()`,
 * `values[indicator * runCount + run]` holds each run's indicators at `month`,
 * so callers aggregate month by month and no trajectory is kept. With a
 * recorder, the kernel also writes the run's events (for `trajectory`).
 */
export class TrajectoryKernel {
  readonly runCount: number
  /** Month of `values`; -1 before the first `advance()`. */
  month = -1
  /** float32, as reports use them: half the memory of float64. */
  readonly values: Float32Array
  /** Each run's parameter draws, float32 (draws from ranges; float32's 7 digits are far finer than the ranges). */
  private readonly params: Float32Array
  private readonly keys: Uint32Array
  private readonly state: Int8Array
  private readonly agreed: Float64Array
  private readonly delivered: Float64Array
  /** (1 − evasion)^month of each run, kept by multiplication (Math.pow per run-month dominated the loop). */
  private readonly erosion: Float64Array
  /** The run's erosion factor when a commitment was agreed, so a package's erosion is erosion(now) ÷ erosion(then). */
  private readonly erosionAtAgreement: Float64Array
  /** Position of each sanctions commitment in `sanctionsList` (-1 for others): erosionAtAgreement is runs × packages. */
  private readonly sanctionsSlot: Int32Array
  private readonly consultations: Int32Array
  /**
   * Running totals per run, kept as events happen (pledged, agreed, disbursed, implemented, new pledged, new
   * disbursed, sanctions packages adopted, then disbursed per sector), so that a quiet month of a commitment costs one random draw and nothing else.
   */
  private readonly totals: Float64Array
  /** quiet[c] = 1 when, this month, commitment c only draws its hazards (no entry, intervention or due date). */
  private readonly quiet: Uint8Array
  /** Geometric waiting times: the month a waiting commitment leaves its state (NEVER past the horizon). */
  private readonly due: Uint8Array
  private readonly geometric: boolean

  constructor(
    private readonly model: CompiledModel,
    readonly fromRun: number,
    readonly toRun: number,
    private readonly recorder: Array<TrajectoryEvent> | null = null,
    /** Each run's parameter values (runs × parameters) instead of draws: sensitivity analysis sets them. */
    parameters: Float64Array | null = null,
    readonly waiting: WaitingTimes = "geometric",
  ) {
    const R = toRun - fromRun
    const P = model.parameterCount
    const C = model.commitmentCount
    this.runCount = R
    this.values = new Float32Array(INDICATOR_COUNT * R)
    this.params = new Float32Array(R * P)
    this.keys = new Uint32Array(R * C)
    this.state = new Int8Array(R * C).fill(NOT_YET)
    this.agreed = new Float64Array(R * C)
    this.delivered = new Float64Array(R * C)
    this.erosion = new Float64Array(R)
    this.totals = new Float64Array(R * TOTALS_WIDTH)
    this.quiet = new Uint8Array(C)
    this.geometric = waiting === "geometric"
    // Months are at most 121 (horizon ≤ 120), so a due month fits a byte.
    this.due = new Uint8Array(this.geometric ? R * C : 0)
    this.erosionAtAgreement = new Float64Array(R * model.sanctionsList.length)
    this.sanctionsSlot = new Int32Array(C).fill(-1)
    model.sanctionsList.forEach((c, slot) => {
      this.sanctionsSlot[c] = slot
    })
    this.consultations = new Int32Array(R)
    const parameterSalt = Uint32Array.from(model.parameterStream, streamSalt)
    const commitmentSalt = Uint32Array.from(model.stream, streamSalt)
    for (let r = 0; r < R; r++) {
      const key = runKey(model.seed, fromRun + r)
      // Parameter uncertainty: one uniform per (run, parameter), mapped through the parameter's range.
      for (let k = 0; parameters === null && k < P; k++) {
        const u = uniform(saltedStreamKey(key, parameterSalt[k] as number), 0, 0)
        this.params[r * P + k] = triangular(
          u,
          model.low[k] as number,
          model.mode[k] as number,
          model.high[k] as number,
        )
      }
      if (parameters !== null) this.params.set(parameters.subarray(r * P, (r + 1) * P), r * P)
      for (let c = 0; c < C; c++) this.keys[r * C + c] = saltedStreamKey(key, commitmentSalt[c] as number)
    }
    if (recorder !== null && R === 1) {
      const values: Record<string, number> = {}
      model.parameterIds.forEach((id, k) => {
        values[id] = this.params[k] as number
      })
      recorder.push({ _tag: "RunParametersDrawn", month: 0, run: fromRun, values })
    }
  }

  /** Moves every run one month forward (month 0 first: the visit, initial states and month-0 interventions). */
  advance(): void {
    const m = ++this.month
    if (this.recorder !== null) this.recordInterventions(m)
    const model = this.model
    for (let c = 0; c < model.commitmentCount; c++) {
      this.quiet[c] =
        (model.startMonth[c] as number) < m &&
        model.withdrawMonth[c] !== m &&
        model.stallMonth[c] !== m &&
        model.implementedAtMonth[c] !== m &&
        model.frozen[c * model.months + m] === 0
          ? 1
          : 0
    }
    // Small methods per run and per commitment: V8 optimizes them with full type feedback.
    for (let r = 0; r < this.runCount; r++) this.stepRun(r, m)
  }

  private stepRun(r: number, m: number): void {
    const model = this.model
    const R = this.runCount
    const C = model.commitmentCount
    const pb = r * model.parameterCount
    const base = r * C
    const { params, state, keys, quiet, values, totals, erosionAtAgreement } = this
    const { startMonth, hazardAgree, hazardResume, hazardWithdraw, hazardStall, hazardDeliver, sector } =
      model
    const { hazardPropose, hazardDrop, isNew } = model
    const { agreed, delivered, due, geometric } = this
    const recording = this.recorder !== null
    const t = r * TOTALS_WIDTH
    const mp = model.modelParameter
    const drawnEvasion = params[pb + mp.evasionRate] as number
    // Counter-measures (sanctions-evasion interventions) raise the month's rate; without them, the drawn rate.
    const added = model.evasionAdded
    const evasion =
      added === null ? drawnEvasion : monthlyEvasion(drawnEvasion, added[m] as number, model.evasionCap)
    const erosion = m === 0 ? 1 : (this.erosion[r] as number) * (1 - evasion)
    this.erosion[r] = erosion
    for (let c = 0; c < C; c++) {
      const i = base + c
      const s = state[i] as number
      if (s === IMPLEMENTED || s === WITHDRAWN) continue
      if (quiet[c] === 1 && (s === PROPOSED || s === STALLED || s === DISCUSSED)) {
        // Geometric waiting times: a quiet month of a waiting commitment is a comparison, no draw.
        if (geometric) {
          if (due[i] === m) this.stepCommitment(c, i, s, m, pb)
          continue
        }
        // A quiet month of a discussed, proposed or stalled commitment: one draw, usually no event. Only when
        // the draw says "event" does the full step run (and draw the same number again).
        const u = uniform(keys[i] as number, m, SLOT_TRANSITION)
        const leave = (s === DISCUSSED ? hazardDrop[c] : hazardWithdraw[c]) as number
        const hazard = (
          s === PROPOSED ? hazardAgree[c] : s === STALLED ? hazardResume[c] : hazardPropose[c]
        ) as number
        if (u < (params[pb + leave] as number) + (params[pb + hazard] as number)) {
          this.stepCommitment(c, i, s, m, pb)
        }
      } else if (quiet[c] === 1 && s === AGREED && recording === false && (agreed[i] as number) > 0) {
        // Fast path for a quiet month of an agreed monetary commitment: the usual tranche, inline. A stall,
        // a withdrawal or the last tranche goes through the full step (which draws the same numbers again).
        const key = keys[i] as number
        const u = uniform(key, m, SLOT_TRANSITION)
        const w = params[pb + (hazardWithdraw[c] as number)] as number
        if (u < w + (params[pb + (hazardStall[c] as number)] as number)) {
          this.stepCommitment(c, i, s, m, pb)
          continue
        }
        const ag = agreed[i] as number
        const remaining = ag - (delivered[i] as number)
        const tranche =
          ag * (params[pb + (hazardDeliver[c] as number)] as number) * (0.5 + uniform(key, m, SLOT_DELIVERY))
        if (tranche >= remaining - COMPLETION_SLACK * ag) {
          this.stepCommitment(c, i, s, m, pb)
          continue
        }
        delivered[i] = (delivered[i] as number) + tranche
        state[i] = NEXT[s * EVENTS + E_DELIVER] as number
        totals[t + T_DISBURSED] = (totals[t + T_DISBURSED] as number) + tranche
        if (isNew[c] === 1) totals[t + T_NEW_DISBURSED] = (totals[t + T_NEW_DISBURSED] as number) + tranche
        const sc = sector[c] as number
        if (sc >= 0) totals[t + T_SECTORS + sc] = (totals[t + T_SECTORS + sc] as number) + tranche
      } else if (s !== NOT_YET || startMonth[c] === m) this.stepCommitment(c, i, s, m, pb)
    }
    const mechanisms = model.consultationList
    for (let k = 0; k < mechanisms.length; k++) {
      const c = mechanisms[k] as number
      const s = state[base + c] as number
      if (s === AGREED || s === IMPLEMENTED) this.consult(r, c, base + c, m, pb)
    }
    let newStrength = 0
    const packages = model.sanctionsList
    for (let slot = 0; slot < packages.length; slot++) {
      const c = packages[slot] as number
      const s = state[base + c] as number
      if (s === AGREED || s === IMPLEMENTED) {
        const since = erosionAtAgreement[r * packages.length + slot] as number
        newStrength += (this.sanctionsStrength(c, pb) * erosion) / since
      }
    }
    const strength = (params[pb + mp.existingStrength] as number) * erosion + newStrength
    const pledged = totals[t + T_PLEDGED] as number
    // Totals are summed in event order, not commitment order: clamp away the last-bit differences
    // so that disbursed ≤ agreed ≤ pledged holds exactly, as it does commitment by commitment.
    const agreedSum = Math.min(totals[t + T_AGREED] as number, pledged)
    const disbursed = Math.min(totals[t + T_DISBURSED] as number, agreedSum)
    const sectorAt = t + T_SECTORS
    values[IND.pledged * R + r] = pledged
    values[IND.agreed * R + r] = agreedSum
    values[IND.disbursed * R + r] = disbursed
    // New money is part of all money: clamped the same way, so new ≤ all holds exactly.
    values[IND.newPledged * R + r] = Math.min(totals[t + T_NEW_PLEDGED] as number, pledged)
    values[IND.newDisbursed * R + r] = Math.min(totals[t + T_NEW_DISBURSED] as number, disbursed)
    values[IND.energyMw * R + r] = netEnergyMw(
      totals[sectorAt + S_ENERGY] as number,
      params[pb + mp.energyIdleShare] as number,
      params[pb + mp.costPerMw] as number,
      model.mwDestroyed === null ? 0 : (model.mwDestroyed[m] as number),
    )
    values[IND.pressure * R + r] = 100 * (1 - Math.exp(-(params[pb + mp.saturation] as number) * strength))
    values[IND.packagesAdopted * R + r] = totals[t + T_PACKAGES] as number
    values[IND.consultations * R + r] = this.consultations[r] as number
    values[IND.implemented * R + r] = totals[t + T_IMPLEMENTED] as number
    values[IND.healthFacilities * R + r] =
      (totals[sectorAt + S_HEALTH] as number) / (params[pb + mp.costPerFacility] as number)
    values[IND.smes * R + r] = (totals[sectorAt + S_SMES] as number) / (params[pb + mp.costPerSme] as number)
    values[IND.deminingKm2 * R + r] =
      (totals[sectorAt + S_DEMINING] as number) / (params[pb + mp.costPerKm2] as number)
    values[IND.digitalUsdM * R + r] = totals[sectorAt + S_DIGITAL] as number
    values[IND.infrastructureUsdM * R + r] = totals[sectorAt + S_INFRASTRUCTURE] as number
    values[IND.humanitarianUsdM * R + r] = totals[sectorAt + S_HUMANITARIAN] as number
  }

  /** One commitment's month; with geometric waiting times, a commitment entering a waiting state draws its wait. */
  private stepCommitment(c: number, i: number, s: number, m: number, pb: number): void {
    this.transition(c, i, s, m, pb)
    const after = this.state[i] as number
    if (this.geometric && after !== s && (after === DISCUSSED || after === PROPOSED || after === STALLED))
      this.due[i] = this.waitUntil(c, i, after, m, pb)
  }

  /**
   * The month a commitment that entered waiting state s at month m leaves it: P(leave in a month) is
   * p = min(1, leave + hazard), constant while it waits, so the wait is geometric, T = ⌈ln(1 − u) / ln(1 − p)⌉ ≥ 1.
   */
  private waitUntil(c: number, i: number, s: number, m: number, pb: number): number {
    const p = Math.min(1, this.leaveHazard(c, s, pb) + this.stayHazard(c, s, pb))
    if (!(p > 0)) return NEVER
    const u = uniform(this.keys[i] as number, m, SLOT_WAIT)
    const t = p >= 1 ? 1 : Math.max(1, Math.ceil(Math.log1p(-u) / Math.log1p(-p)))
    return m + t > this.model.horizon ? NEVER : m + t
  }

  /** Monthly probability of withdrawal (dropped from the agenda, while discussed) of commitment c in state s. */
  private leaveHazard(c: number, s: number, pb: number): number {
    const model = this.model
    return this.params[
      pb + ((s === DISCUSSED ? model.hazardDrop[c] : model.hazardWithdraw[c]) as number)
    ] as number
  }

  /** Monthly probability of the waiting state's own way out: propose, agree or resume. */
  private stayHazard(c: number, s: number, pb: number): number {
    const model = this.model
    const k = (
      s === DISCUSSED ? model.hazardPropose[c] : s === PROPOSED ? model.hazardAgree[c] : model.hazardResume[c]
    ) as number
    return this.params[pb + k] as number
  }

  /** One commitment's month: entry, an intervention's withdrawal, or a transition drawn from its kind's hazards. */
  private transition(c: number, i: number, s: number, m: number, pb: number): number {
    const model = this.model
    const ap = model.amountParameter[c] as number
    const amount = ap >= 0 ? (this.params[pb + ap] as number) : (model.fixedAmount[c] as number)
    const start = model.startMonth[c] as number
    if (start === m) s = this.begin(c, i, m, amount)
    if (s < 0 || s === IMPLEMENTED || s === WITHDRAWN) return s
    if (model.withdrawMonth[c] === m)
      return this.fire(c, i, s, E_WITHDRAW, m, "withdrawn by an intervention", 0)
    // A stall intervention stalls an agreed commitment instead of this month's draw; in any other state it
    // does nothing and the month is drawn as usual.
    if (model.stallMonth[c] === m && s === AGREED)
      return this.fire(c, i, s, E_STALL, m, "stalled by an intervention", 0)
    const waiting = this.geometric && (s === DISCUSSED || s === PROPOSED || s === STALLED)
    if (waiting && start < m && model.frozen[c * model.months + m] === 1) {
      // A frozen month does not count towards the wait: the due month moves one on.
      if (this.due[i] !== NEVER) this.due[i] = (this.due[i] as number) + 1
      return s
    }
    if (waiting && this.due[i] !== m) return s
    if (start < m && model.frozen[c * model.months + m] === 0) {
      const params = this.params
      const key = this.keys[i] as number
      const leave = (s === DISCUSSED ? model.hazardDrop[c] : model.hazardWithdraw[c]) as number
      const w = params[pb + leave] as number
      // Monthly: u decides whether and which event. Geometric, at the due month: an event is certain and u
      // picks which, withdrawal with probability min(1, w) / min(1, w + hazard); u is mapped below w for it
      // and to w (below w + hazard) for the other, so the branches below serve both.
      const u = waiting ? this.whichEvent(c, s, m, pb, key, w) : uniform(key, m, SLOT_TRANSITION)
      if (u < w)
        return this.fire(c, i, s, E_WITHDRAW, m, s === DISCUSSED ? "dropped from the agenda" : undefined, 0)
      if (s === DISCUSSED) {
        if (u < w + (params[pb + (model.hazardPropose[c] as number)] as number))
          return this.propose(c, i, s, m, amount)
      } else if (s === PROPOSED) {
        if (u < w + (params[pb + (model.hazardAgree[c] as number)] as number)) {
          this.agreed[i] = amount
          this.recordErosionAtAgreement(c, i)
          return this.fire(c, i, s, E_AGREE, m, undefined, 0)
        }
      } else if (s === STALLED) {
        if (u < w + (params[pb + (model.hazardResume[c] as number)] as number)) {
          return this.fire(c, i, s, E_RESUME, m, undefined, 0)
        }
      } else if (u < w + (params[pb + (model.hazardStall[c] as number)] as number)) {
        return this.fire(c, i, s, E_STALL, m, undefined, 0)
      } else {
        s = this.deliver(c, i, s, m, pb, key)
      }
    }
    if (s === AGREED && model.implementedAtMonth[c] === m) s = this.completeNow(c, i, s, m)
    return s
  }

  /** At a due month: -1 (below w) for a withdrawal, w (in [w, w + hazard)) for the state's own way out. */
  private whichEvent(c: number, s: number, m: number, pb: number, key: number, w: number): number {
    const leave = Math.min(1, w)
    const p = Math.min(1, w + this.stayHazard(c, s, pb))
    return uniform(key, m, SLOT_TRANSITION) * p < leave ? -1 : w
  }

  /** A month of delivery while agreed: a tranche around `deliver` × agreed (or the milestone, for non-monetary). */
  private deliver(c: number, i: number, s: number, m: number, pb: number, key: number): number {
    const d = this.params[pb + (this.model.hazardDeliver[c] as number)] as number
    const u2 = uniform(key, m, SLOT_DELIVERY)
    const ag = this.agreed[i] as number
    if (ag > 0) {
      const remaining = ag - (this.delivered[i] as number)
      const tranche = ag * d * (0.5 + u2)
      if (tranche >= remaining - COMPLETION_SLACK * ag) return this.completeNow(c, i, s, m)
      this.delivered[i] = (this.delivered[i] as number) + tranche
      return this.fire(c, i, s, E_DELIVER, m, undefined, tranche)
    }
    return u2 < d ? this.fire(c, i, s, E_COMPLETE, m, undefined, 0) : s
  }

  /** A round of consultations in a month the mechanism works (agreed or implemented, not frozen, not its first month). */
  private consult(r: number, c: number, i: number, m: number, pb: number): void {
    const model = this.model
    if ((model.startMonth[c] as number) >= m || model.frozen[c * model.months + m] === 1) return
    const interval = this.params[pb + model.modelParameter.consultationInterval] as number
    if (uniform(this.keys[i] as number, m, SLOT_CONSULTATION) * interval >= 1) return
    this.consultations[r] = (this.consultations[r] as number) + 1
    this.recorder?.push({ _tag: "ConsultationHeld", month: m, commitment: this.id(c) })
  }

  private sanctionsStrength(c: number, pb: number): number {
    const model = this.model
    const cov = model.coverageParameter[c] as number
    return cov >= 0
      ? (this.params[pb + cov] as number) *
          (this.params[pb + (model.enforcementParameter[c] as number)] as number)
      : (model.fixedStrength[c] as number)
  }

  /** State index of commitment c in run r (-1 before it enters), after the last `advance()`; for conditioning. */
  stateOf(r: number, c: number): number {
    return this.state[r * this.model.commitmentCount + c] as number
  }

  /** USD m delivered of commitment c in run r, after the last `advance()`; for conditioning. */
  deliveredOf(r: number, c: number): number {
    return this.delivered[r * this.model.commitmentCount + c] as number
  }

  /** Runs ending the horizon in each state: counts[c * STATE_COUNT + state]. */
  finalStateCounts(): Int32Array {
    const C = this.model.commitmentCount
    const counts = new Int32Array(C * STATE_COUNT)
    for (let r = 0; r < this.runCount; r++) {
      for (let c = 0; c < C; c++) {
        const s = this.state[r * C + c] as number
        if (s >= 0) counts[c * STATE_COUNT + s] = (counts[c * STATE_COUNT + s] as number) + 1
      }
    }
    return counts
  }

  /** A sanctions package remembers the run's erosion factor when it was agreed. */
  private recordErosionAtAgreement(c: number, i: number): void {
    const slot = this.sanctionsSlot[c] as number
    if (slot < 0) return
    const r = (i - c) / this.model.commitmentCount
    this.erosionAtAgreement[r * this.model.sanctionsList.length + slot] = this.erosion[r] as number
  }

  /** Offset of the run's totals, from a commitment's slot i = run * C + c. */
  private totalsOf(c: number, i: number): number {
    return ((i - c) / this.model.commitmentCount) * TOTALS_WIDTH
  }

  private id(c: number): CommitmentId {
    return this.model.commitments[c]?.id as CommitmentId
  }

  /**
   * A commitment enters the scenario in its initial state (month 0 for the pack's, the intervention's month
   * otherwise): discussed with no amount, or proposed with its amount and then moved on to its initial state.
   */
  private begin(c: number, i: number, m: number, amount: number): number {
    const target = this.model.initialState[c] as number
    if (target === DISCUSSED) {
      this.state[i] = DISCUSSED
      this.recorder?.push({ _tag: "CommitmentDiscussed", v: 1, month: m, commitment: this.id(c) })
      return DISCUSSED
    }
    this.state[i] = PROPOSED
    this.addPledge(c, i, amount)
    this.recorder?.push({
      _tag: "CommitmentProposed",
      v: 1,
      month: m,
      commitment: this.id(c),
      amountUsdM: amount,
    })
    let s = PROPOSED
    if (target === PROPOSED) return s
    if (target === WITHDRAWN) return this.fire(c, i, s, E_WITHDRAW, m, "withdrawn before the visit", 0)
    this.agreed[i] = amount
    this.recordErosionAtAgreement(c, i)
    s = this.fire(c, i, s, E_AGREE, m, undefined, 0)
    if (target === STALLED) return this.fire(c, i, s, E_STALL, m, "stalled before the visit", 0)
    if (target === IMPLEMENTED) return this.completeNow(c, i, s, m)
    return s
  }

  /** A discussed commitment is put on the table with the run's amount (drawn from its labelled range; 0 when non-monetary). */
  private propose(c: number, i: number, s: number, m: number, amount: number): number {
    const next = NEXT[s * EVENTS + E_PROPOSE] as number
    if (next === NO_TRANSITION) return s
    this.addPledge(c, i, amount)
    return this.fire(c, i, s, E_PROPOSE, m, undefined, amount)
  }

  private addPledge(c: number, i: number, amount: number): void {
    const t = this.totalsOf(c, i)
    this.totals[t + T_PLEDGED] = (this.totals[t + T_PLEDGED] as number) + amount
    if (this.model.isNew[c] === 1)
      this.totals[t + T_NEW_PLEDGED] = (this.totals[t + T_NEW_PLEDGED] as number) + amount
  }

  /** Delivers whatever remains and completes (a scheduled milestone or the last tranche). */
  private completeNow(c: number, i: number, s: number, m: number): number {
    const remaining = (this.agreed[i] as number) - (this.delivered[i] as number)
    if (remaining > 0) {
      this.delivered[i] = this.agreed[i] as number
      s = this.fire(c, i, s, E_DELIVER, m, undefined, remaining)
    }
    return this.fire(c, i, s, E_COMPLETE, m, undefined, 0)
  }

  /**
   * Steps the compiled lifecycle table; an event the table refuses leaves the state as it is. `tranche` is the
   * delivered amount for DELIVER and the proposed amount for PROPOSE (already added to the pledges).
   */
  private fire(
    c: number,
    i: number,
    s: number,
    e: number,
    m: number,
    reason: string | undefined,
    tranche = 0,
  ): number {
    const next = NEXT[s * EVENTS + e] as number
    if (next === NO_TRANSITION) return s
    this.state[i] = next
    const totals = this.totals
    if (e === E_AGREE) {
      const t = this.totalsOf(c, i)
      totals[t + T_AGREED] = (totals[t + T_AGREED] as number) + (this.agreed[i] as number)
      // A sanctions package is adopted when it reaches agreed (once: a stalled package resumes, it is not re-adopted).
      if (this.model.isSanctions[c] === 1) totals[t + T_PACKAGES] = (totals[t + T_PACKAGES] as number) + 1
    } else if (e === E_DELIVER) {
      const t = this.totalsOf(c, i)
      totals[t + T_DISBURSED] = (totals[t + T_DISBURSED] as number) + tranche
      if (this.model.isNew[c] === 1)
        totals[t + T_NEW_DISBURSED] = (totals[t + T_NEW_DISBURSED] as number) + tranche
      const sc = this.model.sector[c] as number
      if (sc >= 0) totals[t + T_SECTORS + sc] = (totals[t + T_SECTORS + sc] as number) + tranche
    } else if (e === E_COMPLETE) {
      const t = this.totalsOf(c, i)
      totals[t + T_IMPLEMENTED] = (totals[t + T_IMPLEMENTED] as number) + 1
    }
    const rec = this.recorder
    if (rec !== null) {
      const commitment = this.id(c)
      const v = 1 as const
      if (e === E_PROPOSE)
        rec.push({ _tag: "CommitmentProposed", v, month: m, commitment, amountUsdM: tranche })
      else if (e === E_AGREE)
        rec.push({ _tag: "CommitmentAgreed", v, month: m, commitment, amountUsdM: this.agreed[i] as number })
      else if (e === E_DELIVER)
        rec.push({ _tag: "CommitmentProgressed", v, month: m, commitment, deliveredUsdM: tranche })
      else if (e === E_COMPLETE) rec.push({ _tag: "CommitmentImplemented", v, month: m, commitment })
      else if (e === E_STALL)
        rec.push({ _tag: "CommitmentStalled", v, month: m, commitment, ...(reason ? { reason } : {}) })
      else if (e === E_RESUME) rec.push({ _tag: "CommitmentResumed", v, month: m, commitment })
      else rec.push({ _tag: "CommitmentWithdrawn", v, month: m, commitment, ...(reason ? { reason } : {}) })
    }
    return next
  }

  private recordInterventions(m: number): void {
    for (const n of this.model.interventionsAt[m] ?? []) {
      const target = this.model.interventionTarget[n] as number
      this.recorder?.push({
        _tag: "InterventionApplied",
        month: m,
        index: n,
        intervention: this.model.spec.interventions[n] as Intervention,
        ...(target >= 0 ? { commitment: this.id(target) } : {}),
      })
    }
  }
}
