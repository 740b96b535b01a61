// Breaks one field of a valid request body at a time: wrong types, out-of-range numbers, numbers as strings
// ("NaN", "Infinity", "-0"), oversized strings and arrays, 10,000-level nesting, control characters, a
// required field removed, an unknown field added. Every breakage knows the path the service must blame.
import fc from "fast-check"
import { type Components, conforms, flatten, type JsonSchema, schemaType } from "./json-schema-arbitrary.js"

export type Path = ReadonlyArray<string | number>

/** A field present in a value, with the schema it must conform to. */
export interface Field {
  readonly path: Path
  readonly schema: JsonSchema
}

/** An object in a value, with its schema: where required fields can go missing and unknown ones appear. */
interface ObjectSite {
  readonly path: Path
  readonly required: ReadonlyArray<string>
}

/** Walks a valid value along its schema: every field (leaves and inner nodes) and every object. */
export const sitesOf = (
  schema: JsonSchema,
  value: unknown,
  components: Components,
  path: Path = [],
): { fields: Array<Field>; objects: Array<ObjectSite> } => {
  const fields: Array<Field> = []
  const objects: Array<ObjectSite> = []
  const walk = (s: JsonSchema, v: unknown, at: Path) => {
    fields.push({ path: at, schema: s })
    const flat = flatten(s, components)
    if (Array.isArray(flat.anyOf)) {
      const branch = (flat.anyOf as ReadonlyArray<JsonSchema>).find((b) => conforms(b, v, components))
      if (branch !== undefined) {
        fields.pop()
        walk(branch, v, at)
        // Keep the union itself as a field: a wrong type for the whole member is a breakage too.
        fields.push({ path: at, schema: s })
      }
      return
    }
    if (Array.isArray(v)) {
      const items = (flat.items ?? {}) as JsonSchema
      v.forEach((item, i) => {
        walk(items, item, [...at, i])
      })
      return
    }
    if (typeof v === "object" && v !== null && schemaType(flat) === "object") {
      const properties = (flat.properties ?? {}) as Record<string, JsonSchema>
      // A record (patternProperties) takes any well-formed key: an unknown one is the pack's to refuse, not the schema's.
      if (flat.patternProperties === undefined) {
        objects.push({ path: at, required: (flat.required ?? []) as ReadonlyArray<string> })
      }
      for (const [key, inner] of Object.entries(v as Record<string, unknown>)) {
        const property = properties[key]
        if (property !== undefined) walk(property, inner, [...at, key])
      }
    }
  }
  walk(schema, value, path)
  return { fields, objects }
}

const nested = (depth: number, leaf: unknown, kind: "array" | "object"): string => {
  const open = kind === "array" ? "[" : '{"a":'
  const close = kind === "array" ? "]" : "}"
  return open.repeat(depth) + JSON.stringify(leaf) + close.repeat(depth)
}

/** A marker replaced by raw JSON text after serialization: lets a field hold 10,000 levels of nesting. */
export const rawMarker = (raw: string) => `\u0000RAW:${raw.length}:${raw.slice(0, 8)}\u0000`

/** 10,000-level nested arrays and objects, as raw JSON (JSON.stringify would recurse that deep). */
export const deepNesting = {
  array: nested(10_000, 0, "array"),
  object: nested(10_000, 0, "object"),
}

const hugeString = "x".repeat(200_000)
const hugeArray = Array.from({ length: 5_000 }, () => 0)
const badValuesCache = new WeakMap<JsonSchema, ReadonlyArray<unknown>>()

/** Values that break a field of this schema (each checked not to conform). */
export const badValuesFor = (schema: JsonSchema, components: Components): ReadonlyArray<unknown> => {
  const cached = badValuesCache.get(schema)
  if (cached !== undefined) return cached
  const s = flatten(schema, components)
  const candidates: Array<unknown> = [
    null,
    true,
    [],
    {},
    "",
    "NaN",
    "Infinity",
    "-Infinity",
    "-0",
    "1e309",
    "0x1F",
    " 12 ",
    "\u0000\u0007\u001b[31m",
    "\ud83d",
    hugeString,
    hugeArray,
    { deep: rawMarker(deepNesting.object) },
    rawMarker(deepNesting.array),
    rawMarker(deepNesting.object),
    1e308,
    -1,
    0.5,
    2 ** 53 + 2,
    { __proto__: null, constructor: "x" },
  ]
  const type = schemaType(s)
  if (type === "integer" || type === "number") {
    if (typeof s.minimum === "number") candidates.push(s.minimum - 1, s.minimum - 0.5, String(s.minimum))
    if (typeof s.maximum === "number") candidates.push(s.maximum + 1, s.maximum + 0.5, String(s.maximum))
    if (typeof s.exclusiveMinimum === "number") candidates.push(s.exclusiveMinimum, -0)
    if (type === "integer") candidates.push(1.5, 1e-7)
  }
  if (type === "string") {
    candidates.push(42, -0)
    if (typeof s.maxLength === "number") {
      candidates.push("y".repeat(s.maxLength + 1), "é".repeat(s.maxLength + 1))
    }
    if (typeof s.minLength === "number" && s.minLength > 0) candidates.push("")
    if (typeof s.pattern === "string") candidates.push("Not A Slug!", "ÄÖÜ", "a/../b", "-lead", "trail-")
  }
  if (Array.isArray(s.enum)) {
    candidates.push(...s.enum.map((e) => (typeof e === "string" ? `${e.toUpperCase()} ` : e)), "unknown-kind")
  }
  if (typeof s.maxItems === "number") candidates.push(Array.from({ length: s.maxItems + 1 }, () => ({})))
  const bad = candidates.filter((candidate) => {
    if (typeof candidate === "string" && candidate.startsWith("\u0000RAW:")) return true
    if (typeof candidate === "object" && candidate !== null && "deep" in candidate) return true
    return !conforms(schema, candidate, components)
  })
  badValuesCache.set(schema, bad)
  return bad
}

/** One field broken in a valid body: the body as JSON text and the path the service must name. */
export interface Breakage {
  readonly kind: string
  readonly text: string
  readonly path: string
}

const setAt = (root: unknown, path: Path, update: (parent: Record<string, unknown>, key: string) => void) => {
  const copy = structuredClone(root)
  if (path.length === 0) return copy
  let node = copy as Record<string, unknown>
  for (const key of path.slice(0, -1)) node = node[String(key)] as Record<string, unknown>
  update(node, String(path[path.length - 1]))
  return copy
}

/** JSON text with raw markers swapped for the raw JSON they stand for. */
export const serialize = (value: unknown): string => {
  let text = JSON.stringify(value)
  for (const raw of [deepNesting.array, deepNesting.object]) {
    text = text.split(JSON.stringify(rawMarker(raw))).join(raw)
  }
  return text
}

/** An arbitrary breakage of one field (or one object's keys) of this valid body. */
export const breakageOf = (
  schema: JsonSchema,
  body: unknown,
  components: Components,
): fc.Arbitrary<Breakage> => {
  const { fields, objects } = sitesOf(schema, body, components)
  const dotted = (path: Path) => path.map(String).join(".")
  const wrongValue = fc
    .constantFrom(...fields)
    .chain((field) =>
      fc.constantFrom(...badValuesFor(field.schema, components)).map((bad) => ({ field, bad })),
    )
    .map(
      ({ field, bad }): Breakage => ({
        kind: `wrong value at ${dotted(field.path) || "(body)"}`,
        text:
          field.path.length === 0
            ? serialize(bad)
            : serialize(
                setAt(body, field.path, (parent, key) => {
                  parent[key] = bad
                }),
              ),
        path: dotted(field.path),
      }),
    )
  const missing = objects.flatMap((site) =>
    site.required
      .filter((key) => {
        const container = site.path.reduce<unknown>(
          (node, k) => (node as Record<string, unknown>)[String(k)],
          body,
        )
        return typeof container === "object" && container !== null && key in container
      })
      .map((key) => ({ site, key })),
  )
  const removed =
    missing.length === 0
      ? []
      : [
          fc.constantFrom(...missing).map(
            ({ site, key }): Breakage => ({
              kind: `missing ${dotted([...site.path, key])}`,
              text: serialize(
                setAt(body, [...site.path, key], (parent, k) => {
                  delete parent[k]
                }),
              ),
              path: dotted([...site.path, key]),
            }),
          ),
        ]
  const unknownKeys = ["surprise", "__proto__", "constructor", "Pack", "é", "\u0000", "a.b", ""]
  const extra =
    objects.length === 0
      ? []
      : [
          fc
            .tuple(
              fc.constantFrom(...objects),
              fc.constantFrom(...unknownKeys),
              fc.jsonValue({ maxDepth: 2 }),
            )
            .map(([site, key, value]): Breakage => {
              // Added as text: `__proto__` set through an object literal would not become an own key.
              const inner = JSON.stringify(
                site.path.reduce<unknown>((node, k) => (node as Record<string, unknown>)[String(k)], body),
              )
              const withKey = `{${JSON.stringify(key)}:${JSON.stringify(value)}${inner === "{}" ? "" : ","}${inner.slice(1)}`
              const marker = rawMarker(withKey)
              const text =
                site.path.length === 0
                  ? withKey
                  : JSON.stringify(
                      setAt(body, site.path, (parent, k) => {
                        parent[k] = marker
                      }),
                    )
                      .split(JSON.stringify(marker))
                      .join(withKey)
              return {
                kind: `unknown key '${key}' at ${dotted(site.path) || "(body)"}`,
                text,
                path: dotted([...site.path, key]),
              }
            }),
        ]
  return fc.oneof({ arbitrary: wrongValue, weight: 4 }, ...removed, ...extra)
}
