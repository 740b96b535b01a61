import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { accord, examples } from "./accord-process.js"

const scratch = mkdtempSync(join(tmpdir(), "accord-validate-"))
const file = (name: string, text: string) => {
  writeFileSync(join(scratch, name), text)
  return name
}

/** The "file:line:col  path: message" lines of a failed validation. */
const problemLines = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("  "))

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m)

describe.concurrent("accord validate", () => {
  it("accepts the three examples in one call (exit 0), one line each", async () => {
    const names = ["baseline.yaml", "extra-sanctions-month-3.yaml", "energy-grant-1bn.yaml"]
    const result = await accord(["validate", ...names], examples)
    expect(result).toMatchObject({ code: 0, stderr: "" })
    const lines = result.stdout.trimEnd().split("\n")
    expect(lines).toHaveLength(3)
    for (const [i, name] of names.entries()) {
      expect(lines[i]).toMatch(
        new RegExp(`^${name}: valid \\(pack sybiha-visit-2025, 24 months, 1000 runs, seed 42`),
      )
    }
  })

  it("lists every problem of a YAML file with its path, line and column (exit 1)", async () => {
    const name = file(
      "bad.yaml",
      [
        "# comments count as lines",
        "pack: sybiha-visit-2025",
        "runs: 0",
        "colour: blue",
        "interventions:",
        "  - type: sanctions-package",
        "    month: 3",
        "    coverage: 1.5",
        "    enforcement: 0.8",
        "  - type: aid-package",
        "    month: 6",
        "    sector: energy",
        "    amountUsdM: -5",
        "    form: grant",
        "  - type: teleport",
        "",
      ].join("\n"),
    )
    const result = await accord(["validate", name], scratch)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe("")
    expect(result.stderr).toMatch(/^accord: bad\.yaml is not a valid scenario \(5 problems\)\n/)
    const lines = problemLines(result.stderr)
    expect(lines).toHaveLength(5)
    const at = (position: string, path: string) =>
      expect(lines.some((l) => l.startsWith(`  bad.yaml:${position}  ${path}: `))).toBe(true)
    at("3:7", "runs")
    at("4:1", "colour")
    at("8:15", "interventions.0.coverage")
    at("13:17", "interventions.1.amountUsdM")
    at("15:11", "interventions.2.type")
    noStackTrace(result.stderr)
  })

  it("words each mistake once, with the allowed values and the one meant (exit 1)", async () => {
    const name = file(
      "typos.yaml",
      [
        "pack: sybiha-visit-2025",
        "interventions:",
        "  - { type: aid-package, month: 1, sector: moon, amountUsdM: 5, form: grant }",
        "  - { type: delay, commitment: energy-project, months: 6 }",
        "",
      ].join("\n"),
    )
    const result = await accord(["validate", name], scratch)
    expect(result.code).toBe(1)
    expect(problemLines(result.stderr)).toEqual([
      '  typos.yaml:3:44  interventions.0.sector: expected one of energy, digital, health, smes, infrastructure, demining, humanitarian; got "moon"',
    ])
    const typo = file(
      "typo.yaml",
      "pack: sybiha-visit-2025\ninterventions:\n  - { type: delay, commitment: energy-project, months: 6 }\n",
    )
    const cross = await accord(["validate", typo], scratch)
    expect(problemLines(cross.stderr)).toEqual([
      expect.stringMatching(
        /^ {2}typo\.yaml:3:32 {2}interventions\.0\.commitment: unknown commitment in pack 'sybiha-visit-2025': expected one of .*; got "energy-project" \(did you mean "energy-projects"\?\)$/,
      ),
    ])
  })

  it("checks ids and months against the pack, and gives JSON files and syntax errors positions (one call)", async () => {
    const cross = file(
      "cross.yaml",
      [
        "pack: sybiha-visit-2025",
        "horizonMonths: 12",
        "interventions:",
        "  - { type: withdraw, commitment: no-such-thing, month: 2 }",
        "  - { type: aid-package, month: 30, sector: health, amountUsdM: 10, form: loan }",
        "assumptions:",
        "  energy.cost-per-mw-usd-m: 99",
        "",
      ].join("\n"),
    )
    const json = file(
      "bad.json",
      '{\n  "pack": "sybiha-visit-2025",\n  "seed": -1,\n  "interventions": [\n    { "type": "delay", "commitment": "energy-projects", "months": 0 }\n  ]\n}\n',
    )
    const brokenYaml = file("broken.yaml", "pack: sybiha-visit-2025\nruns: 10\nruns: 20\n")
    const brokenJson = file("broken.json", '{\n  "pack": "sybiha-visit-2025",\n  "runs": 10,\n}\n')
    const result = await accord(["validate", cross, json, brokenYaml, brokenJson], scratch)
    expect(result).toMatchObject({ code: 1, stdout: "" })
    expect(result.stderr).toMatch(/^accord: 4 of 4 scenario files are invalid/)
    const lines = problemLines(result.stderr)
    const has = (pattern: RegExp) => expect(lines).toContainEqual(expect.stringMatching(pattern))
    has(
      /^ {2}cross\.yaml:4:\d+ {2}interventions\.0\.commitment: unknown commitment in pack 'sybiha-visit-2025': .*; got "no-such-thing"$/,
    )
    has(/^ {2}cross\.yaml:5:\d+ {2}interventions\.1\.month: .*past the horizon/)
    // The assumption id contains a dot; the position still finds its line.
    has(/^ {2}cross\.yaml:7:\d+ {2}assumptions\.energy\.cost-per-mw-usd-m: /)
    has(/^ {2}bad\.json:3:11 {2}seed: /)
    has(/^ {2}bad\.json:5:\d+ {2}interventions\.0\.months: /)
    has(/^ {2}broken\.yaml:3:1 {2}invalid YAML: /)
    has(/^ {2}broken\.json:4:1 {2}invalid JSON: /)
    noStackTrace(result.stderr)
  })

  it("says plainly when a file cannot be read, and names each file when several are bad", async () => {
    const broken = file("duplicate-key.yaml", "pack: sybiha-visit-2025\nruns: 10\nruns: 20\n")
    const [missing, several] = await Promise.all([
      accord(["validate", "missing.yaml"], scratch),
      accord(["validate", "missing.yaml", join(examples, "baseline.yaml"), broken], scratch),
    ])
    expect(missing).toMatchObject({ code: 1, stdout: "" })
    expect(missing.stderr).toBe("accord: cannot read missing.yaml: no such file\n")
    expect(several.code).toBe(1)
    expect(several.stdout).toMatch(/baseline\.yaml: valid/)
    expect(several.stderr).toMatch(/^accord: 2 of 3 scenario files are invalid/)
    expect(problemLines(several.stderr)).toEqual([
      "  missing.yaml  cannot read: no such file",
      expect.stringMatching(/^ {2}duplicate-key\.yaml:3:1 {2}invalid YAML: /),
    ])
  })
})
