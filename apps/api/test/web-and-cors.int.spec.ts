import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { EventStore } from "@accord/event-store"
import { ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/app.js"
import { silentLogger } from "../src/http/request-log.js"
import { defaultWebDist } from "../src/routes/web-app.js"
import { apiLayer } from "../src/server.js"

const dist = mkdtempSync(join(tmpdir(), "accord-web-"))
mkdirSync(join(dist, "assets"))
writeFileSync(join(dist, "index.html"), "<!doctype html><title>Accord</title><div id=root></div>")
writeFileSync(join(dist, "assets", "app.js"), "console.log('accord')")

const runtime = ManagedRuntime.make(apiLayer(EventStore.memory()))
const app = makeApp(runtime, {
  logger: silentLogger,
  webDist: dist,
  corsOrigins: ["https://class.example.org"],
})
afterAll(async () => {
  await runtime.dispose()
  rmSync(dist, { recursive: true, force: true })
})

describe("the web app's build", () => {
  it("is looked for next to the api package, not in the cwd", () => {
    const apiRoot = fileURLToPath(new URL("..", import.meta.url))
    expect(defaultWebDist).toBe(resolve(apiRoot, "../web/dist"))
  })

  it("is served at / with its assets, and client-side routes fall back to index.html", async () => {
    const index = await app.request("/")
    expect(index.status).toBe(200)
    expect(await index.text()).toContain("<title>Accord</title>")
    const asset = await app.request("/assets/app.js")
    expect(asset.status).toBe(200)
    expect(asset.headers.get("content-type")).toMatch(/javascript/)
    const route = await app.request("/scenarios/abc/compare")
    expect(route.status).toBe(200)
    expect(await route.text()).toContain("<div id=root>")
  })

  it("never answers an API path with the page", async () => {
    const missing = await app.request("/api/not-a-route")
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: string }).error).toBe("NotFound")
    expect((await app.request("/api/health")).status).toBe(200)
    expect((await app.request("/openapi.json")).headers.get("content-type")).toMatch(/json/)
  })

  it("answers only GET and HEAD, and a missing file is a 404, not the page", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const path of ["/", "/index.html", "/scenarios/abc"]) {
        const refused = await app.request(path, { method })
        expect(refused.status).toBe(405)
        expect(refused.headers.get("allow")).toBe("GET, HEAD")
        expect(Object.keys((await refused.json()) as object).sort()).toEqual(["error", "issues", "message"])
      }
    }
    expect((await app.request("/", { method: "HEAD" })).status).toBe(200)
    for (const path of ["/favicon.ico", "/openapi.yaml", "/assets/missing.js"]) {
      const missing = await app.request(path)
      expect(missing.status).toBe(404)
      expect(((await missing.json()) as { error: string }).error).toBe("NotFound")
    }
  })

  it("is not served when it has not been built", async () => {
    const bare = makeApp(runtime, { logger: silentLogger, webDist: join(dist, "missing") })
    expect((await bare.request("/")).status).toBe(404)
  })
})

describe("CORS", () => {
  it("allows the configured origins and no others", async () => {
    const allowed = await app.request("/api/packs", { headers: { origin: "https://class.example.org" } })
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://class.example.org")
    const preflight = await app.request("/api/scenarios", {
      method: "OPTIONS",
      headers: {
        origin: "https://class.example.org",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    })
    expect(preflight.status).toBe(204)
    const other = await app.request("/api/packs", { headers: { origin: "https://elsewhere.example.com" } })
    expect(other.headers.get("access-control-allow-origin")).toBeNull()
  })

  it("is off unless configured", async () => {
    const plain = makeApp(runtime, { logger: silentLogger, webDist: dist })
    const response = await plain.request("/api/packs", { headers: { origin: "https://class.example.org" } })
    expect(response.headers.get("access-control-allow-origin")).toBeNull()
  })
})
