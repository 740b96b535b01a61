import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { accord, workspaceRoot } from "./accord-process.js"

describe.concurrent("accord packs, pack and schema", () => {
  it("lists the built-in packs as text and as JSON", async () => {
    const [text, json] = await Promise.all([accord(["packs"]), accord(["packs", "--json"])])
    expect(text).toMatchObject({ code: 0, stderr: "" })
    expect(text.stdout).toMatch(/^sybiha-visit-2025 {2}Sybiha's first official visit to Japan/)
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: "sybiha-visit-2025", startMonth: "2025-08", commitments: 19 }),
    ])
  })

  it("shows a pack's commitments, assumptions and sources; an unknown id is exit 1", async () => {
    const [pack, unknown] = await Promise.all([
      accord(["pack", "sybiha-visit-2025"]),
      accord(["pack", "atlantis"]),
    ])
    expect(pack.code).toBe(0)
    expect(pack.stdout).toContain("  era-loan: ERA loan from immobilized Russian assets (JPY 471.9 bn)")
    expect(pack.stdout).toContain("  energy.cost-per-mw-usd-m: ")
    expect(pack.stdout).toMatch(/ {4}source \([HML]\): .+ https:\/\/\S+/)
    expect(pack.stdout).toContain("    confidence M, predates the visit: Japan's ERA share")
    expect(pack.stdout).toContain("sanctions.pressure_index")
    expect(unknown).toMatchObject({ code: 1, stdout: "" })
    expect(unknown.stderr).toBe(
      "accord: no built-in pack 'atlantis': expected sybiha-visit-2025; got \"atlantis\"\n",
    )
  })

  it("prints the scenario JSON Schema, identical to the one the domain ships", async () => {
    const result = await accord(["schema"])
    expect(result.code).toBe(0)
    const schema = JSON.parse(result.stdout)
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
    expect(schema.$defs.ScenarioSpec.properties).toHaveProperty("interventions")
    expect(result.stdout).toBe(
      readFileSync(join(workspaceRoot, "packages", "domain", "schemas", "scenario-spec.schema.json"), "utf8"),
    )
  })
})

describe.concurrent("usage errors exit 2, help exits 0", () => {
  it.for([
    [[], "expected a subcommand"],
    [["frobnicate"], "Invalid subcommand"],
    [["run"], "Missing argument"],
    [["run", "x.yaml", "--seed", "-1"], "--seed: between 0 and 4,294,967,295 (the random seed); got -1"],
    [["run", "x.yaml", "--runs", "0"], "--runs: between 1 and 100,000 Monte Carlo runs; got 0"],
    [
      ["run", "x.yaml", "--format", "pdf"],
      '--format: expected one of json, md, markdown, csv, html; got "pdf"',
    ],
    [
      ["run", "x.yaml", "--format", "mdx"],
      '--format: expected one of json, md, markdown, csv, html; got "mdx" (did you mean "md"?)',
    ],
  ] as const)("accord %j", async ([args, message]) => {
    const result = await accord(args)
    expect(result).toMatchObject({ code: 2, stdout: "" })
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(/^\s+at /m)
  })

  it("accord --help lists every subcommand", async () => {
    const result = await accord(["--help"])
    expect(result.code).toBe(0)
    for (const name of ["run", "compare", "validate", "packs", "pack", "schema", "serve"]) {
      expect(result.stdout).toContain(`- ${name} `)
    }
  })
})
