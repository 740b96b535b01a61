// The service's operations as its OpenAPI document declares them: method, path template, parameters and
// request body schema. The fuzz suite builds its requests from this list and nothing else.
import type { Components, JsonSchema } from "./json-schema-arbitrary.js"

export interface Parameter {
  readonly name: string
  readonly schema: JsonSchema
  readonly required: boolean
}

/** One operation of the document. */
export interface OperationInfo {
  readonly operationId: string
  readonly method: "GET" | "POST" | "DELETE" | "PUT" | "PATCH"
  readonly template: string
  readonly pathParams: ReadonlyArray<Parameter>
  readonly queryParams: ReadonlyArray<Parameter>
  readonly body: JsonSchema | undefined
  /** The document's `requestBody.required`: an optional body may be left out (sent empty). */
  readonly bodyRequired: boolean
}

interface DocumentShape {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>
  readonly components: { readonly schemas: Components }
}

/** Every operation of the document, in its order. */
export const operationsOf = (document: unknown): ReadonlyArray<OperationInfo> => {
  const doc = document as DocumentShape
  const operations: Array<OperationInfo> = []
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters = (op.parameters ?? []) as ReadonlyArray<{
        name: string
        in: string
        required?: boolean
        schema: JsonSchema
      }>
      const requestBody = op.requestBody as
        | { required?: boolean; content: Record<string, { schema: JsonSchema } | undefined> }
        | undefined
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase() as OperationInfo["method"],
        template,
        pathParams: parameters
          .filter((p) => p.in === "path")
          .map((p) => ({ name: p.name, schema: p.schema, required: true })),
        queryParams: parameters
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required ?? false })),
        body: requestBody?.content["application/json"]?.schema,
        bodyRequired: requestBody?.required ?? false,
      })
    }
  }
  return operations
}

/** The document's shared schemas. */
export const componentsOf = (document: unknown): Components => (document as DocumentShape).components.schemas

/** Fills a path template ({id}) with already-encoded segments. */
export const fillPath = (template: string, segments: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const segment = segments[name]
    if (segment === undefined) throw new Error(`no value for {${name}} in ${template}`)
    return segment
  })

/** The collection a path template hangs from, e.g. /api/scenarios for /api/scenarios/{id}/events. */
export const collectionOf = (template: string): string | undefined => {
  const at = template.indexOf("/{")
  return at === -1 ? undefined : template.slice(0, at)
}
