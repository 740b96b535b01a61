// Resources the fuzz suite points path parameters at: a scenario, one of its runs, its report, the pack, and
// one item of every other collection the document lets a client create (so new resources are covered too).
import { builtInPacks } from "@accord/domain"
import fc from "fast-check"
import type { Fixtures } from "./fuzz-requests.js"
import { domainOverrides } from "./fuzz-requests.js"
import { arbitraryOf, type Components } from "./json-schema-arbitrary.js"
import type { OperationInfo } from "./request-catalog.js"

/** Sends one request to the service under test (in-process or over a port). */
export type Send = (
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
) => Promise<Response>

const post = (send: Send, url: string, body: unknown) =>
  send(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

/**
 * Sampling bodies between two fixture requests can take longer than the server's 5 s keep-alive on a loaded
 * machine; a kept-alive socket the server closed meanwhile resets the next request (ECONNRESET). Setup
 * only, before anything is under test: such a request is sent once more, on a new socket.
 */
const retryOnReset =
  (send: Send): Send =>
  (url, init) =>
    send(url, init).catch((error: unknown) => {
      const cause = (error as { cause?: { code?: string } }).cause
      if (cause?.code !== "ECONNRESET") throw error
      return send(url, init)
    })

/** Creates the resources and answers their ids by collection. */
export const createFixtures = async (
  sendOnce: Send,
  operations: ReadonlyArray<OperationInfo>,
  components: Components,
): Promise<Fixtures> => {
  const send = retryOnReset(sendOnce)
  const pack = builtInPacks[0]?.id ?? "sybiha-visit-2025"
  const created = await post(send, "/api/scenarios", { pack, runs: 20, horizonMonths: 6, name: "fixture" })
  if (created.status !== 201) throw new Error(`could not create the fixture scenario: ${created.status}`)
  const { id: scenarioId } = (await created.json()) as { id: string }
  const run = await send(`/api/scenarios/${scenarioId}/runs`, { method: "POST" })
  if (run.status !== 201) throw new Error(`could not run the fixture scenario: ${run.status}`)
  const tokens: Record<string, string> = {}
  const byCollection: Record<string, Record<string, string>> = {
    "/api/scenarios": { id: scenarioId },
    "/api/runs": { id: run.headers.get("x-run-id") ?? "" },
    "/api/reports": { hash: run.headers.get("x-report-hash") ?? "" },
    "/api/packs": { id: pack },
  }
  // Any other collection with a POST: try a few valid bodies until one is created.
  for (const op of operations) {
    if (op.method !== "POST" || op.body === undefined || op.pathParams.length > 0) continue
    if (byCollection[op.template] !== undefined || !op.template.startsWith("/api/")) continue
    const bodies = fc.sample(arbitraryOf(op.body, components, domainOverrides), { numRuns: 30, seed: 7 })
    for (const body of bodies) {
      const response = await post(send, op.template, body)
      if (response.status === 201 || response.status === 200) {
        const answer = (await response.json()) as Record<string, unknown>
        if (typeof answer.id === "string") byCollection[op.template] = { id: answer.id }
        // A token answered at creation (e.g. a facilitator's) is sent with the collection's requests.
        const token = Object.entries(answer).find(
          ([key, value]) => /token$/i.test(key) && typeof value === "string",
        )
        if (token !== undefined) tokens[op.template] = token[1] as string
        break
      }
    }
  }
  // A template is saved and deleted with the facilitator token of an exercise.
  const facilitator = tokens["/api/exercises"]
  if (facilitator !== undefined) tokens["/api/exercise-templates"] = facilitator
  return { byCollection, tokens }
}
