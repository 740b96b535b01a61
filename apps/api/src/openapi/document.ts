import { JSONSchema, type Schema } from "effect"
import { ErrorBody } from "../http/api-error.js"
import { contentTypeOf, type ReportFormat } from "../http/report-format.js"
import type { Operation, ResponseSpec } from "./operation.js"

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
type JsonObject = { [key: string]: Json }

const defsPrefix = "#/$defs/"
const componentsPrefix = "#/components/schemas/"

/** Rewrites JSON Schema `$defs` references to OpenAPI component references. */
const relink = (value: Json): Json => {
  if (Array.isArray(value)) return value.map(relink)
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {}
    for (const [key, inner] of Object.entries(value as JsonObject)) {
      out[key] =
        key === "$ref" && typeof inner === "string" && inner.startsWith(defsPrefix)
          ? componentsPrefix + inner.slice(defsPrefix.length)
          : relink(inner)
    }
    return out
  }
  return value
}

/** Collects every schema's `$defs` into shared components; returns the inline schema for the use site. */
const makeSchemaCollector = () => {
  const components: JsonObject = {}
  const schemaOf = (schema: Schema.Schema.Any): Json => {
    const root = JSONSchema.make(schema as Schema.Schema<unknown, unknown, never>, {
      target: "openApi3.1",
    }) as unknown as JsonObject
    const { $defs, $schema: _ignored, ...rest } = root
    for (const [name, def] of Object.entries(($defs ?? {}) as JsonObject)) {
      if (!(name in components)) components[name] = relink(def)
    }
    return relink(rest)
  }
  return { components, schemaOf }
}

const reportFormats: ReadonlyArray<ReportFormat> = ["json", "markdown", "csv", "html"]

const contentFor = (response: ResponseSpec, schemaOf: (s: Schema.Schema.Any) => Json): Json | undefined => {
  const schema = response.schema === undefined ? undefined : schemaOf(response.schema)
  switch (response.kind ?? "json") {
    case "json":
      return schema === undefined ? undefined : { "application/json": { schema } }
    case "report":
      return Object.fromEntries(
        reportFormats.map((format) => [
          (contentTypeOf[format].split(";")[0] ?? "").trim(),
          format === "json" && schema !== undefined ? { schema } : { schema: { type: "string" } },
        ]),
      )
    case "event-stream":
      return { "text/event-stream": { schema: { type: "string" } } }
    case "html":
      return { "text/html": { schema: { type: "string" } } }
  }
}

/** Builds the OpenAPI 3.1 document from the operations the routes declare. */
export const makeOpenApiDocument = (operations: ReadonlyArray<Operation>, version: string): JsonObject => {
  const { components, schemaOf } = makeSchemaCollector()
  const errorRef = schemaOf(ErrorBody)
  const paths: JsonObject = {}
  for (const op of operations) {
    const parameters: Array<Json> = []
    for (const [name, p] of Object.entries(op.pathParams ?? {})) {
      parameters.push({
        name,
        in: "path",
        required: true,
        description: p.description,
        schema: schemaOf(p.schema),
      })
    }
    for (const [name, p] of Object.entries(op.query ?? {})) {
      parameters.push({
        name,
        in: "query",
        required: p.required ?? false,
        description: p.description,
        schema: schemaOf(p.schema),
      })
    }
    const responses: JsonObject = {}
    for (const [status, response] of Object.entries(op.responses)) {
      const content = contentFor(response, schemaOf)
      responses[status] =
        content === undefined
          ? { description: response.description }
          : { description: response.description, content }
    }
    responses.default = {
      description:
        "An error: 400 invalid input, 404 unknown id, 409 conflict, 413 too large, 415 not JSON, 503 store unavailable",
      content: { "application/json": { schema: errorRef } },
    }
    const operation: JsonObject = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      responses,
    }
    if (op.description !== undefined) operation.description = op.description
    if (parameters.length > 0) operation.parameters = parameters
    if (op.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: schemaOf(op.body) } },
      }
    }
    const pathItem = (paths[op.path] ?? {}) as JsonObject
    pathItem[op.method] = operation
    paths[op.path] = pathItem
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Accord API",
      version,
      description:
        "Run, store, replay and compare what-if scenarios of international commitments. A teaching model, not a forecast.",
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: components },
  }
}
