import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import Ajv2020 from "ajv/dist/2020.js"
import { describe, expect, it } from "vitest"
import {
  scenarioSpecJsonSchema,
  scenarioSpecJsonSchemaText,
  scenarioSpecSchemaPath,
} from "../src/scenario-spec-json-schema.js"

const checkedIn = readFileSync(
  fileURLToPath(new URL(`../${scenarioSpecSchemaPath}`, import.meta.url)),
  "utf8",
)

describe("JSON Schema for scenario files", () => {
  it("is up to date with ScenarioSpec (if not: pnpm --filter @accord/domain schema)", () => {
    expect(checkedIn).toBe(scenarioSpecJsonSchemaText())
  })

  it("accepts the contract's example and rejects what the decoder rejects structurally", () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(scenarioSpecJsonSchema())
    const example = {
      pack: "sybiha-visit-2025",
      horizonMonths: 24,
      interventions: [
        { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 },
        { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" },
        { type: "delay", commitment: "energy-projects", months: 6 },
        { type: "withdraw", commitment: "defense-consultations", month: 9 },
      ],
    }
    expect(validate(example)).toBe(true)
    expect(validate({ ...example, colour: "red" })).toBe(false)
    expect(validate({ ...example, runs: 0 })).toBe(false)
    expect(validate({ ...example, interventions: [{ type: "embargo", month: 1 }] })).toBe(false)
    expect(validate({ pack: "Not A Slug" })).toBe(false)
  })
})
