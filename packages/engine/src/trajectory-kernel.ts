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
import { KernelMemory } from "./kernel-memory.js"
import { runKey, saltedStreamKey, streamSalt, triangularOfTerms, uniform } from "./random-stream.js"
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
/** Slot of `touched` for the consultations held (the last, after the running totals). */
const T_CONSULTATIONS = TOTALS_WIDTH
/**
 * Which running totals (slots of `touched`) each indicator is folded from, by indicator slot (IND): a column
 * whose totals no event touched in a month holds last month's values in every run (parameters do not change
 * within a run). Pressure, eroded every month, has none and is always folded; energy also moves with grid strikes.
 */
const INDICATOR_INPUTS: ReadonlyArray<ReadonlyArray<number>> = (() => {
  const inputs: Array<Array<number>> = Array.from({ length: INDICATOR_COUNT }, () => [])
  // Each money total is clamped to the ones it is part of (see `fold`): it moves with them.
  inputs[IND.pledged] = [T_PLEDGED]
  inputs[IND.agreed] = [T_AGREED, T_PLEDGED]
  inputs[IND.disbursed] = [T_DISBURSED, T_AGREED, T_PLEDGED]
  inputs[IND.newPledged] = [T_NEW_PLEDGED, T_PLEDGED]
  inputs[IND.newDisbursed] = [T_NEW_DISBURSED, T_DISBURSED, T_AGREED, T_PLEDGED]
  inputs[IND.energyMw] = [T_SECTORS + S_ENERGY]
  inputs[IND.packagesAdopted] = [T_PACKAGES]
  inputs[IND.consultations] = [T_CONSULTATIONS]
  inputs[IND.implemented] = [T_IMPLEMENTED]
  inputs[IND.healthFacilities] = [T_SECTORS + S_HEALTH]
  inputs[IND.smes] = [T_SECTORS + S_SMES]
  inputs[IND.deminingKm2] = [T_SECTORS + S_DEMINING]
  inputs[IND.digitalUsdM] = [T_SECTORS + S_DIGITAL]
  inputs[IND.infrastructureUsdM] = [T_SECTORS + S_INFRASTRUCTURE]
  inputs[IND.humanitarianUsdM] = [T_SECTORS + S_HUMANITARIAN]
  return inputs
})()
// Random slots within a (stream, month): 0 the transition, 1 the tranche or milestone, 2 a consultation.
const SLOT_TRANSITION = 0
const SLOT_DELIVERY = 1
const SLOT_CONSULTATION = 2
// Slots 3 and 4 of a commitment's n-th episode (its n-th entry into a state; n in place of the month): its
// geometric waiting time, and which event ends the wait. Keyed by the episode, not by a month (since model
// 2.6.0), the draws of a run's n-th wait stay the same when a hazard moves when it begins or ends (common random
// numbers: a raised stall hazard moves the loan's stall, and its stalled wait and resumption keep their draws
// instead of drawing anew from the month they now start in); the two slots are independent, as the event of a
// geometric race is of its time. No month-keyed draw uses slots 3 and 4.
const SLOT_WAIT = 3
const SLOT_WHICH = 4
/** due[i] of a commitment that will not leave its waiting state within the horizon. */
const NEVER = 255

/**
 * How the kernel draws the months in which a commitment leaves a state whose hazards are constant between
 * events: discussed, proposed, stalled and (since model 2.4.0) agreed. "geometric" (the engine): one draw on
 * entering the state gives the waiting time (months that count: a delay's frozen months do not), one more
 * says which event, both keyed by the episode (the how-many-th state the commitment entered; since model 2.6.0);
 * an agreed monetary commitment still draws its tranche in every other month.
 * "monthly" (the reference, and the engine before 2.2.0): one draw in every month the commitment waits. Both
 * give the same distribution of transitions (the Kolmogorov–Smirnov property test holds them to it), not the
 * same draws.
 */
export type WaitingTimes = "geometric" | "monthly"
/** Whether the kernel takes the shortcuts that skip work known to change nothing, or the plain path (tests). */
export type KernelPath = "shortcuts" | "plain"
// A tranche within this share of what remains completes the commitment (floating-point slack).
const COMPLETION_SLACK = 1e-9

/**
 * A month's tranche of an agreed monetary commitment: around `deliver` × agreed, u uniform in [0, 1). The one
 * formula of the inline quiet month and the full step (the JIT inlines it: `pnpm bench -- engine` times it
 * against the formula written out).
 */
export const trancheOf = (agreed: number, deliver: number, u: number): number => agreed * deliver * (0.5 + u)

/** Whether a tranche delivers what remains (then the commitment completes with exactly the remainder). */
const completes = (tranche: number, remaining: number, agreed: number): boolean =>
  tranche >= remaining - COMPLETION_SLACK * agreed

/**
 * Steps every run of a range month by month (month-major), over typed arrays and the transition table
 * compiled from the lifecycle machine. After `advance()`, `values[indicator * runCount + run]` holds each
 * run's indicators at `month`, so callers aggregate month by month and no trajectory is kept. With a
 * recorder, the kernel also writes the run's events (for `trajectory`).
 *
 * Layout: struct of arrays, runs innermost. A commitment's state across runs is `state[c * runCount + run]`,
 * a parameter's draws `params[k * runCount + run]`, a running total's `totals[t * runCount + run]`: a month
 * steps one commitment across every run (its kind, hazards and interventions are loop constants), and each
 * loop reads consecutive bytes.
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
  private readonly delivered: Float64Array
  /** (1 − evasion)^month of each run, kept by multiplication (Math.pow per run-month dominated the loop). */
  private readonly erosion: Float64Array
  /** The run's erosion factor when a sanctions package was agreed (packages × runs): erosion(now) ÷ erosion(then). */
  private readonly erosionAtAgreement: Float64Array
  /** Scratch of `fold`: each run's strength of the sanctions packages it adopted. */
  private readonly strength: Float64Array
  /** Position of each sanctions commitment in `sanctionsList` (-1 for others). */
  private readonly sanctionsSlot: Int32Array
  private readonly consultations: Int32Array
  /**
   * Running totals per run, kept as events happen (pledged, agreed, disbursed, implemented, new pledged, new
   * disbursed, sanctions packages adopted, then disbursed per sector), so that a quiet month of a commitment
   * costs a comparison or one random draw and nothing else.
   */
  private readonly totals: Float64Array
  /** Geometric waiting times: the month a waiting commitment leaves its state (NEVER past the horizon). */
  private readonly due: Uint8Array
  /** Geometric waiting times: how many states the commitment has entered (its episode), which keys its draws. */
  private readonly episode: Uint8Array
  /**
   * Geometric waiting times, for a commitment without an amount (no tranches: only its due runs have anything
   * to do in a quiet month): the runs due in each month, as lists, dueHead[c * months + month] the first slot
   * i = c * runCount + run (-1: none) and dueNext[i] the next. Rebuilt after each eventful month of the
   * commitment; a quiet month steps the month's list (runs do not share state, so their order does not matter)
   * and each stepped run joins the list of its next due month.
   */
  private readonly dueHead: Int32Array
  /** Whether the lists of due runs are kept (geometric waiting times, and not the plain path). */
  private readonly listed: boolean
  private readonly dueNext: Int32Array
  private readonly geometric: boolean
  /** Per running total (and the consultations, T_CONSULTATIONS): whether an event changed it in any run this month. */
  private readonly touched = new Uint8Array(T_CONSULTATIONS + 1)
  /**
   * After `advance()`, per indicator: 0 when its column (`values`) is last month's in every run, bit for bit
   * (no event touched what it is folded from), so a reader that keeps last month's statistics need not read it;
   * 1 when it may have moved (every indicator at month 0, and always the pressure index).
   */
  readonly movedIndicators = new Uint8Array(INDICATOR_COUNT)

  constructor(
    private readonly model: CompiledModel,
    readonly fromRun: number,
    readonly toRun: number,
    private readonly recorder: Array<TrajectoryEvent> | null = null,
    /** Each run's parameter values (runs × parameters, run-major) instead of draws: sensitivity analysis sets them. */
    parameters: Float64Array | null = null,
    readonly waiting: WaitingTimes = "geometric",
    /** Where its arrays come from: the block path hands every block the same buffers. */
    memory: KernelMemory = new KernelMemory(),
    /**
     * "plain": no shortcut the same numbers do not need (every run visited in every quiet month, every column
     * folded every month and reported moved): the reference the tests hold the default, "shortcuts", to.
     */
    readonly path: KernelPath = "shortcuts",
  ) {
    const R = toRun - fromRun
    const P = model.parameterCount
    const C = model.commitmentCount
    this.runCount = R
    this.values = memory.float32(INDICATOR_COUNT * R)
    this.params = memory.float32(P * R)
    this.keys = memory.uint32(C * R)
    this.state = memory.int8(C * R).fill(NOT_YET)
    this.delivered = memory.float64(C * R)
    this.erosion = memory.float64(R)
    this.totals = memory.float64(TOTALS_WIDTH * R)
    this.geometric = waiting === "geometric"
    this.listed = this.geometric && path === "shortcuts"
    // Months are at most 121 (horizon ≤ 120), so a due month fits a byte.
    this.due = memory.uint8(this.geometric ? C * R : 0).fill(NEVER)
    this.episode = memory.uint8(this.geometric ? C * R : 0)
    this.dueHead = memory.int32(this.listed ? C * model.months : 0).fill(-1)
    this.dueNext = memory.int32(this.listed ? C * R : 0)
    this.erosionAtAgreement = memory.float64(model.sanctionsList.length * R)
    this.strength = memory.float64(R)
    this.sanctionsSlot = new Int32Array(C).fill(-1)
    model.sanctionsList.forEach((c, slot) => {
      this.sanctionsSlot[c] = slot
    })
    this.consultations = memory.int32(R)
    const runKeys = runKeysOf(model.seed, fromRun, R)
    if (parameters === null) drawParameters(model, runKeys, this.params)
    else transpose(parameters, R, P, this.params)
    streamKeys(model.stream, runKeys, this.keys)
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
    this.erode(m)
    for (let c = 0; c < model.commitmentCount; c++) {
      const quiet =
        (model.startMonth[c] as number) < m &&
        model.withdrawMonth[c] !== m &&
        model.stallMonth[c] !== m &&
        model.implementedAtMonth[c] !== m &&
        model.frozen[c * model.months + m] === 0
      if (!quiet) {
        this.eventfulMonth(c, m)
        if (this.listed && model.monetary[c] === 0) this.listDueRuns(c, m)
      } else if (!this.geometric) this.quietMonth(c, m)
      else if (this.listed && model.monetary[c] === 0) this.stepDueRuns(c, m)
      else this.quietMonthGeometric(c, m)
    }
    for (let k = 0; k < model.consultationList.length; k++)
      this.consultAll(model.consultationList[k] as number, m)
    this.fold(m)
  }

  /** Each run's erosion factor this month: the drawn evasion rate, raised by counter-measures in force. */
  private erode(m: number): void {
    const R = this.runCount
    const model = this.model
    const at = model.modelParameter.evasionRate * R
    const added = model.evasionAdded
    const { params, erosion } = this
    for (let r = 0; r < R; r++) {
      const drawn = params[at + r] as number
      const evasion = added === null ? drawn : monthlyEvasion(drawn, added[m] as number, model.evasionCap)
      erosion[r] = m === 0 ? 1 : (erosion[r] as number) * (1 - evasion)
    }
  }

  /** A month with an entry, an intervention, a due date or a delay for commitment c: the full step in every run. */
  private eventfulMonth(c: number, m: number): void {
    const R = this.runCount
    const base = c * R
    const entering = this.model.startMonth[c] === m
    if (entering && this.plainEntry(c, m)) {
      this.enterAll(c, m)
      return
    }
    const state = this.state
    for (let r = 0; r < R; r++) {
      const s = state[base + r] as number
      if (s === IMPLEMENTED || s === WITHDRAWN) continue
      if (s !== NOT_YET || entering) this.stepCommitment(c, base + r, s, m, r)
    }
  }

  /**
   * Whether commitment c enters in month m with nothing else that month (no intervention on it, no known
   * implementation date, not a sanctions package, no recorder): then every run takes the same path to its
   * initial state, which `enterAll` walks without the full step's calls.
   */
  private plainEntry(c: number, m: number): boolean {
    const model = this.model
    return (
      this.geometric &&
      this.recorder === null &&
      model.withdrawMonth[c] !== m &&
      model.stallMonth[c] !== m &&
      model.implementedAtMonth[c] !== m &&
      model.isSanctions[c] === 0
    )
  }

  /**
   * Commitment c enters every run in month m (see `plainEntry`): what `begin` and `fire` do, in the same order
   * for each run's totals (pledged; agreed; delivered and implemented for one that starts implemented), then the
   * first wait. Same numbers as the full step (the golden hash holds it to them), a fifth of its calls.
   */
  private enterAll(c: number, m: number): void {
    const R = this.runCount
    const base = c * R
    const model = this.model
    const target = model.initialState[c] as number
    const ap = model.amountParameter[c] as number
    const fixed = model.fixedAmount[c] as number
    const isNew = model.isNew[c] === 1
    const { params, totals, state, delivered, episode, due, touched } = this
    if (target !== DISCUSSED) {
      touched[T_PLEDGED] = 1
      if (isNew) touched[T_NEW_PLEDGED] = 1
      if (target !== PROPOSED && target !== WITHDRAWN) touched[T_AGREED] = 1
      if (target === IMPLEMENTED) touched[T_IMPLEMENTED] = 1
    }
    for (let r = 0; r < R; r++) {
      const i = base + r
      if (target !== DISCUSSED) {
        const amount = ap >= 0 ? (params[ap * R + r] as number) : fixed
        totals[T_PLEDGED * R + r] = (totals[T_PLEDGED * R + r] as number) + amount
        if (isNew) totals[T_NEW_PLEDGED * R + r] = (totals[T_NEW_PLEDGED * R + r] as number) + amount
        if (target !== PROPOSED && target !== WITHDRAWN) {
          totals[T_AGREED * R + r] = (totals[T_AGREED * R + r] as number) + amount
          if (target === IMPLEMENTED) {
            if (amount > 0) {
              delivered[i] = amount
              this.addDisbursed(c, r, amount)
            }
            totals[T_IMPLEMENTED * R + r] = (totals[T_IMPLEMENTED * R + r] as number) + 1
          }
        }
      }
      state[i] = target
      episode[i] = (episode[i] as number) + 1
      due[i] = this.waitUntil(c, i, target, m, r)
    }
  }

  /**
   * A quiet month of commitment c without an amount, geometric waiting times: the full step of each run due
   * this month (`dueHead`), which then joins the list of its next due month.
   */
  private stepDueRuns(c: number, m: number): void {
    const { dueHead, dueNext, due, state } = this
    const base = c * this.runCount
    const at = c * this.model.months + m
    let i = dueHead[at] as number
    dueHead[at] = -1
    while (i >= 0) {
      const next = dueNext[i] as number
      if (due[i] === m) this.stepCommitment(c, i, state[i] as number, m, i - base)
      i = next
    }
  }

  /** The lists of due runs of commitment c (see `dueHead`) after its eventful month m, from every run's due month. */
  private listDueRuns(c: number, m: number): void {
    const R = this.runCount
    const months = this.model.months
    const { dueHead, dueNext, due } = this
    const base = c * R
    const row = c * months
    dueHead.fill(-1, row + m + 1, row + months)
    for (let r = R - 1; r >= 0; r--) {
      const i = base + r
      const t = due[i] as number
      if (t > m && t < months) {
        dueNext[i] = dueHead[row + t] as number
        dueHead[row + t] = i
      }
    }
  }

  /**
   * A quiet month of commitment c (no entry, intervention or delay) with geometric waiting times: a comparison
   * with the due month, and the tranche of an agreed monetary commitment inline. Only a due month, or a tranche
   * that completes, runs the full step (which draws the same numbers again).
   */
  private quietMonthGeometric(c: number, m: number): void {
    const R = this.runCount
    const base = c * R
    const model = this.model
    const { state, due, params, keys, delivered } = this
    const inline = this.recorder === null
    const monetary = model.monetary[c] === 1
    // What `agreedAmount` and the tranche read, hoisted (bundled, the state constants are module variables).
    const agreed = AGREED
    const ap = model.amountParameter[c] as number
    const fixed = model.fixedAmount[c] as number
    const amountAt = ap * R
    const deliverAt = (model.hazardDeliver[c] as number) * R
    const delivering = NEXT[AGREED * EVENTS + E_DELIVER] as number
    for (let r = 0; r < R; r++) {
      const i = base + r
      if (due[i] === m) this.stepCommitment(c, i, state[i] as number, m, r)
      else if (monetary && state[i] === agreed) {
        const ag = ap >= 0 ? (params[amountAt + r] as number) : fixed
        if (!(ag > 0)) continue
        if (inline) {
          // The month's tranche, inline; the full step (drawing the same numbers again) only for the last one.
          const tranche = trancheOf(
            ag,
            params[deliverAt + r] as number,
            uniform(keys[i] as number, m, SLOT_DELIVERY),
          )
          if (!completes(tranche, ag - (delivered[i] as number), ag)) {
            delivered[i] = (delivered[i] as number) + tranche
            state[i] = delivering
            this.addDisbursed(c, r, tranche)
            continue
          }
        }
        this.stepCommitment(c, i, agreed, m, r)
      }
    }
  }

  /**
   * A quiet month of commitment c with monthly draws (the reference): a waiting commitment draws once; an agreed
   * one draws its stall or withdrawal and, else, its tranche or milestone inline. Only a draw that says "event"
   * runs the full step, which draws the same numbers again.
   */
  private quietMonth(c: number, m: number): void {
    const R = this.runCount
    const base = c * R
    const model = this.model
    const { state, keys, params } = this
    const inline = this.recorder === null
    const leaveAt = (model.hazardWithdraw[c] as number) * R
    const stallAt = (model.hazardStall[c] as number) * R
    const dropAt = (model.hazardDrop[c] as number) * R
    const proposeAt = (model.hazardPropose[c] as number) * R
    const agreeAt = (model.hazardAgree[c] as number) * R
    const resumeAt = (model.hazardResume[c] as number) * R
    for (let r = 0; r < R; r++) {
      const i = base + r
      const s = state[i] as number
      if (s === AGREED) {
        if (!inline || this.eventWhileAgreed(c, i, r, m, leaveAt, stallAt)) this.stepCommitment(c, i, s, m, r)
      } else if (s === PROPOSED || s === STALLED || s === DISCUSSED) {
        const u = uniform(keys[i] as number, m, SLOT_TRANSITION)
        const leave = params[(s === DISCUSSED ? dropAt : leaveAt) + r] as number
        const hazard = params[(s === PROPOSED ? agreeAt : s === STALLED ? resumeAt : proposeAt) + r] as number
        if (u < leave + hazard) this.stepCommitment(c, i, s, m, r)
      }
    }
  }

  /**
   * Monthly draws, a quiet month of an agreed commitment, inline: the usual tranche (or no milestone) is applied here and
   * false returned; true when the month holds an event for the full step (a stall, a withdrawal, the last
   * tranche or the milestone), which then draws the same numbers again.
   */
  private eventWhileAgreed(
    c: number,
    i: number,
    r: number,
    m: number,
    leaveAt: number,
    stallAt: number,
  ): boolean {
    const params = this.params
    const key = this.keys[i] as number
    const u = uniform(key, m, SLOT_TRANSITION)
    if (u < (params[leaveAt + r] as number) + (params[stallAt + r] as number)) return true
    const R = this.runCount
    const d = params[(this.model.hazardDeliver[c] as number) * R + r] as number
    const u2 = uniform(key, m, SLOT_DELIVERY)
    const ag = this.agreedAmount(c, i)
    if (!(ag > 0)) return u2 < d
    const tranche = trancheOf(ag, d, u2)
    if (completes(tranche, ag - (this.delivered[i] as number), ag)) return true
    this.delivered[i] = (this.delivered[i] as number) + tranche
    this.state[i] = NEXT[AGREED * EVENTS + E_DELIVER] as number
    this.addDisbursed(c, r, tranche)
    return false
  }

  /** Consultations of mechanism c in every run where it works (agreed or implemented), unless frozen or just begun. */
  private consultAll(c: number, m: number): void {
    const model = this.model
    if ((model.startMonth[c] as number) >= m || model.frozen[c * model.months + m] === 1) return
    const R = this.runCount
    const base = c * R
    const at = model.modelParameter.consultationInterval * R
    const { state, keys, params, consultations } = this
    for (let r = 0; r < R; r++) {
      const s = state[base + r] as number
      if (s !== AGREED && s !== IMPLEMENTED) continue
      if (uniform(keys[base + r] as number, m, SLOT_CONSULTATION) * (params[at + r] as number) >= 1) continue
      consultations[r] = (consultations[r] as number) + 1
      this.touched[T_CONSULTATIONS] = 1
      this.recorder?.push({ _tag: "ConsultationHeld", month: m, commitment: this.id(c) })
    }
  }

  /**
   * Each run's indicators at month m, from its running totals, parameters and packages in force. A column none
   * of whose totals moved this month (`movedIndicators`) keeps last month's values and is not folded again.
   */
  private fold(m: number): void {
    const R = this.runCount
    const model = this.model
    const mp = model.modelParameter
    const { params, totals, values, erosion, consultations } = this
    const moved = this.markMoved(m)
    const destroyed = model.mwDestroyed === null ? 0 : (model.mwDestroyed[m] as number)
    const packages = model.sanctionsList.length
    // Offsets of each parameter's, total's and indicator's row, hoisted: the loop reads consecutive runs of each
    // (bundled, the slot constants are module variables the compiler does not fold).
    const strengthAt = mp.existingStrength * R
    const saturationAt = mp.saturation * R
    const pressureAt = IND.pressure * R
    const added = this.newStrength()
    for (let r = 0; r < R; r++) {
      const e = erosion[r] as number
      const strength = (params[strengthAt + r] as number) * e + (packages === 0 ? 0 : (added[r] as number))
      values[pressureAt + r] = 100 * (1 - Math.exp(-(params[saturationAt + r] as number) * strength))
    }
    // The money columns together (each is clamped to the ones before it): when any total of theirs moved.
    if (moved[IND.newPledged] === 1 || moved[IND.newDisbursed] === 1) {
      const pledgedAt = T_PLEDGED * R
      const agreedAt = T_AGREED * R
      const disbursedAt = T_DISBURSED * R
      const newPledgedAt = T_NEW_PLEDGED * R
      const newDisbursedAt = T_NEW_DISBURSED * R
      const toPledged = IND.pledged * R
      const toAgreed = IND.agreed * R
      const toDisbursed = IND.disbursed * R
      const toNewPledged = IND.newPledged * R
      const toNewDisbursed = IND.newDisbursed * R
      for (let r = 0; r < R; r++) {
        const pledged = totals[pledgedAt + r] as number
        // Totals are summed in event order, not commitment order: clamp away the last-bit differences
        // so that disbursed ≤ agreed ≤ pledged holds exactly, as it does commitment by commitment.
        const agreedSum = Math.min(totals[agreedAt + r] as number, pledged)
        const disbursed = Math.min(totals[disbursedAt + r] as number, agreedSum)
        values[toPledged + r] = pledged
        values[toAgreed + r] = agreedSum
        values[toDisbursed + r] = disbursed
        // New money is part of all money: clamped the same way, so new ≤ all holds exactly.
        values[toNewPledged + r] = Math.min(totals[newPledgedAt + r] as number, pledged)
        values[toNewDisbursed + r] = Math.min(totals[newDisbursedAt + r] as number, disbursed)
      }
    }
    if (moved[IND.energyMw] === 1) {
      const energyAt = (T_SECTORS + S_ENERGY) * R
      const idleAt = mp.energyIdleShare * R
      const perMwAt = mp.costPerMw * R
      const toEnergy = IND.energyMw * R
      for (let r = 0; r < R; r++) {
        values[toEnergy + r] = netEnergyMw(
          totals[energyAt + r] as number,
          params[idleAt + r] as number,
          params[perMwAt + r] as number,
          destroyed,
        )
      }
    }
    if (moved[IND.packagesAdopted] === 1) copyRow(totals, T_PACKAGES * R, values, IND.packagesAdopted * R, R)
    if (moved[IND.consultations] === 1) copyRow(consultations, 0, values, IND.consultations * R, R)
    if (moved[IND.implemented] === 1) copyRow(totals, T_IMPLEMENTED * R, values, IND.implemented * R, R)
    const sectorAt = T_SECTORS * R
    if (moved[IND.healthFacilities] === 1)
      divideRow(
        totals,
        sectorAt + S_HEALTH * R,
        params,
        mp.costPerFacility * R,
        values,
        IND.healthFacilities * R,
        R,
      )
    if (moved[IND.smes] === 1)
      divideRow(totals, sectorAt + S_SMES * R, params, mp.costPerSme * R, values, IND.smes * R, R)
    if (moved[IND.deminingKm2] === 1)
      divideRow(totals, sectorAt + S_DEMINING * R, params, mp.costPerKm2 * R, values, IND.deminingKm2 * R, R)
    if (moved[IND.digitalUsdM] === 1)
      copyRow(totals, sectorAt + S_DIGITAL * R, values, IND.digitalUsdM * R, R)
    if (moved[IND.infrastructureUsdM] === 1)
      copyRow(totals, sectorAt + S_INFRASTRUCTURE * R, values, IND.infrastructureUsdM * R, R)
    if (moved[IND.humanitarianUsdM] === 1)
      copyRow(totals, sectorAt + S_HUMANITARIAN * R, values, IND.humanitarianUsdM * R, R)
  }

  /**
   * `movedIndicators` for month m, from the totals events touched since the last fold (which it clears): every
   * indicator at month 0, the pressure index always, net energy also when grid strikes destroyed more.
   */
  private markMoved(m: number): Uint8Array {
    const { movedIndicators: moved, touched } = this
    const destroyed = this.model.mwDestroyed
    for (let ind = 0; ind < INDICATOR_COUNT; ind++) {
      const inputs = INDICATOR_INPUTS[ind] as ReadonlyArray<number>
      let any = m === 0 || inputs.length === 0 || this.path === "plain" ? 1 : 0
      for (let k = 0; k < inputs.length && any === 0; k++) any = touched[inputs[k] as number] as number
      moved[ind] = any
    }
    if (destroyed !== null && m > 0 && destroyed[m] !== destroyed[m - 1]) moved[IND.energyMw] = 1
    touched.fill(0)
    return moved
  }

  /**
   * Each run's strength of its adopted sanctions packages (agreed or implemented), each eroded since its
   * agreement, into `strength` (runs): package by package across runs, each run's terms added in package order.
   */
  private newStrength(): Float64Array {
    const R = this.runCount
    const model = this.model
    const packages = model.sanctionsList
    const { state, params, erosion, erosionAtAgreement, strength } = this
    const agreed = AGREED
    const implemented = IMPLEMENTED
    strength.fill(0)
    for (let slot = 0; slot < packages.length; slot++) {
      const c = packages[slot] as number
      const base = c * R
      const sinceAt = slot * R
      const cov = model.coverageParameter[c] as number
      const coverageAt = cov * R
      const enforcementAt = (model.enforcementParameter[c] as number) * R
      const fixed = model.fixedStrength[c] as number
      for (let r = 0; r < R; r++) {
        const s = state[base + r] as number
        if (s !== agreed && s !== implemented) continue
        const own =
          cov >= 0 ? (params[coverageAt + r] as number) * (params[enforcementAt + r] as number) : fixed
        strength[r] =
          (strength[r] as number) +
          (own * (erosion[r] as number)) / (erosionAtAgreement[sinceAt + r] as number)
      }
    }
    return strength
  }

  /**
   * The amount commitment c agreed in the run of slot i (read only once it has been agreed): its amount
   * parameter's draw, or its fixed amount (0 when non-monetary). Not stored: it is the pledged amount.
   */
  private agreedAmount(c: number, i: number): number {
    const model = this.model
    const ap = model.amountParameter[c] as number
    const R = this.runCount
    return ap >= 0 ? (this.params[ap * R + i - c * R] as number) : (model.fixedAmount[c] as number)
  }

  /** Parameter k of run r. */
  private param(k: number, r: number): number {
    return this.params[k * this.runCount + r] as number
  }

  /**
   * One commitment's month; with geometric waiting times, a commitment entering a state draws its wait there
   * (NEVER once implemented or withdrawn).
   */
  private stepCommitment(c: number, i: number, s: number, m: number, r: number): void {
    this.transition(c, i, s, m, r)
    const after = this.state[i] as number
    if (this.geometric && after !== s) {
      // At most one entry a month, so a horizon of 120 months stays within a byte.
      this.episode[i] = (this.episode[i] as number) + 1
      const t = this.waitUntil(c, i, after, m, r)
      this.due[i] = t
      if (t !== NEVER && this.listed && this.model.monetary[c] === 0) {
        const at = c * this.model.months + t
        this.dueNext[i] = this.dueHead[at] as number
        this.dueHead[at] = i
      }
    }
  }

  /**
   * The month a commitment that entered state s at month m leaves it: P(an event in a month) is p
   * (`eventHazard`), constant while it stays, so the wait is geometric, T = ⌈ln(1 − u) / ln(1 − p)⌉ ≥ 1.
   */
  private waitUntil(c: number, i: number, s: number, m: number, r: number): number {
    const p = this.eventHazard(c, i, s, r)
    if (!(p > 0)) return NEVER
    const u = uniform(this.keys[i] as number, this.episode[i] as number, SLOT_WAIT)
    const t = p >= 1 ? 1 : Math.max(1, Math.ceil(Math.log1p(-u) / Math.log1p(-p)))
    return m + t > this.model.horizon ? NEVER : m + t
  }

  /**
   * Monthly probability that commitment c leaves state s: min(1, leave + hazard) while discussed, proposed or
   * stalled; while agreed, a withdrawal or a stall, min(1, w + stall), or else (non-monetary) its milestone,
   * with probability deliver; 0 once implemented or withdrawn.
   */
  private eventHazard(c: number, i: number, s: number, r: number): number {
    if (s === DISCUSSED || s === PROPOSED || s === STALLED)
      return Math.min(1, this.leaveHazard(c, s, r) + this.stayHazard(c, s, r))
    if (s !== AGREED) return 0
    const model = this.model
    const stop = Math.min(1, this.leaveHazard(c, s, r) + this.param(model.hazardStall[c] as number, r))
    if (this.agreedAmount(c, i) > 0) return stop
    const d = Math.min(1, Math.max(0, this.param(model.hazardDeliver[c] as number, r)))
    return stop + (1 - stop) * d
  }

  /**
   * Geometric waiting times, an agreed commitment's month: at its due month the event (u picks a withdrawal,
   * a stall or the milestone in proportion to their monthly probabilities), else its tranche (monetary).
   */
  private agreedMonth(c: number, i: number, s: number, m: number, r: number, key: number, w: number): number {
    if (this.due[i] === m) {
      const leave = Math.min(1, w)
      const stop = Math.min(1, w + this.param(this.model.hazardStall[c] as number, r))
      const x = this.whichDraw(i, key) * this.eventHazard(c, i, s, r)
      if (x < leave) return this.fire(c, i, s, E_WITHDRAW, m, undefined, 0)
      if (x < stop) return this.fire(c, i, s, E_STALL, m, undefined, 0)
      return this.fire(c, i, s, E_COMPLETE, m, undefined, 0)
    }
    return this.agreedAmount(c, i) > 0 ? this.deliver(c, i, s, m, r, key) : s
  }

  /** Monthly probability of withdrawal (dropped from the agenda, while discussed) of commitment c in state s. */
  private leaveHazard(c: number, s: number, r: number): number {
    const model = this.model
    return this.param((s === DISCUSSED ? model.hazardDrop[c] : model.hazardWithdraw[c]) as number, r)
  }

  /** Monthly probability of the waiting state's own way out: propose, agree or resume. */
  private stayHazard(c: number, s: number, r: number): number {
    const model = this.model
    const k = (
      s === DISCUSSED ? model.hazardPropose[c] : s === PROPOSED ? model.hazardAgree[c] : model.hazardResume[c]
    ) as number
    return this.param(k, r)
  }

  /** One commitment's month: entry, an intervention's withdrawal, or a transition drawn from its kind's hazards. */
  private transition(c: number, i: number, s: number, m: number, r: number): number {
    const model = this.model
    const ap = model.amountParameter[c] as number
    const amount = ap >= 0 ? this.param(ap, r) : (model.fixedAmount[c] as number)
    const start = model.startMonth[c] as number
    if (start === m) s = this.begin(c, i, m, amount)
    if (s < 0 || s === IMPLEMENTED || s === WITHDRAWN) return s
    if (model.withdrawMonth[c] === m)
      return this.fire(c, i, s, E_WITHDRAW, m, "withdrawn by an intervention", 0)
    // A stall intervention stalls an agreed commitment instead of this month's draw; in any other state it
    // does nothing and the month is drawn as usual.
    if (model.stallMonth[c] === m && s === AGREED)
      return this.fire(c, i, s, E_STALL, m, "stalled by an intervention", 0)
    const waiting = this.geometric && (s === DISCUSSED || s === PROPOSED || s === STALLED || s === AGREED)
    if (waiting && start < m && model.frozen[c * model.months + m] === 1) {
      // A frozen month does not count towards the wait: the due month moves one on.
      if (this.due[i] !== NEVER) this.due[i] = (this.due[i] as number) + 1
      return s
    }
    if (waiting && s !== AGREED && this.due[i] !== m) return s
    if (start < m && model.frozen[c * model.months + m] === 0) {
      const key = this.keys[i] as number
      const w = this.leaveHazard(c, s, r)
      if (waiting && s === AGREED) s = this.agreedMonth(c, i, s, m, r, key, w)
      else {
        // Monthly: u decides whether and which event. Geometric, at the due month: an event is certain and u
        // picks which, withdrawal with probability min(1, w) / min(1, w + hazard); u is mapped below w for it
        // and to w (below w + hazard) for the other, so `drawnEvent` serves both.
        const u = waiting ? this.whichEvent(c, i, s, r, key, w) : uniform(key, m, SLOT_TRANSITION)
        const next = this.drawnEvent(c, i, s, m, r, key, w, u, amount)
        if (next !== AGREED || s !== AGREED) return next
        s = next
      }
    }
    if (s === AGREED && model.implementedAtMonth[c] === m) s = this.completeNow(c, i, s, m)
    return s
  }

  /** The event a draw u picks (monthly draws, or a waiting state's due month): the state after it. */
  private drawnEvent(
    c: number,
    i: number,
    s: number,
    m: number,
    r: number,
    key: number,
    w: number,
    u: number,
    amount: number,
  ): number {
    if (u < w)
      return this.fire(c, i, s, E_WITHDRAW, m, s === DISCUSSED ? "dropped from the agenda" : undefined, 0)
    if (s === DISCUSSED) return u < w + this.stayHazard(c, s, r) ? this.propose(c, i, s, m, amount) : s
    if (s === PROPOSED) {
      if (!(u < w + this.stayHazard(c, s, r))) return s
      this.recordErosionAtAgreement(c, i)
      return this.fire(c, i, s, E_AGREE, m, undefined, 0)
    }
    if (s === STALLED)
      return u < w + this.stayHazard(c, s, r) ? this.fire(c, i, s, E_RESUME, m, undefined, 0) : s
    if (u < w + this.param(this.model.hazardStall[c] as number, r))
      return this.fire(c, i, s, E_STALL, m, undefined, 0)
    return this.deliver(c, i, s, m, r, key)
  }

  /** At a due month: -1 (below w) for a withdrawal, w (in [w, w + hazard)) for the state's own way out. */
  private whichEvent(c: number, i: number, s: number, r: number, key: number, w: number): number {
    const leave = Math.min(1, w)
    const p = Math.min(1, w + this.stayHazard(c, s, r))
    return this.whichDraw(i, key) * p < leave ? -1 : w
  }

  /** The uniform that picks a waiting state's event: keyed by the commitment's episode in the state. */
  private whichDraw(i: number, key: number): number {
    return uniform(key, this.episode[i] as number, SLOT_WHICH)
  }

  /** A month of delivery while agreed: a tranche around `deliver` × agreed (or the milestone, for non-monetary). */
  private deliver(c: number, i: number, s: number, m: number, r: number, key: number): number {
    const d = this.param(this.model.hazardDeliver[c] as number, r)
    const u2 = uniform(key, m, SLOT_DELIVERY)
    const ag = this.agreedAmount(c, i)
    if (ag > 0) {
      const tranche = trancheOf(ag, d, u2)
      if (completes(tranche, ag - (this.delivered[i] as number), ag)) return this.completeNow(c, i, s, m)
      this.delivered[i] = (this.delivered[i] as number) + tranche
      return this.fire(c, i, s, E_DELIVER, m, undefined, tranche)
    }
    return u2 < d ? this.fire(c, i, s, E_COMPLETE, m, undefined, 0) : s
  }

  /** State index of commitment c in run r (-1 before it enters), after the last `advance()`; for conditioning. */
  stateOf(r: number, c: number): number {
    return this.state[c * this.runCount + r] as number
  }

  /** USD m delivered of commitment c in run r, after the last `advance()`; for conditioning. */
  deliveredOf(r: number, c: number): number {
    return this.delivered[c * this.runCount + r] as number
  }

  /** Runs ending the horizon in each state: counts[c * STATE_COUNT + state]. */
  finalStateCounts(): Int32Array {
    const C = this.model.commitmentCount
    const R = this.runCount
    const counts = new Int32Array(C * STATE_COUNT)
    for (let c = 0; c < C; c++) {
      for (let r = 0; r < R; r++) {
        const s = this.state[c * R + r] as number
        if (s >= 0) counts[c * STATE_COUNT + s] = (counts[c * STATE_COUNT + s] as number) + 1
      }
    }
    return counts
  }

  /** A sanctions package remembers the run's erosion factor when it was agreed. */
  private recordErosionAtAgreement(c: number, i: number): void {
    const slot = this.sanctionsSlot[c] as number
    if (slot < 0) return
    const r = i - c * this.runCount
    this.erosionAtAgreement[slot * this.runCount + r] = this.erosion[r] as number
  }

  /** Adds to running total t of the run of commitment c's slot i = c * runCount + run. */
  private addTotal(t: number, c: number, i: number, amount: number): void {
    const at = t * this.runCount + i - c * this.runCount
    this.totals[at] = (this.totals[at] as number) + amount
    this.touched[t] = 1
  }

  /** A tranche of commitment c in run r: disbursed, new money when it is new, and its sector's. */
  private addDisbursed(c: number, r: number, tranche: number): void {
    const R = this.runCount
    const { totals, touched } = this
    totals[T_DISBURSED * R + r] = (totals[T_DISBURSED * R + r] as number) + tranche
    touched[T_DISBURSED] = 1
    if (this.model.isNew[c] === 1) {
      totals[T_NEW_DISBURSED * R + r] = (totals[T_NEW_DISBURSED * R + r] as number) + tranche
      touched[T_NEW_DISBURSED] = 1
    }
    const sc = this.model.sector[c] as number
    if (sc >= 0) {
      totals[(T_SECTORS + sc) * R + r] = (totals[(T_SECTORS + sc) * R + r] as number) + tranche
      touched[T_SECTORS + sc] = 1
    }
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
    this.addTotal(T_PLEDGED, c, i, amount)
    if (this.model.isNew[c] === 1) this.addTotal(T_NEW_PLEDGED, c, i, amount)
  }

  /** Delivers whatever remains and completes (a scheduled milestone or the last tranche). */
  private completeNow(c: number, i: number, s: number, m: number): number {
    const remaining = this.agreedAmount(c, i) - (this.delivered[i] as number)
    if (remaining > 0) {
      this.delivered[i] = this.agreedAmount(c, i)
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
    if (e === E_AGREE) {
      this.addTotal(T_AGREED, c, i, this.agreedAmount(c, i))
      // A sanctions package is adopted when it reaches agreed (once: a stalled package resumes, it is not re-adopted).
      if (this.model.isSanctions[c] === 1) this.addTotal(T_PACKAGES, c, i, 1)
    } else if (e === E_DELIVER) {
      this.addDisbursed(c, i - c * this.runCount, tranche)
    } else if (e === E_COMPLETE) {
      this.addTotal(T_IMPLEMENTED, c, i, 1)
    }
    if (this.recorder !== null) this.record(c, i, e, m, reason, tranche)
    return next
  }

  private record(
    c: number,
    i: number,
    e: number,
    m: number,
    reason: string | undefined,
    tranche: number,
  ): void {
    const rec = this.recorder
    if (rec === null) return
    const commitment = this.id(c)
    const v = 1 as const
    if (e === E_PROPOSE)
      rec.push({ _tag: "CommitmentProposed", v, month: m, commitment, amountUsdM: tranche })
    else if (e === E_AGREE)
      rec.push({ _tag: "CommitmentAgreed", v, month: m, commitment, amountUsdM: this.agreedAmount(c, i) })
    else if (e === E_DELIVER)
      rec.push({ _tag: "CommitmentProgressed", v, month: m, commitment, deliveredUsdM: tranche })
    else if (e === E_COMPLETE) rec.push({ _tag: "CommitmentImplemented", v, month: m, commitment })
    else if (e === E_STALL)
      rec.push({ _tag: "CommitmentStalled", v, month: m, commitment, ...(reason ? { reason } : {}) })
    else if (e === E_RESUME) rec.push({ _tag: "CommitmentResumed", v, month: m, commitment })
    else rec.push({ _tag: "CommitmentWithdrawn", v, month: m, commitment, ...(reason ? { reason } : {}) })
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

/** to[toAt + run] = from[fromAt + run] for every run (a running total copied into its indicator's column). */
const copyRow = (
  from: Float64Array | Int32Array,
  fromAt: number,
  to: Float32Array,
  toAt: number,
  R: number,
): void => {
  for (let r = 0; r < R; r++) to[toAt + r] = from[fromAt + r] as number
}

/** to[toAt + run] = totals[totalAt + run] / params[perAt + run]: sector money in units of the run's unit cost. */
const divideRow = (
  totals: Float64Array,
  totalAt: number,
  params: Float32Array,
  perAt: number,
  to: Float32Array,
  toAt: number,
  R: number,
): void => {
  for (let r = 0; r < R; r++) to[toAt + r] = (totals[totalAt + r] as number) / (params[perAt + r] as number)
}

/** Each run's key (every stream of the run derives from it). */
const runKeysOf = (seed: number, fromRun: number, runs: number): Uint32Array => {
  const keys = new Uint32Array(runs)
  for (let r = 0; r < runs; r++) keys[r] = runKey(seed, fromRun + r)
  return keys
}

/** Each commitment's stream key in each run, keys[c * runs + run]. */
const streamKeys = (streams: Uint32Array, runKeys: Uint32Array, keys: Uint32Array): void => {
  const R = runKeys.length
  for (let c = 0; c < streams.length; c++) {
    const salt = streamSalt(streams[c] as number)
    for (let r = 0; r < R; r++) keys[c * R + r] = saltedStreamKey(runKeys[r] as number, salt)
  }
}

/** Given parameters (runs × parameters, run-major) into params[k * runs + run]. */
const transpose = (parameters: Float64Array, R: number, P: number, params: Float32Array): void => {
  for (let k = 0; k < P; k++) for (let r = 0; r < R; r++) params[k * R + r] = parameters[r * P + k] as number
}

/**
 * Parameter uncertainty: one uniform per (run, parameter), mapped through the parameter's triangular range,
 * into params[k * runs + run] (a parameter's draws across runs, one loop each).
 */
const drawParameters = (model: CompiledModel, runKeys: Uint32Array, params: Float32Array): void => {
  const R = runKeys.length
  for (let k = 0; k < model.parameterCount; k++) {
    const salt = streamSalt(model.parameterStream[k] as number)
    const low = model.low[k] as number
    const mode = model.mode[k] as number
    const high = model.high[k] as number
    const at = k * R
    const width = high - low
    if (width <= 0) {
      params.fill(low, at, at + R)
      continue
    }
    drawRange(runKeys, salt, low, mode, high, params, at)
  }
}

/**
 * One parameter's draws across runs into params[at + run], the range's terms computed once. A function of its
 * own, called once per parameter: a loop run once per simulation was compiled while it ran (on-stack
 * replacement) in every simulation, and ran unoptimized, boxing every draw, until it was.
 */
const drawRange = (
  runKeys: Uint32Array,
  salt: number,
  low: number,
  mode: number,
  high: number,
  params: Float32Array,
  at: number,
): void => {
  const R = runKeys.length
  const width = high - low
  const split = (mode - low) / width
  const below = mode - low
  const above = high - mode
  for (let r = 0; r < R; r++) {
    const u = uniform(saltedStreamKey(runKeys[r] as number, salt), 0, 0)
    params[at + r] = triangularOfTerms(u, low, high, width, split, below, above)
  }
}
