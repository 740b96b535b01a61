// Valid values and a conformance check for the JSON Schema subset the service's OpenAPI document uses
// ($ref with sibling keywords, allOf, anyOf, enum, object, array, string, number, integer). The fuzz suite
// reads every request schema from the document itself, so new routes are fuzzed the day they are declared.
import fc from "fast-check"

/** A JSON Schema node as it appears in the document. */
export type JsonSchema = { readonly [key: string]: unknown }

/** The `components.schemas` of the OpenAPI document. */
export type Components = Readonly<Record<string, JsonSchema>>

const refPrefix = "#/components/schemas/"

/** The component name a schema points at, if it is a `$ref`. */
export const refName = (schema: JsonSchema): string | undefined =>
  typeof schema.$ref === "string" && schema.$ref.startsWith(refPrefix)
    ? schema.$ref.slice(refPrefix.length)
    : undefined

/** Folds `$ref` (with its sibling keywords) and `allOf` into one flat schema. */
export const flatten = (schema: JsonSchema, components: Components): JsonSchema => {
  let out: Record<string, unknown> = { ...schema }
  const name = refName(schema)
  if (name !== undefined) {
    const { $ref: _ref, ...siblings } = out
    const target = components[name]
    if (target === undefined) throw new Error(`the document has no component ${name}`)
    out = { ...flatten(target, components), ...siblings }
  }
  if (Array.isArray(out.allOf)) {
    const parts = out.allOf as ReadonlyArray<JsonSchema>
    const { allOf: _all, ...rest } = out
    out = rest
    for (const part of parts) out = { ...flatten(part, components), ...out }
  }
  return out
}

/** What a value must be, according to a (flattened) schema. */
export const schemaType = (schema: JsonSchema): string | undefined => {
  if (typeof schema.type === "string") return schema.type
  if (Array.isArray(schema.enum)) return typeof schema.enum[0]
  if (schema.properties !== undefined) return "object"
  return undefined
}

const numberIn = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined
  const exclusiveMin = typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum : undefined
  if (integer) {
    const low = min ?? (exclusiveMin === undefined ? -1_000_000 : Math.floor(exclusiveMin) + 1)
    const high = max ?? low + 2_000_000
    // Bounds matter most: the extremes and their neighbours are where off-by-one bugs live.
    return fc.oneof(fc.constantFrom(low, high), fc.integer({ min: low, max: high }))
  }
  const low = min ?? exclusiveMin ?? -1e9
  const high = max ?? 1e9
  return fc
    .double({ min: low, max: high, noNaN: true, noDefaultInfinity: true })
    .filter((n) => (exclusiveMin === undefined || n > exclusiveMin) && !Object.is(n, -0))
}

const stringOf = (schema: JsonSchema): fc.Arbitrary<string> => {
  const minLength = typeof schema.minLength === "number" ? schema.minLength : 0
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : 40
  if (typeof schema.pattern === "string") {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= minLength && s.length <= maxLength)
  }
  // Names and labels are free text: unicode, emoji and control characters are valid and must round-trip.
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.min(maxLength, 40) }),
    fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, 40) }),
    fc
      .constantFrom("\u0000\u0001\u001f\u007f", "名前 🇺🇦🇯🇵", "\u202eevil\u202c", "\ud800", "a\r\nb\tc")
      .filter((s) => s.length >= minLength && s.length <= maxLength),
  )
}

/** Overrides by component name: domain knowledge the schema cannot state (ids that must exist, cross-field rules). */
export type Overrides = Readonly<Record<string, (generic: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>>>

/** An arbitrary of values that conform to the schema. */
export const arbitraryOf = (
  schema: JsonSchema,
  components: Components,
  overrides: Overrides = {},
  depth = 0,
): fc.Arbitrary<unknown> => {
  const name = refName(schema)
  const generic = () => genericArbitrary(flatten(schema, components), components, overrides, depth)
  if (name !== undefined && overrides[name] !== undefined && Object.keys(schema).length === 1) {
    return overrides[name](generic())
  }
  return generic()
}

const genericArbitrary = (
  schema: JsonSchema,
  components: Components,
  overrides: Overrides,
  depth: number,
): fc.Arbitrary<unknown> => {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as Array<unknown>))
  if ("const" in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.anyOf)) {
    return fc.oneof(
      ...(schema.anyOf as ReadonlyArray<JsonSchema>).map((s) => arbitraryOf(s, components, overrides, depth)),
    )
  }
  switch (schemaType(schema)) {
    case "string":
      return stringOf(schema)
    case "integer":
      return numberIn(schema, true)
    case "number":
      return numberIn(schema, false)
    case "boolean":
      return fc.boolean()
    case "array": {
      const items = (schema.items ?? {}) as JsonSchema
      const maxItems = typeof schema.maxItems === "number" ? Math.min(schema.maxItems, 4) : 4
      const minItems = typeof schema.minItems === "number" ? schema.minItems : 0
      return fc.array(arbitraryOf(items, components, overrides, depth + 1), {
        minLength: minItems,
        maxLength: Math.max(minItems, depth > 3 ? minItems : maxItems),
      })
    }
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
      const required = new Set((schema.required ?? []) as ReadonlyArray<string>)
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, property] of Object.entries(properties)) {
        record[key] = arbitraryOf(property, components, overrides, depth + 1)
      }
      const requiredKeys = Object.keys(properties).filter((k) => required.has(k))
      const base = fc.record(record, { requiredKeys })
      // Free-form maps (patternProperties) are left empty: their keys are domain ids, given by overrides.
      return base
    }
    default:
      return fc.constant(null)
  }
}

const isInteger = (v: unknown) => typeof v === "number" && Number.isInteger(v)

/** Whether a value conforms to the schema (the subset the document uses). */
export const conforms = (schema: JsonSchema, value: unknown, components: Components): boolean => {
  const s = flatten(schema, components)
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return false
  if ("const" in s && s.const !== value) return false
  if (Array.isArray(s.anyOf)) {
    return (s.anyOf as ReadonlyArray<JsonSchema>).some((branch) => conforms(branch, value, components))
  }
  switch (schemaType(s)) {
    case "string": {
      if (typeof value !== "string") return false
      if (typeof s.maxLength === "number" && value.length > s.maxLength) return false
      if (typeof s.minLength === "number" && value.length < s.minLength) return false
      return typeof s.pattern !== "string" || new RegExp(s.pattern).test(value)
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) return false
      if (s.type === "integer" && !isInteger(value)) return false
      if (typeof s.minimum === "number" && value < s.minimum) return false
      if (typeof s.maximum === "number" && value > s.maximum) return false
      return typeof s.exclusiveMinimum !== "number" || value > s.exclusiveMinimum
    }
    case "boolean":
      return typeof value === "boolean"
    case "array": {
      if (!Array.isArray(value)) return false
      if (typeof s.maxItems === "number" && value.length > s.maxItems) return false
      if (typeof s.minItems === "number" && value.length < s.minItems) return false
      const items = (s.items ?? {}) as JsonSchema
      return value.every((item) => conforms(items, item, components))
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return false
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>
      const record = value as Record<string, unknown>
      for (const key of (s.required ?? []) as ReadonlyArray<string>) if (!(key in record)) return false
      for (const [key, inner] of Object.entries(record)) {
        const property = properties[key]
        if (property !== undefined) {
          if (!conforms(property, inner, components)) return false
        } else if (s.patternProperties !== undefined) {
          const names = s.propertyNames as JsonSchema | undefined
          if (names !== undefined && !conforms(names, key, components)) return false
          const [valueSchema] = Object.values(s.patternProperties as Record<string, JsonSchema>)
          if (valueSchema !== undefined && !conforms(valueSchema, inner, components)) return false
        } else if (s.additionalProperties === false) return false
      }
      return true
    }
    default:
      return true
  }
}
