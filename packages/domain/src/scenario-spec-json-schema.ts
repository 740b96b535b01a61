import { JSONSchema } from "effect"
import { ScenarioSpec } from "./scenario-spec.js"

/** Where the generated JSON Schema for scenario files is published (relative to the domain package). */
export const scenarioSpecSchemaPath = "schemas/scenario-spec.schema.json"

/** The JSON Schema (2020-12) of scenario files, generated from the ScenarioSpec schema. */
export const scenarioSpecJsonSchema = (): JSONSchema.JsonSchema7Root =>
  JSONSchema.make(ScenarioSpec, { target: "jsonSchema2020-12" })

/** The schema file's exact text: two-space JSON with a final newline. */
export const scenarioSpecJsonSchemaText = (): string =>
  `${JSON.stringify(scenarioSpecJsonSchema(), null, 2)}\n`
