import type { Pack, ScenarioSpec, ValidationIssue } from "@accord/domain"
import { type CommitmentArrays, compileCommitments } from "./commitment-arrays.js"
import { PackIncomplete } from "./engine-errors.js"
import {
  type CommitmentSchedule,
  type MonthlySchedule,
  scheduleByMonth,
  scheduleCommitmentInterventions,
} from "./intervention-schedule.js"
import { type ModelCommitment, modelCommitments } from "./model-commitments.js"
import { checkSpecFitsPack } from "./model-fit.js"
import {
  compileParameters,
  indicatorIssues,
  type ParameterRanges,
  parameterIndex,
} from "./model-parameters.js"

export type { ModelCommitment } from "./model-commitments.js"

/**
 * A pack and a spec compiled to flat arrays for the hot loop: per-parameter
 * ranges (user overrides applied) and per-commitment indices into them.
 */
export interface CompiledModel
  extends ParameterRanges,
    Omit<CommitmentArrays, "hazard">,
    CommitmentSchedule,
    MonthlySchedule {
  readonly pack: Pack
  readonly spec: ScenarioSpec
  readonly seed: number
  readonly runs: number
  readonly horizon: number
  /** horizon + 1: months 0..horizon. */
  readonly months: number
  readonly parameterIds: ReadonlyArray<string>
  readonly parameterCount: number
  readonly commitments: ReadonlyArray<ModelCommitment>
  readonly commitmentCount: number
  readonly hazardPropose: Int32Array
  readonly hazardDrop: Int32Array
  readonly hazardAgree: Int32Array
  readonly hazardDeliver: Int32Array
  readonly hazardStall: Int32Array
  readonly hazardResume: Int32Array
  readonly hazardWithdraw: Int32Array
  /** 1 when the commitment has an amount (a parameter, or a fixed amount above 0): it delivers in tranches. */
  readonly monetary: Uint8Array
  readonly sanctionsList: Int32Array
  readonly consultationList: Int32Array
  /** Commitment each intervention created or acts on, or -1 (sanctions evasion acts on no commitment). */
  readonly interventionTarget: Int32Array
}

/** Packs lacking what the model needs throw PackIncomplete with every issue. */
const throwIfIncomplete = (pack: Pack, issues: ReadonlyArray<ValidationIssue>): void => {
  if (issues.length === 0) return
  throw new PackIncomplete({ pack: pack.id, message: `pack '${pack.id}' lacks what the model needs`, issues })
}

const indicesWhere = (flags: Uint8Array) =>
  Int32Array.from(Array.from(flags).flatMap((f, c) => (f === 1 ? [c] : [])))

/**
 * Compiles a pack and a decoded spec; throws SpecDoesNotFitPack or PackIncomplete. `streams`, a spec with
 * the same interventions up to their numbers, names the interventions' random streams: sensitivity analysis
 * and goal seeking move one field of an intervention under common random numbers.
 */
export const compileModel = (pack: Pack, spec: ScenarioSpec, streams: ScenarioSpec = spec): CompiledModel => {
  checkSpecFitsPack(pack, spec)
  const months = spec.horizonMonths + 1
  const parameterIds = pack.parameters.map((p) => p.id as string)
  const packIssues: Array<ValidationIssue> = []
  const param = parameterIndex(parameterIds, packIssues)
  const parameters = compileParameters(pack, spec, param)
  packIssues.push(...indicatorIssues(pack))
  const commitments = modelCommitments(pack, spec)
  const interventionTarget = new Int32Array(spec.interventions.length).fill(-1)
  const a = compileCommitments(pack, spec, streams, commitments, param, packIssues, interventionTarget)
  const acts = scheduleCommitmentInterventions(pack, spec, commitments.length, months, interventionTarget)
  throwIfIncomplete(pack, packIssues)
  const byMonth = scheduleByMonth(pack, spec, months)
  // One literal with every field in a fixed order: the hot loop reads a single object shape.
  return {
    pack,
    spec,
    seed: spec.seed,
    runs: spec.runs,
    horizon: spec.horizonMonths,
    months,
    parameterIds,
    parameterCount: parameterIds.length,
    low: parameters.low,
    mode: parameters.mode,
    high: parameters.high,
    parameterStream: parameters.parameterStream,
    modelParameter: parameters.modelParameter,
    commitments,
    commitmentCount: commitments.length,
    hazardPropose: a.hazard.propose,
    hazardDrop: a.hazard.drop,
    hazardAgree: a.hazard.agree,
    hazardDeliver: a.hazard.deliver,
    hazardStall: a.hazard.stall,
    hazardResume: a.hazard.resume,
    hazardWithdraw: a.hazard.withdraw,
    amountParameter: a.amountParameter,
    fixedAmount: a.fixedAmount,
    monetary: Uint8Array.from(a.amountParameter, (ap, c) =>
      ap >= 0 || (a.fixedAmount[c] as number) > 0 ? 1 : 0,
    ),
    sector: a.sector,
    isSanctions: a.isSanctions,
    isNew: a.isNew,
    coverageParameter: a.coverageParameter,
    enforcementParameter: a.enforcementParameter,
    fixedStrength: a.fixedStrength,
    holdsConsultations: a.holdsConsultations,
    startMonth: a.startMonth,
    initialState: a.initialState,
    implementedAtMonth: a.implementedAtMonth,
    withdrawMonth: acts.withdrawMonth,
    stallMonth: acts.stallMonth,
    frozen: acts.frozen,
    stream: a.stream,
    sanctionsList: indicesWhere(a.isSanctions),
    consultationList: indicesWhere(a.holdsConsultations),
    mwDestroyed: byMonth.mwDestroyed,
    interventionsAt: byMonth.interventionsAt,
    interventionTarget,
    evasionAdded: byMonth.evasionAdded,
    evasionCap: byMonth.evasionCap,
  }
}
