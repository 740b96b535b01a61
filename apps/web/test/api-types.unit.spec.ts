import { readFile } from "node:fs/promises"
import { describe, expect, it } from "vitest"
import { clientTypesPath, renderClientTypes } from "../scripts/client-types.js"

describe("the web's typed client", () => {
  // The committed types are what `pnpm gen:client` renders from the service's document now: a route
  // whose schema changed without a new generation fails here, so the client cannot drift from the API.
  it("is generated from the current OpenAPI document (run `pnpm gen:client` if this fails)", async () => {
    const committed = await readFile(clientTypesPath, "utf8")
    expect(committed).toBe(await renderClientTypes())
  })
})
