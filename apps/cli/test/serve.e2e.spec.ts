import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parse as parseYaml } from "yaml"
import { accord, examples, startAccord } from "./accord-process.js"

describe("accord serve", () => {
  it("serves the API over a SQLite log in --data, answers like accord run, and stops cleanly on Ctrl-C", async () => {
    const data = mkdtempSync(join(tmpdir(), "accord-serve-"))
    const server = startAccord(["serve", "--port", "0", "--data", data])
    try {
      const [, port] = await server.waitForStderr(/serving http:\/\/localhost:(\d+)/)
      const base = `http://127.0.0.1:${port}`
      const health = await fetch(`${base}/api/health`)
      expect(await health.json()).toEqual({ status: "ok", store: "sqlite" })
      expect(existsSync(join(data, "accord.sqlite"))).toBe(true)

      // The same scenario through the served API and through `accord run`: the same report.
      const spec = { ...parseYaml(readFileSync(join(examples, "baseline.yaml"), "utf8")), runs: 200 }
      const [simulated, cli] = await Promise.all([
        fetch(`${base}/api/simulate`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(spec),
        }).then(async (response) => ({ status: response.status, body: await response.text() })),
        accord(["run", join(examples, "baseline.yaml"), "--runs", "200"]),
      ])
      expect(simulated.status).toBe(200)
      expect(cli.code).toBe(0)
      const report = JSON.parse(simulated.body) as { hash: string; runs: number }
      expect(report.runs).toBe(200)
      expect(report.hash).toBe(JSON.parse(cli.stdout).hash)
    } finally {
      expect(await server.interrupt()).toBe(0)
    }
    expect(server.output().stderr).not.toMatch(/^\s+at /m)
  })

  it("fails with one message (exit 1) when the port is taken", async () => {
    const first = startAccord([
      "serve",
      "--port",
      "0",
      "--data",
      mkdtempSync(join(tmpdir(), "accord-serve-")),
    ])
    try {
      const [, port] = await first.waitForStderr(/serving http:\/\/localhost:(\d+)/)
      const second = await accord([
        "serve",
        "--port",
        String(port),
        "--data",
        mkdtempSync(join(tmpdir(), "accord-serve-")),
      ])
      expect(second.code).toBe(1)
      expect(second.stderr).toMatch(/^accord: the service did not start: .*EADDRINUSE/m)
      expect(second.stderr).not.toMatch(/^\s+at /m)
    } finally {
      await first.interrupt()
    }
  })
})
