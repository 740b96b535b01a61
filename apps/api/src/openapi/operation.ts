import type { Schema } from "effect"

/** How a response body is shaped, which decides its media types in the document. */
export type ResponseKind = "json" | "report" | "event-stream" | "html"

export interface ResponseSpec {
  readonly description: string
  readonly schema?: Schema.Schema.Any
  /** Defaults to "json". */
  readonly kind?: ResponseKind
}

export interface ParameterSpec {
  readonly description: string
  readonly schema: Schema.Schema.Any
  readonly required?: boolean
}

/**
 * One HTTP operation as the OpenAPI document sees it. Route files declare these next
 * to their handlers and decode with the very same schemas.
 */
export interface Operation {
  readonly method: "get" | "post" | "delete"
  /** OpenAPI path, e.g. /api/scenarios/{id}. */
  readonly path: string
  readonly operationId: string
  readonly tag: string
  readonly summary: string
  readonly description?: string
  readonly pathParams?: Readonly<Record<string, ParameterSpec>>
  readonly query?: Readonly<Record<string, ParameterSpec>>
  readonly body?: Schema.Schema.Any
  readonly responses: Readonly<Record<number, ResponseSpec>>
}
