// Bad input, in process: at least 10,000 requests generated from the service's OpenAPI document and
// schemas. No 5xx; every 4xx in the error shape, naming the broken field; the service healthy after.
// A failure prints the request and fast-check's seed; replay it with ACCORD_FUZZ_SEED=<seed>.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { openApiDocument } from "../../src/index.js"
import { memoryApp } from "../memory-app.js"
import { fuzzCategory, makeExercise } from "./fuzz-driver.js"
import { type Fixtures, makeFuzzRequests } from "./fuzz-requests.js"
import { componentsOf, operationsOf } from "./request-catalog.js"
import { createFixtures, type Send } from "./service-fixtures.js"

const service = memoryApp()
afterAll(service.dispose)

const document = openApiDocument()
const operations = operationsOf(document)
const components = componentsOf(document)

let sent = 0
const send: Send = async (url, init) => {
  sent++
  // In process, a request resolves through promises alone; without a turn of the event loop now and then,
  // thousands of them in a row starve vitest's worker channel ("Timeout calling onTaskUpdate").
  if (sent % 20 === 0) await new Promise((resolve) => setImmediate(resolve))
  return service.app.request(url, init)
}
const exercise = makeExercise(send)

let fixtures: Fixtures
let categories: ReturnType<typeof makeFuzzRequests>
beforeAll(async () => {
  fixtures = await createFixtures(send, operations, components)
  categories = makeFuzzRequests(operations, components, fixtures)
})

const runs: ReadonlyArray<readonly [keyof ReturnType<typeof makeFuzzRequests>, number]> = [
  ["validBodies", 900],
  ["brokenFields", 5_000],
  ["malformedJson", 900],
  ["wrongContentTypes", 700],
  ["wrongBodies", 120],
  ["oddParameters", 1_600],
  ["brokenEnumQuery", 300],
  ["wrongMethods", 300],
  ["reads", 300],
]

describe("bad input: generated from the OpenAPI document, sent in process", () => {
  it("the document declares operations with bodies and parameters to fuzz", () => {
    expect(operations.filter((op) => op.body !== undefined).length).toBeGreaterThanOrEqual(7)
    expect(operations.some((op) => op.pathParams.length > 0)).toBe(true)
    expect(Object.keys(fixtures.byCollection)).toEqual(
      expect.arrayContaining(["/api/scenarios", "/api/runs", "/api/reports", "/api/packs"]),
    )
  })

  for (const [category, numRuns] of runs) {
    it(
      `${category}: ${numRuns} requests keep the contract`,
      () => fuzzCategory(category, categories[category], numRuns, exercise),
      90_000,
    )
  }

  it("sent at least 10,000 requests, and the service is healthy after", async () => {
    expect(sent).toBeGreaterThanOrEqual(10_000)
    const health = await service.app.request("/api/health")
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok", store: "memory" })
  })
})
