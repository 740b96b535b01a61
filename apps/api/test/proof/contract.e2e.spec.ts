// The contract, read by someone else: the real service over a port, behind Stoplight Prism's validating
// proxy, driven through every operation of the OpenAPI document with the fuzz suite's generators. A valid
// request must pass with no violation either way; an invalid one must be reported by Prism as a request
// violation and answered with a 4xx in the error shape; every answer must conform to the document.
// A failure lists every broken exchange; replay with ACCORD_FUZZ_SEED=<seed> (see docs/api.md).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApiDocument, type ServerHandle, silentLogger, startServer } from "../../src/index.js"
import { fuzzSettings } from "./fuzz-driver.js"
import { type FuzzRequest, makeFuzzRequests } from "./fuzz-requests.js"
import { type PrismProxy, startPrismProxy, type Violation, violationsOf } from "./prism-proxy.js"
import { componentsOf, type OperationInfo, operationsOf } from "./request-catalog.js"
import { contractViolation } from "./response-check.js"
import { createFixtures, type Send } from "./service-fixtures.js"

const document = openApiDocument()
const operations = operationsOf(document)
const components = componentsOf(document)
const seed = fuzzSettings.seed ?? Math.floor(Math.random() * 2 ** 31)

/** What a request is, by the document: Prism must find nothing wrong, must find it wrong, or may go either way. */
type Reading = "valid" | "invalid" | "either"
type Categories = ReturnType<typeof makeFuzzRequests>

/** Requests per operation and category: enough to reach every operation, few enough for a CI run. */
const plan: ReadonlyArray<{
  readonly category: keyof Categories
  readonly perOperation: number
  readonly reading: (request: FuzzRequest) => Reading
  readonly keep?: (request: FuzzRequest) => boolean
  /** Operations the sample must hold (the coverage test counts on them), however the draw falls. */
  readonly covers?: (op: OperationInfo) => boolean
}> = [
  { category: "bodiless", perOperation: 1, reading: () => "valid", covers: (op) => op.body === undefined },
  { category: "validBodies", perOperation: 3, reading: () => "valid", covers: (op) => op.body !== undefined },
  // A falsy top-level body (null, -0, false, "") Prism forwards as no body, which is valid where the body is
  // optional (closeRound): a broken field or a wrong whole body of that kind may be either.
  { category: "brokenFields", perOperation: 3, reading: (r) => (falsyBody(r) ? "either" : "invalid") },
  { category: "malformedJson", perOperation: 1, reading: () => "invalid" },
  { category: "wrongBodies", perOperation: 1, reading: (r) => (falsyBody(r) ? "either" : "invalid") },
  {
    category: "brokenEnumQuery",
    perOperation: 2,
    // Prism reads an empty value (?format=) as no value at all, where the service refuses it: those are
    // left to the fuzz suite.
    keep: (request) => !/[?&][^=&]+=(&|$)/.test(request.url),
    reading: () => "invalid",
    covers: (op) => takesEnumQuery(op),
  },
  {
    category: "wrongContentTypes",
    perOperation: 1,
    // A media type the service reads as JSON (application/problem+json, charset=utf-16) may be either.
    reading: (request) => (request.expectation.kind === "client-error" ? "invalid" : "either"),
  },
  { category: "oddParameters", perOperation: 2, reading: () => "either" },
]

const falsyBody = (request: FuzzRequest) => {
  try {
    return !JSON.parse(request.body ?? "null")
  } catch {
    return false
  }
}

interface Planned {
  readonly request: FuzzRequest
  readonly reading: Reading
}

const takesEnumQuery = (op: OperationInfo) =>
  op.queryParams.some((p) => Array.isArray((p.schema as { enum?: unknown }).enum))

/** Seeded samples drawn until `covers` is met; past this many, the category cannot reach an operation. */
const maxRounds = 40

/**
 * Up to `perOperation` requests for each operation the category reaches, from seeded samples. One sample of
 * 4 draws per slot misses some operation about one run in twelve (36 bodiless operations), so samples are
 * drawn, each with its own seed, until every operation `covers` names has at least one request.
 */
const stratified = (
  arbitrary: fc.Arbitrary<FuzzRequest>,
  perOperation: number,
  at: number,
  covers: (op: OperationInfo) => boolean = () => false,
) => {
  const taken = new Map<string, Array<FuzzRequest>>()
  const missing = () => operations.filter((op) => covers(op) && !taken.has(op.operationId))
  for (let round = 0; round === 0 || missing().length > 0; round++) {
    if (round === maxRounds) {
      const names = missing().map((op) => op.operationId)
      throw new Error(`${maxRounds} samples (seed ${seed + at}) never drew ${names.join(", ")}`)
    }
    const numRuns = operations.length * perOperation * 4
    for (const request of fc.sample(arbitrary, { numRuns, seed: seed + at + round * 100_003 })) {
      const id = request.operationId ?? ""
      const list = taken.get(id) ?? []
      if (list.length < perOperation) list.push(request)
      taken.set(id, list)
    }
  }
  return [...taken.values()].flat()
}

const operationById = new Map(operations.map((op) => [op.operationId, op]))
const securityOf = (op: OperationInfo | undefined) =>
  (document.paths as Record<string, Record<string, { security?: unknown }>>)[op?.template ?? ""]?.[
    op?.method.toLowerCase() ?? ""
  ]?.security

/**
 * Valid requests that carry a token, sent once more without it: a 401 where the operation declares bearer
 * security (Prism reports the missing credentials), or a 404 when the id names nothing (a template is looked
 * up before its token is checked against it); elsewhere a 401 would be a token the document does not
 * declare, which `judge` reports.
 */
const withoutToken = (valid: ReadonlyArray<Planned>): ReadonlyArray<Planned> => {
  const seen = new Set<string>()
  return valid.flatMap(({ request }): ReadonlyArray<Planned> => {
    const id = request.operationId ?? ""
    if (seen.has(id) || request.headers.authorization === undefined) return []
    seen.add(id)
    const { authorization: _dropped, ...headers } = request.headers
    const declared = securityOf(operationById.get(id)) !== undefined
    const stripped = { ...request, label: `${request.label} without a token`, headers }
    return [
      declared
        ? {
            request: { ...stripped, expectation: { kind: "client-error", statuses: [401, 404] } },
            reading: "invalid",
          }
        : { request: stripped, reading: "either" },
    ]
  })
}

const isRequest = (v: Violation) => v.location[0] === "request"

/** What is wrong with one exchange, by Prism's reading and the service's own contract; empty when nothing. */
const judge = async (planned: Planned, response: Response): Promise<ReadonlyArray<string>> => {
  const violations = violationsOf(response)
  const problems: Array<string> = []
  const requestViolations = violations.filter(isRequest)
  const responseViolations = violations.filter((v) => !isRequest(v))
  for (const v of responseViolations)
    problems.push(`response violation ${v.location.join(".")}: ${v.message}`)
  if (planned.reading === "valid") {
    for (const v of requestViolations)
      problems.push(`request violation ${v.location.join(".")}: ${v.message}`)
  }
  if (planned.reading === "invalid" && requestViolations.length === 0) {
    problems.push("an invalid request that Prism found nothing wrong with")
  }
  if (
    response.status === 401 &&
    securityOf(operationById.get(planned.request.operationId ?? "")) === undefined
  ) {
    problems.push("a 401 from an operation that declares no security")
  }
  const broken = await contractViolation(throughPrism(planned.request), response)
  if (broken !== undefined) problems.push(broken)
  return problems.map((problem) => `${response.status}: ${problem}`)
}

/**
 * Prism's proxy reads the whole upstream answer before it validates it, so a feed that never ends would
 * never come back through it. Requests that may open one (any with the exercise's token) go to the service
 * directly and are held to the service's own contract (200 text/event-stream, or a 4xx in the error shape);
 * the ones without a token still go through Prism.
 */
const liveFeeds = new Set(["followExercise"])
const opensLiveFeed = (request: FuzzRequest) =>
  liveFeeds.has(request.operationId ?? "") && request.headers.authorization !== undefined

/** Bad percent-encoding in a path stops Prism's process (an uncaught URIError): such URLs go straight in. */
const breaksPrism = (request: FuzzRequest) => {
  try {
    decodeURIComponent(request.url)
    return false
  } catch {
    return true
  }
}

/**
 * Prism re-serializes the bodies it forwards (a top-level JSON string loses its quotes, null becomes
 * nothing), so the exact status and blamed path are the fuzz suite's to check over the bytes it sends.
 * Through Prism, an invalid request with a body owes a refusal (any 4xx) in the error shape, conforming to
 * the document; one without a body still owes the exact status (a 401 without a token).
 */
const anyRefusal = Array.from({ length: 100 }, (_, i) => 400 + i)
const throughPrism = (request: FuzzRequest): FuzzRequest =>
  request.expectation.kind === "client-error" && request.body !== undefined
    ? { ...request, expectation: { kind: "client-error", statuses: anyRefusal } }
    : request

let server: ServerHandle
let prism: PrismProxy
let folder: string
let planned: ReadonlyArray<Planned>

beforeAll(async () => {
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    store: "memory",
    logger: silentLogger,
    webDist: "/nonexistent",
  })
  folder = mkdtempSync(join(tmpdir(), "accord-contract-"))
  const documentPath = join(folder, "openapi.json")
  writeFileSync(documentPath, JSON.stringify(document))
  const direct: Send = (url, init) => fetch(`${server.url}${url}`, init)
  // Prism reads the document while the fixtures are created (and is stopped after all, whichever fails).
  const starting = startPrismProxy(documentPath, server.url)
  starting.then(
    (proxy) => {
      prism = proxy
    },
    () => undefined,
  )
  const fixtures = await createFixtures(direct, operations, components)
  prism = await starting
  const categories = makeFuzzRequests(operations, components, fixtures)
  const drawn = plan.flatMap(({ category, perOperation, reading, keep, covers }, at) =>
    stratified(
      keep === undefined ? categories[category] : categories[category].filter(keep),
      perOperation,
      at,
      covers,
    ).map((request) => ({
      request,
      reading: reading(request),
    })),
  )
  planned = [...drawn, ...withoutToken(drawn.filter((p) => p.reading === "valid"))]
  // Starting the service and Prism, and creating the fixtures, takes a while on a loaded 2-core machine.
}, 120_000)

afterAll(async () => {
  await prism?.stop()
  await server?.close()
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true })
})

describe("the contract, checked by Stoplight Prism's validating proxy", () => {
  /** Operations that took a valid request with no violation, and an invalid one that was reported and refused. */
  const reached = { valid: new Set<string>(), invalid: new Set<string>() }
  /** Requests Prism answered itself instead of forwarding (listed when the coverage check fails). */
  const refusedByPrism: Array<string> = []

  /** Sends one request through Prism (or straight to a live feed) and says what broke the contract. */
  const exchange = async (item: Planned): Promise<ReadonlyArray<string>> => {
    const { request } = item
    const init = {
      method: request.method,
      headers: { ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(30_000),
    }
    const straight = async (why: string) => {
      const answer = await fetch(`${server.url}${request.url}`, init)
      const broken = await contractViolation(request, answer)
      return broken === undefined
        ? []
        : [`${answer.status} (sent to the service directly: ${why}): ${broken}`]
    }
    if (opensLiveFeed(request)) return straight("a live feed")
    if (breaksPrism(request)) return straight("malformed percent-encoding")
    const response = await fetch(`${prism.url}${request.url}`, init)
    // The service names every answer (x-request-id); without it, Prism answered and the service saw nothing.
    if (response.headers.get("x-request-id") !== null) {
      const problems = await judge(item, response)
      if (problems.length === 0 && item.reading !== "either")
        reached[item.reading].add(request.operationId ?? "")
      return problems
    }
    const own = `${response.status} from Prism itself: ${(await response.text()).slice(0, 300)}`
    if (item.reading === "valid") return [`${own} (a valid request must reach the service)`]
    // Prism refuses what it cannot parse (malformed JSON, 10,000 levels of nesting, a garbled media type)
    // without forwarding it: a 4xx is its report; the service's own answer is then checked directly.
    if (item.reading === "invalid" && response.status < 500) reached.invalid.add(request.operationId ?? "")
    refusedByPrism.push(own.slice(0, 80))
    return straight(own.slice(0, 80))
  }

  it("every exchange: no response violation; valid requests pass, invalid ones are reported and refused", async () => {
    const failures: Array<string> = []
    for (const item of planned) {
      const problems = await exchange(item).catch((error: unknown) => [`no answer: ${String(error)}`])
      if (problems.length > 0) {
        const { request } = item
        failures.push(
          `${request.label} [${item.reading}]\n  ${request.method} ${request.url.slice(0, 200)}\n  ${problems.join("\n  ")}`,
        )
      }
    }
    if (failures.length > 0) {
      throw new Error(
        `seed ${seed}: ${failures.length} of ${planned.length} exchanges broke the contract\n\n${failures.join("\n\n")}`,
      )
    }
  }, 180_000)

  it("reached every operation with a valid request, and every operation that takes input with an invalid one", () => {
    const ids = operations.map((op) => op.operationId)
    expect(ids.filter((id) => !reached.valid.has(id) && !liveFeeds.has(id))).toEqual([])
    const takesInput = operations.filter(
      (op) => op.body !== undefined || securityOf(op) !== undefined || takesEnumQuery(op),
    )
    expect(
      takesInput.map((op) => op.operationId).filter((id) => !reached.invalid.has(id)),
      `${refusedByPrism.length} requests Prism answered itself: ${[...new Set(refusedByPrism)].join("; ")}`,
    ).toEqual([])
  })
})
