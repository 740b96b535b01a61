// Bad input over a real port: a smaller batch of the same generated requests through fetch, plus what only a
// socket can send (a chunked body over 1 MiB, a body cut short). No 5xx, and the service answers after.
import { connect } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  maxBodyBytes,
  openApiDocument,
  type ServerHandle,
  silentLogger,
  startServer,
} from "../../src/index.js"
import { fuzzCategory, makeExercise } from "./fuzz-driver.js"
import { makeFuzzRequests } from "./fuzz-requests.js"
import { componentsOf, operationsOf } from "./request-catalog.js"
import { createFixtures, type Send } from "./service-fixtures.js"

const document = openApiDocument()
const operations = operationsOf(document)
const components = componentsOf(document)

let server: ServerHandle
let categories: ReturnType<typeof makeFuzzRequests>
let sent = 0
const send: Send = (url, init) => {
  sent++
  return fetch(`${server.url}${url}`, init)
}

beforeAll(async () => {
  server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    store: "memory",
    logger: silentLogger,
    webDist: "/nonexistent",
  })
  categories = makeFuzzRequests(operations, components, await createFixtures(send, operations, components))
  // Starting a server and creating the fixtures can take more than the default 10 s on a loaded 2-core machine.
}, 60_000)
afterAll(() => server.close())

/** Writes raw bytes to the port and resolves with the status line of the answer (or "closed"). */
const raw = (chunks: ReadonlyArray<string>, endAfter = true) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1")
    let answer = ""
    socket.on("data", (data) => {
      answer += data.toString("latin1")
    })
    socket.on("error", reject)
    socket.on("close", () => resolve(answer.split("\r\n")[0] ?? "closed"))
    socket.on("connect", () => {
      for (const chunk of chunks) socket.write(chunk)
      if (endAfter) socket.end()
      else setTimeout(() => socket.destroy(), 300)
    })
  })

const exercise = makeExercise(send)
const runs: ReadonlyArray<readonly [keyof ReturnType<typeof makeFuzzRequests>, number]> = [
  ["validBodies", 60],
  ["brokenFields", 250],
  ["malformedJson", 60],
  ["wrongContentTypes", 60],
  ["wrongBodies", 20],
  ["oddParameters", 100],
  ["wrongMethods", 30],
]

describe("bad input over a real port", () => {
  for (const [category, numRuns] of runs) {
    it(
      `${category}: ${numRuns} requests keep the contract`,
      () => fuzzCategory(category, categories[category], numRuns, exercise),
      60_000,
    )
  }

  it("a 413 closes its connection, so a keep-alive client's next request still gets an answer", async () => {
    const tooLarge = await send("/api/simulate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pack: "x".repeat(maxBodyBytes + 1) }),
    })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.headers.get("connection")).toBe("close")
    await tooLarge.text()
    const health = await send("/api/health", { method: "GET" })
    expect(health.status).toBe(200)
  })

  it("a chunked body over 1 MiB (no Content-Length) is a 413", async () => {
    const piece = "x".repeat(64 * 1024)
    const chunk = `${piece.length.toString(16)}\r\n${piece}\r\n`
    const status = await raw([
      "POST /api/simulate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
      `1\r\n"\r\n`,
      ...Array.from({ length: 20 }, () => chunk),
      "0\r\n\r\n",
    ])
    expect(status).toBe("HTTP/1.1 413 Payload Too Large")
  })

  it("a body cut short and a malformed request line leave the service answering", async () => {
    await raw(
      [
        'POST /api/scenarios HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"pack":',
      ],
      false,
    )
    expect(await raw(["GARBAGE / HTTP/9.9\r\n\r\n"])).toMatch(/^HTTP\/1\.1 400|^$/)
    expect(await raw(["GET /api/%zz%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"])).toMatch(
      /^HTTP\/1\.1 4\d\d/,
    )
  })

  it("a request line over Node's 16 KiB header limit is a 431 in the error shape, not a bare status", async () => {
    const long = await send(`/api/exercises/${"a".repeat(12_000)}/debrief/${"b".repeat(12_000)}`, {
      method: "GET",
    })
    expect(long.status).toBe(431)
    expect(long.headers.get("content-type")).toMatch(/^application\/json/)
    expect(await long.json()).toMatchObject({ error: "RequestHeaderFieldsTooLarge", issues: [{ path: "" }] })
    const garbage = await raw(["GARBAGE\r\n\r\n"])
    expect(garbage).toBe("HTTP/1.1 400 Bad Request")
    expect((await send("/api/health", { method: "GET" })).status).toBe(200)
  })

  it("sent its batch, and the service is healthy after", async () => {
    expect(sent).toBeGreaterThanOrEqual(500)
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
  })
})
