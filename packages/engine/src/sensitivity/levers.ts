import { Intervention, interventionLeverFields, type ScenarioSpec } from "@accord/domain"
import { JSONSchema } from "effect"

/** A numeric field of one of the spec's interventions, e.g. `{ intervention: 0, field: "amountUsdM" }`. */
export interface LeverRef {
  readonly intervention: number
  readonly field: string
}

/** A lever with its current value and the range a spec admits for it. */
export interface Lever extends LeverRef {
  readonly value: number
  /** Smallest admissible value (above an exclusive minimum by the lever's resolution). */
  readonly min: number
  readonly max: number
  readonly integer: boolean
}

interface FieldRange {
  readonly min: number
  readonly exclusiveMin: boolean
  readonly max: number
  readonly integer: boolean
  readonly defaultValue: number | undefined
}

type JsonNode = {
  readonly type?: string
  readonly $ref?: string
  readonly allOf?: ReadonlyArray<JsonNode>
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly default?: unknown
  readonly properties?: Record<string, JsonNode>
  readonly enum?: ReadonlyArray<unknown>
}

const rangeOf = (node: JsonNode): FieldRange | undefined => {
  const inner = node.allOf?.[0] ?? node
  const integer = inner.type === "integer" || inner.$ref?.endsWith("/Int") === true
  if (!(integer || inner.type === "number")) return undefined
  const min = inner.minimum ?? inner.exclusiveMinimum
  if (min === undefined || inner.maximum === undefined) return undefined
  const fallback = node.default ?? inner.default
  return {
    min,
    exclusiveMin: inner.minimum === undefined,
    max: inner.maximum,
    integer,
    defaultValue: typeof fallback === "number" ? fallback : undefined,
  }
}

/**
 * Numeric fields of each intervention type with their admissible ranges, read from the spec's own schema
 * (one source: the schema is what a spec is checked against), so new intervention types get levers too.
 */
const fieldRanges: ReadonlyMap<string, ReadonlyMap<string, FieldRange>> = (() => {
  const root = JSONSchema.make(Intervention, { target: "jsonSchema2020-12" }) as unknown as {
    $defs: Record<string, JsonNode>
  }
  const byType = new Map<string, Map<string, FieldRange>>()
  for (const def of Object.values(root.$defs)) {
    const type = def.properties?.type?.enum?.[0]
    if (typeof type !== "string") continue
    const fields = new Map<string, FieldRange>()
    for (const [name, node] of Object.entries(def.properties ?? {})) {
      const range = rangeOf(node)
      if (range !== undefined) fields.set(name, range)
    }
    byType.set(type, fields)
    // The browser names levers from the plain list (it loads no schema): the two must agree.
    const listed = interventionLeverFields[type as keyof typeof interventionLeverFields] ?? []
    if (listed.join() !== [...fields.keys()].join())
      throw new Error(
        `interventionLeverFields['${type}'] lists ${listed.join(", ")}; the spec schema's numeric fields are ${[...fields.keys()].join(", ")}`,
      )
  }
  return byType
})()

/** Resolution of a real-valued lever: bisection and ±25 % stop there. */
const resolutionOf = (range: FieldRange): number => (range.integer ? 1 : (range.max - range.min) * 1e-6)

/**
 * What the domain's cross-check (crossCheckSpec) admits for a month field, so that a moved spec still fits its
 * pack: every `month` within the horizon, and an aid package implemented between its month and the horizon.
 */
const monthBounds = (spec: ScenarioSpec, i: Intervention, field: string): readonly [number, number] => {
  const done = i.type === "aid-package" ? i.implementedAtMonth : undefined
  if (field === "month")
    return [Number.NEGATIVE_INFINITY, Math.min(spec.horizonMonths, done ?? Number.POSITIVE_INFINITY)]
  if (field === "implementedAtMonth" && i.type === "aid-package") return [i.month, spec.horizonMonths]
  return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]
}

/** The lever, or undefined when the intervention or its numeric field does not exist. */
export const leverOf = (spec: ScenarioSpec, ref: LeverRef): Lever | undefined => {
  const intervention = spec.interventions[ref.intervention]
  if (intervention === undefined) return undefined
  const range = fieldRanges.get(intervention.type)?.get(ref.field)
  if (range === undefined) return undefined
  const raw = (intervention as unknown as Record<string, unknown>)[ref.field]
  const value = typeof raw === "number" ? raw : (range.defaultValue ?? range.min)
  const [low, high] = monthBounds(spec, intervention, ref.field)
  const max = Math.min(range.max, high)
  const min = Math.max(
    range.exclusiveMin ? Number((range.min + resolutionOf(range)).toPrecision(12)) : range.min,
    low,
  )
  return { ...ref, value, min, max, integer: range.integer }
}

/** Every numeric field of every intervention of the spec, in spec order. */
export const leversOf = (spec: ScenarioSpec): ReadonlyArray<Lever> =>
  spec.interventions.flatMap((intervention, index) =>
    [...(fieldRanges.get(intervention.type)?.keys() ?? [])].flatMap((field) => {
      const lever = leverOf(spec, { intervention: index, field })
      return lever === undefined ? [] : [lever]
    }),
  )

/** Numeric fields of an intervention type, for error messages. */
export const leverFieldsOf = (type: string): ReadonlyArray<string> => [
  ...(fieldRanges.get(type)?.keys() ?? []),
]

/** The lever's value clamped to its range (and rounded, for integer fields). */
export const clampLever = (lever: Lever, value: number): number => {
  const v = lever.integer ? Math.round(value) : value
  return Math.min(lever.max, Math.max(lever.min, v))
}

/** The spec with the lever's field set to `value`. */
export const withLever = (spec: ScenarioSpec, lever: LeverRef, value: number): ScenarioSpec => ({
  ...spec,
  interventions: spec.interventions.map((i, n) =>
    n === lever.intervention ? ({ ...i, [lever.field]: value } as Intervention) : i,
  ),
})

/** A lever's name in results: `0.amountUsdM` (intervention index, field). */
export const leverName = (lever: LeverRef): string => `${lever.intervention}.${lever.field}`
