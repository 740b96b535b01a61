import { JSONSchema, Schema } from "effect"
import { ErrorBody } from "../http/api-error.js"
import type { Operation, ResponseSpec } from "../http/operation.js"
import { contentTypeOf, type ReportFormat } from "../http/report-format.js"

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

/** A query or path parameter: numbers travel as text but are documented as the numbers they decode to. */
const parameterSchema = (schema: Schema.Schema.Any, schemaOf: (s: Schema.Schema.Any) => Json): Json => {
  const decoded = schemaOf(Schema.typeSchema(schema)) as JsonObject
  return decoded.type === "integer" || decoded.type === "number" ? decoded : schemaOf(schema)
}

const parametersOf = (op: Operation, schemaOf: (s: Schema.Schema.Any) => Json): Array<Json> => {
  const parameters: Array<Json> = []
  const sources = [
    ["path", op.pathParams],
    ["query", op.query],
    ["header", op.headers],
  ] as const
  for (const [where, specs] of sources) {
    for (const [name, p] of Object.entries(specs ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === "path" ? true : (p.required ?? false),
        description: p.description,
        schema: parameterSchema(p.schema, schemaOf),
      })
    }
  }
  return parameters
}

const responseOf = (response: ResponseSpec, schemaOf: (s: Schema.Schema.Any) => Json): JsonObject => {
  const content = contentFor(response, schemaOf)
  const headers = response.headers ?? {}
  const out: JsonObject = { description: response.description }
  if (content !== undefined) out.content = content
  if (Object.keys(headers).length > 0) {
    out.headers = Object.fromEntries(
      Object.entries(headers).map(([name, h]) => [
        name,
        { description: h.description, schema: schemaOf(h.schema) },
      ]),
    )
  }
  return out
}

const errorStatuses =
  "An error: 400 invalid input, 404 unknown id, 409 conflict, 413 too large, 415 not JSON, 429 too many requests, 503 store unavailable"

const operationOf = (op: Operation, schemaOf: (s: Schema.Schema.Any) => Json, errorRef: Json): JsonObject => {
  const errorContent = { "application/json": { schema: errorRef } }
  const responses: JsonObject = {}
  for (const [status, response] of Object.entries(op.responses))
    responses[status] = responseOf(response, schemaOf)
  if (op.security === "bearer") {
    responses[401] = {
      description: "No bearer token, or one this exercise does not know",
      content: errorContent,
    }
    responses[403] = { description: "The token's holder may not do this", content: errorContent }
  }
  responses.default = { description: errorStatuses, content: errorContent }
  const operation: JsonObject = {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    responses,
  }
  if (op.description !== undefined) operation.description = op.description
  const parameters = parametersOf(op, schemaOf)
  if (parameters.length > 0) operation.parameters = parameters
  if (op.security === "bearer") operation.security = [{ bearer: [] }]
  if (op.body !== undefined) {
    operation.requestBody = {
      required: op.bodyOptional !== true,
      content: { "application/json": { schema: schemaOf(op.body) } },
    }
  }
  return operation
}

/** Builds the OpenAPI 3.1 document from the operations the routes declare. */
export const makeOpenApiDocument = (operations: ReadonlyArray<Operation>, version: string): JsonObject => {
  const { components, schemaOf } = makeSchemaCollector()
  const errorRef = schemaOf(ErrorBody)
  const paths: JsonObject = {}
  for (const op of operations) {
    const pathItem = (paths[op.path] ?? {}) as JsonObject
    pathItem[op.method] = operationOf(op, schemaOf, errorRef)
    paths[op.path] = pathItem
  }
  return {
    openapi: "3.1.0",
    // Said outright: without it, validators such as Prism read the schemas as draft-07 and ignore
    // 2020-12's prefixItems (the tuples of the sensitivity intervals).
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Accord API",
      version,
      description:
        "Run, store, replay and compare what-if scenarios of international commitments. A teaching model, not a forecast.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "An exercise's facilitator token or a team token, as answered when it was created or joined",
        },
      },
    },
  }
}
