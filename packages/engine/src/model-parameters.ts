import type { Pack, ScenarioSpec, ValidationIssue } from "@accord/domain"
import { INDICATOR_IDS, MODEL_PARAMETER_IDS, type ModelParameter } from "./indicator-formulas.js"
import { streamId } from "./random-stream.js"

/** The index of a pack parameter, or -1 with an issue at `path` saying the model needs it. */
export type ParameterIndex = (id: string, path: string) => number

export const parameterIndex =
  (parameterIds: ReadonlyArray<string>, issues: Array<ValidationIssue>): ParameterIndex =>
  (id, path) => {
    const k = parameterIds.indexOf(id)
    if (k < 0) issues.push({ path, message: `the model needs parameter '${id}'` })
    return k
  }

/** The pack's parameters as flat ranges, the spec's assumptions applied, and the model's own parameters. */
export interface ParameterRanges {
  readonly low: Float64Array
  readonly mode: Float64Array
  readonly high: Float64Array
  readonly parameterStream: Uint32Array
  readonly modelParameter: Readonly<Record<ModelParameter, number>>
}

export const compileParameters = (pack: Pack, spec: ScenarioSpec, param: ParameterIndex): ParameterRanges => {
  const P = pack.parameters.length
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
  return { low, mode, high, parameterStream, modelParameter }
}

/** An issue for each of the pack's indicators the engine has no formula for. */
export const indicatorIssues = (pack: Pack): ReadonlyArray<ValidationIssue> =>
  pack.indicators
    .filter((indicator) => !(INDICATOR_IDS as ReadonlyArray<string>).includes(indicator.id))
    .map((indicator) => ({
      path: `indicators.${indicator.id}`,
      message: "the engine has no formula for this indicator",
    }))
