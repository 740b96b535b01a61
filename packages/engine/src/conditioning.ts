import {
  type Confidence,
  lifecyclePosition,
  lifecycleStates,
  monthOfDate,
  type Observation,
} from "@accord/domain"
import type { CompiledModel } from "./compiled-model.js"
import { INDICATOR_IDS } from "./indicator-formulas.js"
import type { TrajectoryKernel } from "./trajectory-kernel.js"

/**
 * How far an observed amount may be from a run's value before the run loses weight: the standard deviation
 * of a normal likelihood, relative to the observed value (at least 1 unit), by the observation's confidence.
 * Assumptions (docs/model.md, "Conditioning on observations"): an official figure (H) is taken as within
 * about 10 %, one outlet's (M) 25 %, a weak or absent one (L) 50 %.
 */
export const RELATIVE_SD: Readonly<Record<Confidence, number>> = { H: 0.1, M: 0.25, L: 0.5 }

/**
 * The factor a run's weight takes for each step its commitment's lifecycle position is away from an observed
 * state (assumption: an H source is rarely wrong about a state, an L one often).
 */
export const STATE_MISMATCH: Readonly<Record<Confidence, number>> = { H: 0.05, M: 0.2, L: 0.5 }

/** Below this share of runs, the effective sample size earns a warning in the report. */
export const LOW_EFFECTIVE_SHARE = 0.1

/** One observation the model can compare runs with, compiled to array indices. */
interface CompiledObservation {
  readonly month: number
  /** Index into INDICATOR_IDS, or -1 for a commitment. */
  readonly indicator: number
  /** Index into model.commitments, or -1 for an indicator. */
  readonly commitment: number
  readonly value: number | undefined
  readonly sd: number
  readonly statePosition: number | undefined
  readonly logMismatch: number
}

/** An observation the conditioning left out, and why. */
export interface IgnoredObservation {
  readonly id: string
  readonly reason: string
}

/** The observations a spec with `asOf` is conditioned on. */
export interface Conditioning {
  readonly asOf: string
  readonly used: ReadonlyArray<Observation>
  readonly ignored: ReadonlyArray<IgnoredObservation>
  readonly compiled: ReadonlyArray<CompiledObservation>
}

const positionOfIndex = lifecycleStates.map((s) => lifecyclePosition[s] ?? 0)

/** A run's lifecycle position from the kernel's state index (-1 before the commitment enters). */
export const runPosition = (stateIndex: number): number =>
  stateIndex < 0 ? -1 : (positionOfIndex[stateIndex] as number)

/** Why an observation cannot condition this model, or its compiled form. */
const compileOne = (model: CompiledModel, o: Observation): CompiledObservation | string => {
  const month = monthOfDate(o.date, model.pack.startMonth)
  if (month > model.horizon) return `month ${month} is past the horizon (${model.horizon})`
  const about = o.about
  const indicator =
    "indicator" in about ? (INDICATOR_IDS as ReadonlyArray<string>).indexOf(about.indicator) : -1
  const commitment =
    "commitment" in about ? model.commitments.findIndex((c) => c.id === about.commitment) : -1
  if ("indicator" in about && indicator < 0) return `the model has no indicator '${about.indicator}'`
  if ("commitment" in about && commitment < 0) return `the model has no commitment '${about.commitment}'`
  return {
    month: Math.max(0, month),
    indicator,
    commitment,
    value: o.value,
    sd: RELATIVE_SD[o.confidence] * Math.max(Math.abs(o.value ?? 0), 1),
    statePosition: o.state === undefined ? undefined : lifecyclePosition[o.state],
    logMismatch: Math.log(STATE_MISMATCH[o.confidence]),
  }
}

/**
 * Selects the observations dated on or before `spec.asOf` (in the order given) and compiles those the model
 * can compare with; undefined when the spec has no `asOf`.
 */
export const compileConditioning = (
  model: CompiledModel,
  observations: ReadonlyArray<Observation>,
): Conditioning | undefined => {
  const asOf = model.spec.asOf
  if (asOf === undefined) return undefined
  const used: Array<Observation> = []
  const ignored: Array<IgnoredObservation> = []
  const compiled: Array<CompiledObservation> = []
  for (const o of observations) {
    if (o.date > asOf) continue
    const c = compileOne(model, o)
    if (typeof c === "string") ignored.push({ id: o.id, reason: c })
    else {
      used.push(o)
      compiled.push(c)
    }
  }
  return { asOf, used, ignored, compiled }
}

/**
 * Adds, for every run of the kernel, the log-likelihood of the observations of the kernel's current month.
 * A run's total depends on its own trajectory alone (observations in a fixed order), so weights do not depend
 * on how runs are split into chunks.
 */
export const addLogLikelihood = (
  conditioning: Conditioning,
  kernel: TrajectoryKernel,
  logLikelihood: Float64Array,
): void => {
  const R = kernel.runCount
  for (const o of conditioning.compiled) {
    if (o.month !== kernel.month) continue
    for (let r = 0; r < R; r++) {
      let ll = 0
      if (o.indicator >= 0 && o.value !== undefined) {
        ll += normalLog(kernel.values[o.indicator * R + r] as number, o.value, o.sd)
      }
      if (o.commitment >= 0) {
        if (o.value !== undefined) ll += normalLog(kernel.deliveredOf(r, o.commitment), o.value, o.sd)
        if (o.statePosition !== undefined) {
          const position = runPosition(kernel.stateOf(r, o.commitment))
          ll += Math.abs(position - o.statePosition) * o.logMismatch
        }
      }
      logLikelihood[r] = (logLikelihood[r] as number) + ll
    }
  }
}

const normalLog = (x: number, mean: number, sd: number): number => {
  const z = (x - mean) / sd
  return -0.5 * z * z
}

/**
 * Below this fraction of the best run's weight a run counts as 0: such a run changes no sum visibly, but as a
 * point of its own it would bend the interpolation between the runs that do agree (assumption, documented).
 */
export const NEGLIGIBLE_WEIGHT = 1e-9

/** Weights (max 1) from log-likelihoods in run order; negligible ones are 0. */
export const weightsOf = (logLikelihood: Float64Array): Float64Array => {
  let max = Number.NEGATIVE_INFINITY
  for (let r = 0; r < logLikelihood.length; r++) max = Math.max(max, logLikelihood[r] as number)
  const weights = new Float64Array(logLikelihood.length)
  for (let r = 0; r < logLikelihood.length; r++) {
    const w = Math.exp((logLikelihood[r] as number) - max)
    weights[r] = w < NEGLIGIBLE_WEIGHT ? 0 : w
  }
  return weights
}

/** Kish's effective sample size (Σw)² / Σw², summed in run order, rounded to one decimal. */
export const effectiveRuns = (weights: Float64Array): number => {
  let sum = 0
  let squares = 0
  for (let r = 0; r < weights.length; r++) {
    const w = weights[r] as number
    sum += w
    squares += w * w
  }
  return squares === 0 ? 0 : Math.round(((sum * sum) / squares) * 10) / 10
}

/** The warning a report carries when few runs agree with the observations, or none. */
export const conditioningWarnings = (runs: number, effective: number): ReadonlyArray<string> =>
  effective < LOW_EFFECTIVE_SHARE * runs
    ? [
        `Only ${effective} of ${runs} runs effectively agree with the observations (Kish effective sample size below ${LOW_EFFECTIVE_SHARE * 100} % of runs): the conditioned quantiles rest on few runs.`,
      ]
    : []
