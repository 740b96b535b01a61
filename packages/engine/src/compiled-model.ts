import {
  type CommitmentKind,
  type Intervention,
  type Pack,
  type ScenarioSpec,
  type Sector,
  sectorLabels,
  sectors,
  stateIndex,
  type ValidationIssue,
} from "@accord/domain"
import { canonicalJson } from "./canonical-json.js"
import { PackIncomplete, SpecDoesNotFitPack } from "./engine-errors.js"
import {
  evasionAddedAt,
  INDICATOR_IDS,
  MAX_MONTHLY_EVASION,
  MODEL_PARAMETER_IDS,
  type ModelParameter,
  mwDestroyedBy,
  sanctionsParameterIds,
} from "./indicator-formulas.js"
import { streamId } from "./random-stream.js"

/** A commitment the model runs: one of the pack's, or one an intervention created. */
export interface ModelCommitment {
  readonly id: string
  readonly title: string
  readonly kind: CommitmentKind
  readonly sector: Sector | undefined
  /** Index of the intervention that created it, or -1 for the pack's own commitments. */
  readonly intervention: number
  /** Made at or after the visit (not predating it): its money counts in funds.new_*. Interventions are new. */
  readonly isNew: boolean
}

/**
 * A pack and a spec compiled to flat arrays for the hot loop: per-parameter
 * ranges (user overrides applied) and per-commitment indices into them.
 */
export interface CompiledModel {
  readonly pack: Pack
  readonly spec: ScenarioSpec
  readonly seed: number
  readonly runs: number
  readonly horizon: number
  /** horizon + 1: months 0..horizon. */
  readonly months: number
  readonly parameterIds: ReadonlyArray<string>
  readonly parameterCount: number
  readonly low: Float64Array
  readonly mode: Float64Array
  readonly high: Float64Array
  readonly parameterStream: Uint32Array
  readonly modelParameter: Readonly<Record<ModelParameter, number>>
  readonly commitments: ReadonlyArray<ModelCommitment>
  readonly commitmentCount: number
  readonly hazardPropose: Int32Array
  readonly hazardDrop: Int32Array
  readonly hazardAgree: Int32Array
  readonly hazardDeliver: Int32Array
  readonly hazardStall: Int32Array
  readonly hazardResume: Int32Array
  readonly hazardWithdraw: Int32Array
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
  readonly withdrawMonth: Int32Array
  /** Month a stall intervention stalls commitment c (if agreed then), or -1. */
  readonly stallMonth: Int32Array
  /** frozen[c * months + m] = 1 while a delay holds commitment c in month m. */
  readonly frozen: Uint8Array
  readonly stream: Uint32Array
  readonly sanctionsList: Int32Array
  readonly consultationList: Int32Array
  /** MW destroyed by grid strikes by each month (cumulative); null when the spec has none. */
  readonly mwDestroyed: Float64Array | null
  /** Interventions by month, for trajectory events. */
  readonly interventionsAt: ReadonlyArray<ReadonlyArray<number>>
  /** Commitment each intervention created or acts on, or -1 (sanctions evasion acts on no commitment). */
  readonly interventionTarget: Int32Array
  /** What sanctions-evasion interventions add to the monthly evasion rate, by month; null when the spec has none. */
  readonly evasionAdded: Float64Array | null
  /** Ceiling of the monthly evasion rate with counter-measures: the parameter's admissible maximum, at most 0.5. */
  readonly evasionCap: number
}

const KIND_OF_AID = { grant: "financial-aid", "in-kind": "financial-aid", loan: "loan" } as const

const interventionMonth = (i: Intervention): number => (i.type === "delay" ? (i.month ?? 0) : i.month)

/** Interventions that act on one of the pack's commitments (by id). */
const actsOnCommitment = (
  i: Intervention,
): i is Extract<Intervention, { type: "delay" | "withdraw" | "stall" }> =>
  i.type === "delay" || i.type === "withdraw" || i.type === "stall"

const interventionTitle = (i: Intervention, index: number): string => {
  if ((i.type === "sanctions-package" || i.type === "aid-package") && i.label !== undefined) return i.label
  switch (i.type) {
    case "sanctions-package":
      // Titles are read by a class: percentages as the builder shows them, sectors by name.
      return `Sanctions package (change ${index + 1}: month ${i.month}, covers ${Math.round(i.coverage * 100)} %, enforced ${Math.round(i.enforcement * 100)} %)`
    case "aid-package":
      return `Aid package: USD ${i.amountUsdM} m ${i.form === "in-kind" ? "in kind" : i.form} for ${sectorLabels[i.sector].toLowerCase()} (change ${index + 1}, month ${i.month})`
    default:
      return `Intervention ${index + 1}`
  }
}

/** Stream name of an intervention: its content without its label, numbered among identical ones. */
const interventionStreamName = (i: Intervention, occurrence: number): string => {
  const { label: _label, ...content } = i as Intervention & { label?: string }
  return `intervention:${canonicalJson(content)}#${occurrence}`
}

/**
 * Compiles a pack and a decoded spec; throws SpecDoesNotFitPack or PackIncomplete. `streams`, a spec with
 * the same interventions up to their numbers, names the interventions' random streams: sensitivity analysis
 * and goal seeking move one field of an intervention under common random numbers.
 */
export const compileModel = (pack: Pack, spec: ScenarioSpec, streams: ScenarioSpec = spec): CompiledModel => {
  const specIssues: Array<ValidationIssue> = []
  if (spec.pack !== pack.id)
    specIssues.push({ path: "pack", message: `spec is for '${spec.pack}', not '${pack.id}'` })
  const horizon = spec.horizonMonths
  const months = horizon + 1
  const packIds = pack.commitments.map((c) => c.id as string)
  spec.interventions.forEach((i, n) => {
    if (interventionMonth(i) > horizon) {
      specIssues.push({ path: `interventions.${n}.month`, message: `month is past the horizon (${horizon})` })
    }
    if (actsOnCommitment(i) && !packIds.includes(i.commitment)) {
      specIssues.push({
        path: `interventions.${n}.commitment`,
        message: `unknown commitment '${i.commitment}'`,
      })
    }
  })
  const parameterIds = pack.parameters.map((p) => p.id as string)
  for (const id of Object.keys(spec.assumptions ?? {})) {
    if (!parameterIds.includes(id))
      specIssues.push({ path: `assumptions.${id}`, message: `unknown assumption '${id}'` })
  }
  if (specIssues.length > 0) {
    throw new SpecDoesNotFitPack({ message: `the spec does not fit pack '${pack.id}'`, issues: specIssues })
  }

  const packIssues: Array<ValidationIssue> = []
  const param = (id: string, path: string): number => {
    const k = parameterIds.indexOf(id)
    if (k < 0) packIssues.push({ path, message: `the model needs parameter '${id}'` })
    return k
  }
  const P = parameterIds.length
  const low = new Float64Array(P)
  const mode = new Float64Array(P)
  const high = new Float64Array(P)
  const parameterStream = new Uint32Array(P)
  pack.parameters.forEach((p, k) => {
    const override = spec.assumptions?.[p.id]
    const range =
      override === undefined
        ? p
        : typeof override === "number"
          ? { low: override, mode: override, high: override }
          : override
    low[k] = range.low
    mode[k] = range.mode
    high[k] = range.high
    parameterStream[k] = streamId(`parameter:${p.id}`)
  })
  const need = (name: ModelParameter) => param(MODEL_PARAMETER_IDS[name], `parameters (${name})`)
  // A literal with fixed keys (not Object.fromEntries): the hot loop reads it as a fast-mode object.
  const modelParameter: Record<ModelParameter, number> = {
    existingStrength: need("existingStrength"),
    evasionRate: need("evasionRate"),
    saturation: need("saturation"),
    consultationInterval: need("consultationInterval"),
    costPerMw: need("costPerMw"),
    energyIdleShare: need("energyIdleShare"),
    costPerFacility: need("costPerFacility"),
    costPerSme: need("costPerSme"),
    costPerKm2: need("costPerKm2"),
  }
  for (const indicator of pack.indicators) {
    if (!(INDICATOR_IDS as ReadonlyArray<string>).includes(indicator.id)) {
      packIssues.push({
        path: `indicators.${indicator.id}`,
        message: "the engine has no formula for this indicator",
      })
    }
  }

  // The pack's commitments first, then one per sanctions or aid intervention, in spec order.
  const commitments: Array<ModelCommitment> = pack.commitments.map((c) => ({
    id: c.id,
    title: c.title,
    kind: c.kind,
    sector: c.sector,
    intervention: -1,
    isNew: !c.source.predatesVisit,
  }))
  spec.interventions.forEach((i, n) => {
    if (i.type === "sanctions-package") {
      commitments.push({
        id: `intervention-${n + 1}-sanctions`,
        title: interventionTitle(i, n),
        kind: "sanctions-package",
        sector: undefined,
        intervention: n,
        isNew: true,
      })
    } else if (i.type === "aid-package") {
      commitments.push({
        id: `intervention-${n + 1}-aid-${i.sector}`,
        title: interventionTitle(i, n),
        kind: KIND_OF_AID[i.form],
        sector: i.sector,
        intervention: n,
        isNew: true,
      })
    }
  })
  const C = commitments.length
  const hazardPropose = new Int32Array(C)
  const hazardDrop = new Int32Array(C)
  const hazardAgree = new Int32Array(C)
  const hazardDeliver = new Int32Array(C)
  const hazardStall = new Int32Array(C)
  const hazardResume = new Int32Array(C)
  const hazardWithdraw = new Int32Array(C)
  const amountParameter = new Int32Array(C).fill(-1)
  const fixedAmount = new Float64Array(C)
  const sector = new Int8Array(C).fill(-1)
  const isSanctions = new Uint8Array(C)
  const isNew = Uint8Array.from(commitments, (mc) => (mc.isNew ? 1 : 0))
  const coverageParameter = new Int32Array(C).fill(-1)
  const enforcementParameter = new Int32Array(C).fill(-1)
  const fixedStrength = new Float64Array(C)
  const holdsConsultations = new Uint8Array(C)
  const startMonth = new Int32Array(C)
  const initialState = new Int8Array(C)
  const implementedAtMonth = new Int32Array(C).fill(-1)
  const withdrawMonth = new Int32Array(C).fill(-1)
  const stallMonth = new Int32Array(C).fill(-1)
  const frozen = new Uint8Array(C * months)
  const stream = new Uint32Array(C)
  const interventionTarget = new Int32Array(spec.interventions.length).fill(-1)
  const occurrences = new Map<string, number>()

  commitments.forEach((mc, c) => {
    const hazards = pack.hazards.find((h) => h.kind === mc.kind)
    if (hazards === undefined) {
      packIssues.push({ path: "hazards", message: `no hazards for kind '${mc.kind}'` })
    } else {
      hazardPropose[c] = param(hazards.propose, `hazards.${mc.kind}.propose`)
      hazardDrop[c] = param(hazards.drop, `hazards.${mc.kind}.drop`)
      hazardAgree[c] = param(hazards.agree, `hazards.${mc.kind}.agree`)
      hazardDeliver[c] = param(hazards.deliver, `hazards.${mc.kind}.deliver`)
      hazardStall[c] = param(hazards.stall, `hazards.${mc.kind}.stall`)
      hazardResume[c] = param(hazards.resume, `hazards.${mc.kind}.resume`)
      hazardWithdraw[c] = param(hazards.withdraw, `hazards.${mc.kind}.withdraw`)
    }
    sector[c] = mc.sector === undefined ? -1 : sectors.indexOf(mc.sector)
    isSanctions[c] = mc.kind === "sanctions-package" ? 1 : 0
    holdsConsultations[c] = mc.kind === "defense-mechanism" ? 1 : 0
    if (mc.intervention < 0) {
      const source = pack.commitments[c]
      if (source === undefined) return
      if (source.amount !== undefined)
        amountParameter[c] = param(source.amount.parameter, `commitments.${c}.amount`)
      if (isSanctions[c] === 1) {
        const ids = sanctionsParameterIds(source.id)
        coverageParameter[c] = param(ids.coverage, `commitments.${c} (coverage)`)
        enforcementParameter[c] = param(ids.enforcement, `commitments.${c} (enforcement)`)
      }
      initialState[c] = stateIndex(source.initialState)
      implementedAtMonth[c] = source.implementedAtMonth ?? -1
      stream[c] = streamId(`commitment:${source.id}`)
    } else {
      const i = spec.interventions[mc.intervention] as Intervention
      const named = (streams.interventions[mc.intervention] ?? i) as Intervention
      const name = canonicalJson({ ...named, label: undefined })
      const occurrence = occurrences.get(name) ?? 0
      occurrences.set(name, occurrence + 1)
      stream[c] = streamId(interventionStreamName(named, occurrence))
      startMonth[c] = interventionMonth(i)
      // A package enters proposed (agreement drawn later) or, when the spec says so, agreed at its month.
      const entersAs = i.type === "aid-package" || i.type === "sanctions-package" ? i.initialState : undefined
      initialState[c] = stateIndex(entersAs ?? "proposed")
      if (i.type === "aid-package") {
        fixedAmount[c] = i.amountUsdM
        implementedAtMonth[c] = i.implementedAtMonth ?? -1
      }
      if (i.type === "sanctions-package") fixedStrength[c] = i.coverage * i.enforcement
      interventionTarget[mc.intervention] = c
    }
  })
  spec.interventions.forEach((i, n) => {
    if (!actsOnCommitment(i)) return
    const c = packIds.indexOf(i.commitment)
    interventionTarget[n] = c
    if (i.type === "withdraw") {
      withdrawMonth[c] = withdrawMonth[c] < 0 ? i.month : Math.min(withdrawMonth[c] as number, i.month)
    } else if (i.type === "stall") {
      stallMonth[c] = stallMonth[c] < 0 ? i.month : Math.min(stallMonth[c] as number, i.month)
    } else {
      const from = i.month ?? 0
      for (let m = from; m < Math.min(months, from + i.months); m++) frozen[c * months + m] = 1
    }
  })
  if (packIssues.length > 0) {
    throw new PackIncomplete({
      pack: pack.id,
      message: `pack '${pack.id}' lacks what the model needs`,
      issues: packIssues,
    })
  }
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
  const indicesWhere = (flags: Uint8Array) =>
    Int32Array.from(Array.from(flags).flatMap((f, c) => (f === 1 ? [c] : [])))
  return {
    pack,
    spec,
    seed: spec.seed,
    runs: spec.runs,
    horizon,
    months,
    parameterIds,
    parameterCount: P,
    low,
    mode,
    high,
    parameterStream,
    modelParameter,
    commitments,
    commitmentCount: C,
    hazardPropose,
    hazardDrop,
    hazardAgree,
    hazardDeliver,
    hazardStall,
    hazardResume,
    hazardWithdraw,
    amountParameter,
    fixedAmount,
    sector,
    isSanctions,
    isNew,
    coverageParameter,
    enforcementParameter,
    fixedStrength,
    holdsConsultations,
    startMonth,
    initialState,
    implementedAtMonth,
    withdrawMonth,
    stallMonth,
    frozen,
    stream,
    sanctionsList: indicesWhere(isSanctions),
    consultationList: indicesWhere(holdsConsultations),
    mwDestroyed,
    interventionsAt,
    interventionTarget,
    evasionAdded,
    evasionCap,
  }
}
