// Sends generated requests through a Send (in process or over a port) and turns a broken contract into an
// error that carries the request, fast-check's seed and the counterexample path, so it can be replayed.
import fc from "fast-check"
import { expect } from "vitest"
import type { FuzzRequest } from "./fuzz-requests.js"
import { contractViolation } from "./response-check.js"
import type { Send } from "./service-fixtures.js"

/** ACCORD_FUZZ_SEED replays a failure; ACCORD_FUZZ_SCALE=0.1 sends a tenth of the requests while debugging. */
export const fuzzSettings = {
  seed: process.env.ACCORD_FUZZ_SEED === undefined ? undefined : Number(process.env.ACCORD_FUZZ_SEED),
  scale: Number(process.env.ACCORD_FUZZ_SCALE ?? 1),
}

/** Sends one request and throws, with everything needed to replay it, if the answer breaks the contract. */
export const makeExercise = (send: Send) => async (request: FuzzRequest) => {
  const describe = () =>
    `${request.label}\n${request.method} ${request.url.slice(0, 300)}\n${JSON.stringify(request.headers)}\n${(request.body ?? "").slice(0, 600)}`
  const response = await send(request.url, {
    method: request.method,
    headers: { ...request.headers },
    ...(request.body === undefined ? {} : { body: request.body }),
  }).catch((error: unknown) => {
    const cause = (error as { cause?: unknown }).cause
    throw new Error(`${describe()}\n→ no answer: ${String(error)} ${String(cause)}`)
  })
  const location = response.headers.get("location")
  const violation = await contractViolation(request, response)
  if (violation !== undefined) {
    throw new Error(`${describe()}\n→ ${violation}`)
  }
  const expectation = request.expectation
  if (expectation.kind === "success" && expectation.roundTripName !== undefined && location !== null) {
    // Unicode and control characters in names are valid: they must come back exactly as sent.
    const stored = (await (await send(location, { method: "GET" })).json()) as { name: string }
    expect(stored.name).toBe(expectation.roundTripName)
  }
}

/** Runs one category; fast-check's own report would print whole counterexamples (megabytes for huge bodies). */
export const fuzzCategory = async (
  name: string,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  numRuns: number,
  exercise: (request: FuzzRequest) => Promise<void>,
) => {
  const outcome = await fc.check(fc.asyncProperty(arbitrary, exercise), {
    numRuns: Math.ceil(numRuns * fuzzSettings.scale),
    ...(fuzzSettings.seed === undefined ? {} : { seed: fuzzSettings.seed }),
  })
  if (outcome.failed) {
    throw new Error(
      `${name} failed (seed ${outcome.seed}, path ${outcome.counterexamplePath}): ${String(outcome.errorInstance).slice(0, 2000)}`,
    )
  }
}
