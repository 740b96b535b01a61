import {
  type Commitment,
  type Intervention,
  interventionMonth,
  type Pack,
  type ScenarioSpec,
  sectors,
  stateIndex,
  type ValidationIssue,
} from "@accord/domain"
import { canonicalJson } from "./canonical-json.js"
import { sanctionsParameterIds } from "./indicator-formulas.js"
import type { ModelCommitment } from "./model-commitments.js"
import type { ParameterIndex } from "./model-parameters.js"
import { streamId } from "./random-stream.js"

const HAZARDS = ["propose", "drop", "agree", "deliver", "stall", "resume", "withdraw"] as const
type Hazard = (typeof HAZARDS)[number]

/** Per-commitment arrays for the hot loop: hazards and amounts as parameter indices, fixed values, states. */
export interface CommitmentArrays {
  readonly hazard: Readonly<Record<Hazard, Int32Array>>
  /** Parameter holding the pledged amount, or -1 (then `fixedAmount`, 0 for non-monetary). */
  readonly amountParameter: Int32Array
  readonly fixedAmount: Float64Array
  /** Index into `sectors`, or -1. */
  readonly sector: Int8Array
  readonly isSanctions: Uint8Array
  /** 1 when the commitment's money counts in funds.new_* (see ModelCommitment.isNew). */
  readonly isNew: Uint8Array
  readonly coverageParameter: Int32Array
  readonly enforcementParameter: Int32Array
  /** coverage × enforcement of intervention packages (pack packages draw theirs). */
  readonly fixedStrength: Float64Array
  readonly holdsConsultations: Uint8Array
  readonly startMonth: Int32Array
  readonly initialState: Int8Array
  readonly implementedAtMonth: Int32Array
  readonly stream: Uint32Array
}

const allocate = (commitments: ReadonlyArray<ModelCommitment>): CommitmentArrays => {
  const C = commitments.length
  return {
    hazard: {
      propose: new Int32Array(C),
      drop: new Int32Array(C),
      agree: new Int32Array(C),
      deliver: new Int32Array(C),
      stall: new Int32Array(C),
      resume: new Int32Array(C),
      withdraw: new Int32Array(C),
    },
    amountParameter: new Int32Array(C).fill(-1),
    fixedAmount: new Float64Array(C),
    sector: Int8Array.from(commitments, (mc) => (mc.sector === undefined ? -1 : sectors.indexOf(mc.sector))),
    isSanctions: Uint8Array.from(commitments, (mc) => (mc.kind === "sanctions-package" ? 1 : 0)),
    isNew: Uint8Array.from(commitments, (mc) => (mc.isNew ? 1 : 0)),
    coverageParameter: new Int32Array(C).fill(-1),
    enforcementParameter: new Int32Array(C).fill(-1),
    fixedStrength: new Float64Array(C),
    holdsConsultations: Uint8Array.from(commitments, (mc) => (mc.kind === "defense-mechanism" ? 1 : 0)),
    startMonth: new Int32Array(C),
    initialState: new Int8Array(C),
    implementedAtMonth: new Int32Array(C).fill(-1),
    stream: new Uint32Array(C),
  }
}

/** A pack commitment's parameters, state at the visit and random stream. */
const fillPackCommitment = (a: CommitmentArrays, c: number, source: Commitment, param: ParameterIndex) => {
  if (source.amount !== undefined)
    a.amountParameter[c] = param(source.amount.parameter, `commitments.${c}.amount`)
  if (a.isSanctions[c] === 1) {
    const ids = sanctionsParameterIds(source.id)
    a.coverageParameter[c] = param(ids.coverage, `commitments.${c} (coverage)`)
    a.enforcementParameter[c] = param(ids.enforcement, `commitments.${c} (enforcement)`)
  }
  a.initialState[c] = stateIndex(source.initialState)
  a.implementedAtMonth[c] = source.implementedAtMonth ?? -1
  a.stream[c] = streamId(`commitment:${source.id}`)
}

/**
 * An intervention's commitment: its month, fixed amount or strength, and a random stream named by its
 * content in `named` without its label, numbered among identical ones.
 */
const fillInterventionCommitment = (
  a: CommitmentArrays,
  c: number,
  i: Intervention,
  named: Intervention,
  occurrences: Map<string, number>,
) => {
  const name = canonicalJson({ ...named, label: undefined })
  const occurrence = occurrences.get(name) ?? 0
  occurrences.set(name, occurrence + 1)
  const { label: _label, ...content } = named as Intervention & { label?: string }
  a.stream[c] = streamId(`intervention:${canonicalJson(content)}#${occurrence}`)
  a.startMonth[c] = interventionMonth(i)
  // A package enters proposed (agreement drawn later) or, when the spec says so, agreed at its month.
  const entersAs = i.type === "aid-package" || i.type === "sanctions-package" ? i.initialState : undefined
  a.initialState[c] = stateIndex(entersAs ?? "proposed")
  if (i.type === "aid-package") {
    a.fixedAmount[c] = i.amountUsdM
    a.implementedAtMonth[c] = i.implementedAtMonth ?? -1
  }
  if (i.type === "sanctions-package") a.fixedStrength[c] = i.coverage * i.enforcement
}

/**
 * The per-commitment arrays, and in `interventionTarget` the commitment each package intervention created.
 * Missing parameters and hazards go to `issues`.
 */
export const compileCommitments = (
  pack: Pack,
  spec: ScenarioSpec,
  streams: ScenarioSpec,
  commitments: ReadonlyArray<ModelCommitment>,
  param: ParameterIndex,
  issues: Array<ValidationIssue>,
  interventionTarget: Int32Array,
): CommitmentArrays => {
  const a = allocate(commitments)
  const occurrences = new Map<string, number>()
  commitments.forEach((mc, c) => {
    const hazards = pack.hazards.find((h) => h.kind === mc.kind)
    if (hazards === undefined) issues.push({ path: "hazards", message: `no hazards for kind '${mc.kind}'` })
    else for (const h of HAZARDS) a.hazard[h][c] = param(hazards[h], `hazards.${mc.kind}.${h}`)
    if (mc.intervention < 0) {
      const source = pack.commitments[c]
      if (source !== undefined) fillPackCommitment(a, c, source, param)
    } else {
      const i = spec.interventions[mc.intervention] as Intervention
      const named = (streams.interventions[mc.intervention] ?? i) as Intervention
      fillInterventionCommitment(a, c, i, named, occurrences)
      interventionTarget[mc.intervention] = c
    }
  })
  return a
}
