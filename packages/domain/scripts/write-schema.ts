// Writes the JSON Schema for scenario files from the ScenarioSpec schema: `pnpm --filter @accord/domain schema`.
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { scenarioSpecJsonSchemaText, scenarioSpecSchemaPath } from "../src/scenario-spec-json-schema.js"

const target = fileURLToPath(new URL(`../${scenarioSpecSchemaPath}`, import.meta.url))
writeFileSync(target, scenarioSpecJsonSchemaText())
console.log(`wrote ${target}`)
