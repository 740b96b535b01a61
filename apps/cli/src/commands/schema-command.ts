import { scenarioSpecJsonSchemaText } from "@accord/domain"
import { Command } from "@effect/cli"
import { writeStdout } from "../report-output.js"

/**
 * `accord schema`: print the JSON Schema for scenario files, for editors and
 * validators. It is generated from the schema that decodes the files, and is
 * the same text as packages/domain/schemas/scenario-spec.schema.json.
 */
export const schemaCommand = Command.make("schema", {}, () => writeStdout(scenarioSpecJsonSchemaText())).pipe(
  Command.withDescription(
    "Print the JSON Schema (2020-12) for scenario files; point your editor's YAML/JSON schema setting at it.",
  ),
)
