// Request arbitraries for the fuzz suite, all derived from the OpenAPI document: valid bodies, one field
// broken at a time, malformed JSON, wrong media types, deep nesting and huge bodies, odd path and query
// parameters, and methods a route does not take. Each request says what the service owes it.
import { builtInPacks } from "@accord/domain"
import fc from "fast-check"
import { breakageOf, deepNesting } from "./field-breakers.js"
import {
  arbitraryOf,
  type Components,
  conforms,
  type JsonSchema,
  type Overrides,
} from "./json-schema-arbitrary.js"
import { collectionOf, fillPath, type OperationInfo } from "./request-catalog.js"

/** What the service owes a request. */
export type Expectation =
  /** A 2xx. */
  | { readonly kind: "success"; readonly roundTripName?: string }
  /** A 4xx with the error shape, of this status and tag when given, naming this path when given. */
  | {
      readonly kind: "client-error"
      readonly statuses: ReadonlyArray<number>
      readonly error?: string
      readonly path?: string
    }
  /** No 5xx; a 4xx carries the error shape. */
  | { readonly kind: "no-server-error" }

export interface FuzzRequest {
  readonly label: string
  /** The document's operation the request is aimed at (none for a method the path does not declare). */
  readonly operationId?: string
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  readonly expectation: Expectation
}

/** Resources that exist before fuzzing, so that bodies reach decoding and handlers, not only 404s. */
export interface Fixtures {
  /** Path parameter values by collection, e.g. "/api/scenarios" → { id }. */
  readonly byCollection: Readonly<Record<string, Readonly<Record<string, string>>>>
  /** Bearer tokens by collection, for routes that authenticate before they read the body. */
  readonly tokens?: Readonly<Record<string, string>>
}

const pack = builtInPacks[0]
if (pack === undefined) throw new Error("no built-in pack")
const commitmentIds = pack.commitments.map((c) => c.id as string)
const parameters = pack.parameters
const indicatorIds = pack.indicators.map((i) => i.id)

type Spec = Record<string, unknown> & { interventions?: Array<Record<string, unknown>> }

/**
 * An intervention's months within the horizon: its month, and an aid package's full delivery
 * (implementedAtMonth) between that month and the horizon.
 */
const fitMonths = (i: Record<string, unknown>, horizon: number): Record<string, unknown> => {
  const month = typeof i.month === "number" ? i.month % (horizon + 1) : undefined
  const done = i.implementedAtMonth
  return {
    ...i,
    ...(month === undefined ? {} : { month }),
    ...(typeof done === "number"
      ? { implementedAtMonth: (month ?? 0) + (done % (horizon - (month ?? 0) + 1)) }
      : {}),
  }
}

/** Makes a structurally valid spec pass the pack's cross-checks, and keeps it cheap to simulate. */
const fitToPack = (spec: Spec, assumptionPicks: ReadonlyArray<number>): Spec => {
  // Short horizons and few runs: thousands of valid simulations must fit in seconds.
  const horizon = typeof spec.horizonMonths === "number" ? 1 + (spec.horizonMonths % 36) : 24
  const fitted: Spec = {
    ...spec,
    ...(typeof spec.horizonMonths === "number" ? { horizonMonths: horizon } : {}),
    pack: pack.id,
    ...(typeof spec.runs === "number" ? { runs: 1 + (spec.runs % 100) } : { runs: 50 }),
  }
  if (spec.interventions !== undefined) {
    fitted.interventions = spec.interventions.slice(0, 6).map((i) => fitMonths(i, horizon))
  }
  if (spec.assumptions !== undefined) {
    fitted.assumptions = Object.fromEntries(
      assumptionPicks.map((pick) => {
        const p = parameters[pick % parameters.length]
        return p === undefined
          ? ["", 0]
          : [p.id, pick % 2 === 0 ? p.mode : { low: p.low, mode: p.mode, high: p.high }]
      }),
    )
  }
  return fitted
}

/** What the schema cannot say: ids that must exist in the pack, months within the horizon, paired comparisons. */
export const domainOverrides: Overrides = {
  PackId: () => fc.constant(pack.id),
  // An exercise comes from a pack or from a template, not both: a valid body names the pack and no template
  // (a random template id names nothing, and a template beside settings is refused).
  CreateExerciseRequest: (generic) =>
    generic.map((body) => {
      const { template, ...settings } = body as Record<string, unknown>
      return { ...settings, pack: pack.id }
    }),
  CommitmentId: () => fc.constantFrom(...commitmentIds),
  ScenarioSpec: (generic) =>
    fc
      .tuple(generic, fc.array(fc.nat({ max: 1000 }), { maxLength: 3 }))
      .map(([spec, picks]) => fitToPack(spec as Spec, picks)),
  // The spec of a comparison (a ScenarioSpec without asOf) fits the pack the same way.
  ComparedSpec: (generic) =>
    fc
      .tuple(generic, fc.array(fc.nat({ max: 1000 }), { maxLength: 3 }))
      .map(([spec, picks]) => fitToPack(spec as Spec, picks)),
  CompareRequest: (generic) =>
    generic.map((value) => {
      const { baseline, variant } = value as { baseline: Spec; variant: Spec }
      const shared = {
        pack: baseline.pack,
        runs: baseline.runs,
        seed: baseline.seed,
        horizonMonths: baseline.horizonMonths,
      }
      const months = (typeof baseline.horizonMonths === "number" ? baseline.horizonMonths : 24) + 1
      const pairedVariant: Spec = Object.fromEntries(
        Object.entries({ ...variant, ...shared }).filter(([, v]) => v !== undefined),
      )
      if (variant.interventions !== undefined) {
        pairedVariant.interventions = variant.interventions.map((i) => fitMonths(i, months - 1))
      }
      return { baseline, variant: pairedVariant }
    }),
  // Analyses: a real indicator most of the time and few samples, so that valid ones stay cheap.
  SensitivityRequest: (generic) =>
    generic.map((value) => {
      const body = value as Record<string, unknown> & { spec: Spec }
      const months = (typeof body.spec.horizonMonths === "number" ? body.spec.horizonMonths : 24) + 1
      return {
        ...body,
        indicator: indicatorIds[String(body.indicator).length % indicatorIds.length],
        samples: 16,
        ...(typeof body.month === "number" ? { month: body.month % months } : {}),
      }
    }),
  GoalRequest: (generic) =>
    generic.map((value) => {
      const body = value as Record<string, unknown> & {
        spec: Spec
        lever: { intervention: number; field: string }
      }
      const interventions = body.spec.interventions?.length ?? 0
      const months = (typeof body.spec.horizonMonths === "number" ? body.spec.horizonMonths : 24) + 1
      return {
        ...body,
        indicator: indicatorIds[String(body.indicator).length % indicatorIds.length],
        lever: { ...body.lever, intervention: body.lever.intervention % Math.max(1, interventions) },
        month: (body.month as number) % months,
        target: Math.abs(body.target as number) % 100,
      }
    }),
  SettingsRequest: (generic) =>
    generic.map((value) => {
      const settings = value as Record<string, unknown>
      return typeof settings.runs === "number" ? { ...settings, runs: 1 + (settings.runs % 200) } : settings
    }),
}

/** Operations that must answer 2xx to any valid body (they need no prior state). */
const mustSucceed = new Set(["simulate", "compare", "createScenario"])

const acceptHeaders = [
  "application/json",
  "*/*",
  "text/csv",
  "text/markdown;q=0.9, text/html",
  "text/html;q=abc, text/csv;q=NaN",
  "application/json;q=0, text/plain",
  ";;,,;q=",
  "\u00ff\u00fe",
]

const jsonHeaders = { "content-type": "application/json" }

const oddSegments = [
  "%",
  "%zz",
  "%E0%A4%A",
  "%C0%AF",
  "..",
  "%2E%2E",
  "%2F",
  "%00",
  "%FF%FE",
  "a".repeat(10_000),
  "%F0%9F%87%BA%F0%9F%87%A6",
  "NaN",
  "-0",
  "Infinity",
  "1e309",
  "-1",
  "0x10",
  "00000000-0000-0000-0000-000000000000",
  "%20",
  "%0D%0A",
]

const oddQueryValues = [
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "",
  "0x1F",
  "1.5",
  "%00",
  "%ZZ",
  "🇺🇦",
  "1,2",
]

const encodeSegment = fc.string({ unit: "binary", maxLength: 30 }).map((s) => encodeURIComponent(s))

/** Builds every category of requests for the document's operations. */
export const makeFuzzRequests = (
  operations: ReadonlyArray<OperationInfo>,
  components: Components,
  fixtures: Fixtures,
) => {
  // Built once per schema: building an arbitrary tree costs far more than drawing from it.
  const validBySchema = new Map<JsonSchema, fc.Arbitrary<unknown>>()
  const valid = (schema: JsonSchema) => {
    let arbitrary = validBySchema.get(schema)
    if (arbitrary === undefined) {
      arbitrary = arbitraryOf(schema, components, domainOverrides)
      validBySchema.set(schema, arbitrary)
    }
    return arbitrary
  }
  const fixtureSegments = (op: OperationInfo): Record<string, string> => {
    const collection = collectionOf(op.template)
    const known = (collection === undefined ? {} : fixtures.byCollection[collection]) ?? {}
    return Object.fromEntries(
      op.pathParams.map((p) => [p.name, known[p.name] ?? (p.name === "index" ? "0" : "unknown-id")]),
    )
  }
  const urlOf = (op: OperationInfo) => fillPath(op.template, fixtureSegments(op))
  /** A path every parameter of which is valid: a fixture's where the collection has one, else a value of its schema. */
  const validUrlOf = (op: OperationInfo): fc.Arbitrary<string> => {
    const known = (fixtures.byCollection[collectionOf(op.template) ?? ""] ?? {}) as Record<string, string>
    const segment = (p: OperationInfo["pathParams"][number]) =>
      known[p.name] === undefined
        ? valid(p.schema).map((v) => encodeURIComponent(String(v)))
        : fc.constant(known[p.name] as string)
    return fc
      .record(Object.fromEntries(op.pathParams.map((p) => [p.name, segment(p)])))
      .map((segments) => fillPath(op.template, segments as Record<string, string>))
  }
  const authFor = (op: OperationInfo): Record<string, string> => {
    const collection = collectionOf(op.template) ?? op.template
    const token = fixtures.tokens?.[collection]
    return token === undefined ? {} : { authorization: `Bearer ${token}` }
  }
  const jsonFor = (op: OperationInfo) => ({ ...jsonHeaders, ...authFor(op) })
  const bodyOps = operations.filter((op) => op.body !== undefined)

  /** Valid bodies: the operations that need no prior state must succeed; none may fail with a 5xx. */
  const validBodies = fc
    .constantFrom(...bodyOps)
    .chain((op) =>
      fc.tuple(
        fc.constant(op),
        valid(op.body as JsonSchema),
        fc.option(fc.constantFrom(...acceptHeaders), { nil: undefined }),
      ),
    )
    .map(([op, body, accept]): FuzzRequest => {
      const name = (body as { name?: unknown }).name
      return {
        label: `valid ${op.operationId}`,
        operationId: op.operationId,
        method: op.method,
        url: urlOf(op),
        headers: accept === undefined ? jsonFor(op) : { ...jsonFor(op), accept },
        body: JSON.stringify(body),
        expectation: mustSucceed.has(op.operationId)
          ? {
              kind: "success",
              // A stored scenario always has a name: an empty one reads back as "Untitled scenario".
              ...(op.operationId === "createScenario" && typeof name === "string"
                ? { roundTripName: name === "" ? "Untitled scenario" : name }
                : {}),
            }
          : { kind: "no-server-error" },
      }
    })

  /** One field broken at a time: a 400 that names the field (or a 413 when the breakage is over 1 MiB). */
  const brokenFields = fc
    .constantFrom(...bodyOps)
    .chain((op) =>
      valid(op.body as JsonSchema).chain((body) =>
        breakageOf(op.body as JsonSchema, body, components).map((breakage) => ({ op, breakage })),
      ),
    )
    .map(
      ({ op, breakage }): FuzzRequest => ({
        label: `${op.operationId}: ${breakage.kind}`,
        operationId: op.operationId,
        method: op.method,
        url: urlOf(op),
        headers: jsonFor(op),
        body: breakage.text,
        expectation: { kind: "client-error", statuses: [400, 413], path: breakage.path },
      }),
    )

  const malformations: ReadonlyArray<(text: string, at: number) => string> = [
    (t, at) => t.slice(0, at % Math.max(1, t.length - 1)),
    (t, at) => `${t.slice(0, at % t.length)}\u0000${t.slice(at % t.length)}`,
    (t, at) => `${t.slice(0, at % t.length)}}${t.slice(at % t.length)}`,
    (t) => t.replace(/"/g, "'"),
    (t) => `${t.slice(0, -1)},}`,
    (t) => `${t} trailing`,
    (t) => `/* comment */${t}`,
    (t) => t.replace(/:\s*(-?\d+(\.\d+)?)/, ": NaN"),
    (t) => t.replace(/:\s*(-?\d+(\.\d+)?)/, ": Infinity"),
    (t) => t.replace(/:\s*(-?\d+(\.\d+)?)/, ": -0x1"),
    (t) => `{${t}`,
    () => "{",
    () => "\u0000",
    () => "undefined",
    () => "{'pack': 1}",
    () => '{"a":1,}',
    () => "[".repeat(10_000),
  ]

  /** Text that is not JSON: a 400 MalformedJson. */
  const malformedJson = fc
    .tuple(fc.constantFrom(...bodyOps), fc.nat({ max: malformations.length - 1 }), fc.nat())
    .chain(([op, which, at]) => valid(op.body as JsonSchema).map((body) => ({ op, which, at, body })))
    .map(({ op, which, at, body }) => {
      const text = (malformations[which] as (t: string, at: number) => string)(JSON.stringify(body), at)
      return { op, text }
    })
    .filter(({ op, text }) => {
      // A blank body where the document says the body is optional is no body, not malformed JSON.
      if (!op.bodyRequired && text.trim() === "") return false
      try {
        JSON.parse(text)
        return false
      } catch {
        return true
      }
    })
    .map(
      ({ op, text }): FuzzRequest => ({
        label: `${op.operationId}: malformed JSON`,
        operationId: op.operationId,
        method: op.method,
        url: urlOf(op),
        headers: jsonFor(op),
        body: text,
        expectation: { kind: "client-error", statuses: [400], error: "MalformedJson" },
      }),
    )

  const mediaTypes = [
    "text/plain",
    "text/json",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "application/xml",
    "application/octet-stream",
    "application/jsonx",
    "json",
    "",
    "application/",
    "*/*",
    "application/json-seq",
  ]
  const isJson = (type: string) => {
    const essence = type.split(";")[0]?.trim().toLowerCase() ?? ""
    return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"))
  }

  /** A JSON body sent under another media type: a 415 (media types the service reads as JSON just must not 5xx). */
  const wrongContentTypes = fc
    .tuple(
      fc.constantFrom(...bodyOps),
      fc.oneof(
        fc.constantFrom(...mediaTypes),
        fc.constantFrom("application/json; charset=utf-16", "APPLICATION/JSON", "application/problem+json"),
        fc
          .string({ unit: "binary-ascii", maxLength: 40 })
          .filter((s) => !s.includes("\r") && !s.includes("\n") && !s.includes("\u0000")),
      ),
    )
    .chain(([op, type]) => valid(op.body as JsonSchema).map((body) => ({ op, type, body })))
    .map(({ op, type, body }): FuzzRequest => {
      let headerValue = type.trim()
      // Header values cannot hold every byte; an unsendable one becomes a plainly wrong type.
      if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(headerValue)) headerValue = "text/plain"
      return {
        label: `${op.operationId}: content-type '${headerValue}'`,
        operationId: op.operationId,
        method: op.method,
        url: urlOf(op),
        headers: headerValue === "" ? authFor(op) : { "content-type": headerValue, ...authFor(op) },
        body: JSON.stringify(body),
        expectation: isJson(headerValue)
          ? { kind: "no-server-error" }
          : { kind: "client-error", statuses: [415], error: "UnsupportedMediaType" },
      }
    })

  const hugeBodies: ReadonlyArray<{ readonly what: string; readonly text: string; readonly status: number }> =
    [
      { what: "10,000 nested arrays", text: deepNesting.array, status: 400 },
      { what: "10,000 nested objects", text: deepNesting.object, status: 400 },
      {
        what: "an array of 100,000 numbers",
        text: JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i)),
        status: 400,
      },
      { what: "a 2 MiB string", text: JSON.stringify("x".repeat(2 * 1024 * 1024)), status: 413 },
      { what: "a 1 MiB + 1 byte body", text: `"${"y".repeat(1024 * 1024 - 1)}"`, status: 413 },
      { what: "a string", text: '"just a string"', status: 400 },
      { what: "null", text: "null", status: 400 },
      { what: "-0", text: "-0", status: 400 },
      { what: "1e309", text: "1e309", status: 400 },
    ]

  /** Whole bodies of the wrong kind or size: a 400 naming the body, or a 413. */
  const wrongBodies = fc.tuple(fc.constantFrom(...bodyOps), fc.constantFrom(...hugeBodies)).map(
    ([op, huge]): FuzzRequest => ({
      label: `${op.operationId}: ${huge.what}`,
      operationId: op.operationId,
      method: op.method,
      url: urlOf(op),
      headers: jsonFor(op),
      body: huge.text,
      expectation:
        huge.status === 413
          ? { kind: "client-error", statuses: [413], error: "PayloadTooLarge" }
          : { kind: "client-error", statuses: [400], path: "" },
    }),
  )

  const paramOps = operations.filter((op) => op.pathParams.length > 0 || op.queryParams.length > 0)

  /** Odd path segments and query values (NaN, Infinity, -0, bad percent-encoding, 10,000 characters). */
  const oddParameters = fc
    .constantFrom(...paramOps)
    .chain((op) =>
      fc.record({
        op: fc.constant(op),
        segments: fc.record(
          Object.fromEntries(
            op.pathParams.map((p) => [
              p.name,
              fc.oneof(
                fc.constant(fixtureSegments(op)[p.name] as string),
                fc.constantFrom(...oddSegments),
                encodeSegment,
              ),
            ]),
          ),
        ),
        query: fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(...op.queryParams.map((p) => p.name), "unknown"),
              fc.constantFrom("format", "asOf", "expectedVersion"),
            ),
            fc.oneof(
              fc.constantFrom(...oddQueryValues),
              fc.constantFrom("json", "md", "csv", "html", "pdf", "1", "2", "0"),
              fc.string({ maxLength: 12 }).map(encodeURIComponent),
            ),
          ),
          { maxLength: 3 },
        ),
        body: op.body === undefined ? fc.constant(undefined) : valid(op.body),
      }),
    )
    .map(({ op, segments, query, body }): FuzzRequest => {
      const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join("&")
      return {
        label: `${op.operationId}: parameters ${JSON.stringify(segments).slice(0, 80)} ?${search.slice(0, 80)}`,
        operationId: op.operationId,
        method: op.method,
        url: `${fillPath(op.template, segments as Record<string, string>)}${search === "" ? "" : `?${search}`}`,
        headers: jsonFor(op),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        expectation: { kind: "no-server-error" },
      }
    })

  /** A query enum broken: a 400 naming the parameter. */
  const enumQueryOps = operations.filter((op) =>
    op.queryParams.some((p) => Array.isArray((p.schema as { enum?: unknown }).enum)),
  )
  const brokenEnumQuery = fc
    .constantFrom(...enumQueryOps)
    .chain((op) => {
      const param = op.queryParams.find((p) =>
        Array.isArray((p.schema as { enum?: unknown }).enum),
      ) as (typeof op.queryParams)[number]
      return fc
        .tuple(
          fc.oneof(fc.constantFrom(...oddQueryValues), fc.string({ maxLength: 10 })),
          op.body === undefined ? fc.constant(undefined) : valid(op.body),
          // Only the query is broken: the path is valid, so the 400 is about the parameter.
          validUrlOf(op),
        )
        .filter(([value]) => !conforms(param.schema, value, components))
        .map(([value, body, url]) => ({ op, param, value, body, url }))
    })
    .map(
      ({ op, param, value, body, url }): FuzzRequest => ({
        label: `${op.operationId}: ?${param.name}=${JSON.stringify(value)}`,
        operationId: op.operationId,
        method: op.method,
        url: `${url}?${param.name}=${encodeURIComponent(value)}`,
        headers: jsonFor(op),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        expectation: { kind: "client-error", statuses: [400], path: param.name },
      }),
    )

  /** Methods a path does not declare: a 4xx with the error shape. */
  const wrongMethods = fc
    .tuple(
      fc.constantFrom(...operations),
      fc.constantFrom("PUT", "PATCH", "DELETE", "POST", "GET", "OPTIONS"),
    )
    .filter(([op, method]) =>
      operations.every((other) => other.template !== op.template || other.method !== method),
    )
    .map(
      ([op, method]): FuzzRequest => ({
        label: `${method} ${op.template}`,
        method,
        url: urlOf(op),
        headers: jsonFor(op),
        ...(method === "GET" || method === "OPTIONS" ? {} : { body: "{}" }),
        expectation: { kind: "no-server-error" },
      }),
    )

  /** Plain reads of every operation without a body, with fixtures in the path. */
  const reads = fc
    .constantFrom(...operations.filter((op) => op.body === undefined && op.method === "GET"))
    .map(
      (op): FuzzRequest => ({
        label: `read ${op.operationId}`,
        operationId: op.operationId,
        method: op.method,
        url: urlOf(op),
        headers: {},
        expectation: op.pathParams.length === 0 ? { kind: "success" } : { kind: "no-server-error" },
      }),
    )

  /**
   * Every operation without a body (reads, deletes, runs): fixtures in the path where the collection has one,
   * otherwise a value of the parameter's schema; required query parameters filled; the collection's token.
   */
  const bodiless = fc
    .constantFrom(...operations.filter((op) => op.body === undefined))
    .chain((op) => {
      const required = op.queryParams.filter((p) => p.required)
      return fc.record({
        op: fc.constant(op),
        url: validUrlOf(op),
        query: fc.tuple(
          ...required.map((p) => valid(p.schema).map((v) => `${p.name}=${encodeURIComponent(String(v))}`)),
        ),
      })
    })
    .map(
      ({ op, url, query }): FuzzRequest => ({
        label: `bodiless ${op.operationId}`,
        operationId: op.operationId,
        method: op.method,
        url: `${url}${query.length === 0 ? "" : `?${query.join("&")}`}`,
        headers: authFor(op),
        expectation: { kind: "no-server-error" },
      }),
    )

  return {
    validBodies,
    brokenFields,
    malformedJson,
    wrongContentTypes,
    wrongBodies,
    oddParameters,
    brokenEnumQuery,
    wrongMethods,
    reads,
    bodiless,
  }
}
