import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { accord } from "./accord-process.js"

const dir = mkdtempSync(join(tmpdir(), "accord-cli-observations-"))
const data = join(dir, "data")
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe("accord observations and backtest, on a real SQLite event log", () => {
  it("lists the seed, adds from YAML (refusing a bad file with its line), and backtests", async () => {
    const listed = await accord(["observations", "list", "--data", data, "--json"])
    expect(listed.code).toBe(0)
    // Each run loads the TypeScript sources through tsx (seconds each on a busy machine): the refusals run together.
    expect(JSON.parse(listed.stdout).version).toBe(15)

    const unsourced = file(
      "unsourced.yaml",
      "id: era-second\ndate: 2026-03-31\nabout: { commitment: era-loan }\nvalue: 800\nconfidence: M\n",
    )
    const unknown = file(
      "unknown.yaml",
      "- id: x\n  date: 2026-03-01\n  about: { commitment: atlantis }\n  state: agreed\n  confidence: L\n",
    )
    const [refused, wrongId] = await Promise.all([
      accord(["observations", "add", unsourced, "--data", data]),
      accord(["observations", "add", unknown, "--data", data]),
    ])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain("source: a source URL is required for confidence M")

    expect(wrongId.code).toBe(1)
    expect(wrongId.stderr).toMatch(
      /unknown\.yaml:3:\d+ {2}0\.about\.commitment: unknown commitment in pack 'sybiha-visit-2025': expected one of .*; got "atlantis"/,
    )

    const good = file(
      "good.yaml",
      "observations:\n  - id: era-second\n    date: 2026-03-31\n    about: { commitment: era-loan }\n    value: 800\n    source: https://example.org/era\n    confidence: M\n",
    )
    const added = await accord(["observations", "add", good, "--data", data])
    expect(added).toMatchObject({ code: 0, stderr: "" })
    const [after, backtest] = await Promise.all([
      accord(["observations", "list", "--data", data]),
      accord(["backtest", "--as-of", "2025-12-31", "--runs", "200", "--format", "json", "--data", data]),
    ])
    expect(after.stdout).toContain("2026-03-31  era-second  commitment era-loan: value 800  [M]")
    expect(after.stdout).toContain("stream version 16")

    expect(backtest.code).toBe(0)
    const body = JSON.parse(backtest.stdout)
    expect(body.asOf).toBe("2025-12-31")
    expect(body.observations.map((r: { id: string }) => r.id)).toContain("era-second")
  }, 400_000)
})
