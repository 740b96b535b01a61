import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Comparison, Report } from "@accord/engine"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { accord, examples } from "./accord-process.js"

/**
 * Splits the CLI's CSV into records. The built-in pack's ids and units hold no
 * commas, quotes or line breaks (asserted here); the renderer's own tests
 * round-trip hostile fields through a full RFC 4180 parser.
 */
const parseCsv = (text: string, _options: { columns: true }): Array<Record<string, string>> => {
  expect(text).not.toContain('"')
  const [header, ...lines] = text.split("\r\n").filter((line) => line !== "")
  const columns = (header ?? "").split(",")
  return lines.map((line) => Object.fromEntries(line.split(",").map((value, i) => [columns[i], value])))
}

const scratch = mkdtempSync(join(tmpdir(), "accord-run-"))
const baseline = join(examples, "baseline.yaml")
const energy = join(examples, "energy-grant-1bn.yaml")

describe.concurrent("accord run", () => {
  it("prints the canonical JSON report for a file named relative to the caller's directory", async () => {
    const result = await accord(["run", "energy-grant-1bn.yaml", "--runs", "200"], examples)
    expect(result).toMatchObject({ code: 0, stderr: "" })
    const report = Schema.decodeUnknownSync(Report)(JSON.parse(result.stdout))
    expect(report).toMatchObject({ pack: "sybiha-visit-2025", runs: 200, seed: 42, horizonMonths: 24 })
    expect(report.spec.interventions).toHaveLength(1)
    expect(result.stdout.endsWith("}\n")).toBe(true)
    expect(result.stdout.slice(0, -1)).not.toContain("\n")
  })

  it("applies --runs, --seed and --horizon over the file and writes Markdown, CSV and HTML", async () => {
    const common = ["run", baseline, "--runs", "150", "--seed", "7", "--horizon", "36"]
    const [md, csv, html] = await Promise.all([
      accord([...common, "--format", "md"]),
      accord([...common, "--format", "csv"]),
      accord([...common, "--out", join(scratch, "nested", "report.html")]),
    ])
    expect(md.code).toBe(0)
    expect(md.stdout).toMatch(/^# Accord scenario report: Baseline/)
    expect(md.stdout).toContain("teaching model, not a forecast")
    expect(md.stdout).toContain("- **Runs:** 150 (seed 7)")
    expect(md.stdout).toContain("| 36 (Aug 2028) |")
    expect(csv.code).toBe(0)
    const rows = parseCsv(csv.stdout, { columns: true })
    expect(Object.keys(rows[0] ?? {})).toEqual(["indicator", "unit", "month", "statistic", "value"])
    expect(new Set(rows.map((r) => r.month)).size).toBe(37)
    expect(rows.every((r) => Number.isFinite(Number(r.value)))).toBe(true)
    // --out infers the format from the extension, creates folders, and leaves stdout empty.
    expect(html).toMatchObject({ code: 0, stdout: "" })
    const page = readFileSync(join(scratch, "nested", "report.html"), "utf8")
    expect(page).toMatch(/^<!doctype html>/)
    expect(page).toContain("<svg")
  })

  it("rejects an invalid file with exit 1 and each problem's position", async () => {
    writeFileSync(
      join(scratch, "late.yaml"),
      "pack: sybiha-visit-2025\nhorizonMonths: 6\ninterventions:\n  - type: withdraw\n    commitment: era-loan\n    month: 9\n",
    )
    const late = await accord(["run", "late.yaml"], scratch)
    expect(late).toMatchObject({ code: 1, stdout: "" })
    expect(late.stderr).toContain(
      "  late.yaml:6:12  interventions.0.month: past the horizon: at most 6 (horizonMonths); got 9",
    )
  })
})

describe.concurrent("accord compare", () => {
  it("shows exactly zero deltas when a file is compared with itself", async () => {
    const json = await accord(["compare", baseline, baseline, "--runs", "200"])
    expect(json.code).toBe(0)
    const comparison = Schema.decodeUnknownSync(Comparison)(JSON.parse(json.stdout))
    expect(comparison.indicators.length).toBeGreaterThan(5)
    for (const indicator of comparison.indicators) {
      for (const row of indicator.series) {
        expect([row.deltaP10, row.deltaP50, row.deltaP90, row.deltaMean, row.shareVariantHigher]).toEqual([
          0, 0, 0, 0, 0,
        ])
        expect(row.variantP50).toBe(row.baselineP50)
      }
    }
  })

  it("shows the energy grant's effect, largest change first, in a Markdown handout", async () => {
    const result = await accord(["compare", baseline, energy, "--runs", "300", "-f", "md"])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^# Accord comparison: USD 1 bn energy grant package in month 6 vs Baseline/,
    )
    const horizon = result.stdout.split("## Changes at the horizon (month 24)")[1] ?? ""
    const firstRow = horizon
      .split("\n")
      .find((line) => /^\| [A-Z]/.test(line) && !line.startsWith("| indicator"))
    expect(firstRow).toMatch(/^\| Energy capacity, net \| MW \|/)
    expect(result.stdout).toContain("Month 6 (Feb 2026): a USD 1 bn energy grant")
  })

  it("refuses scenarios that cannot be paired run by run (exit 1), pointing at the variant's field", async () => {
    writeFileSync(join(scratch, "seed-7.yaml"), "pack: sybiha-visit-2025\nruns: 1000\nseed: 7\n")
    const result = await accord(["compare", baseline, "seed-7.yaml"], scratch)
    expect(result).toMatchObject({ code: 1, stdout: "" })
    expect(result.stderr).toMatch(/cannot be compared run by run/)
    expect(result.stderr).toMatch(
      /^ {2}seed-7\.yaml:3:7 {2}seed: must equal the baseline's seed \(42\), got 7$/m,
    )
  })
})
