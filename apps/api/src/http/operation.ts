import type { Schema } from "effect"

/** How a response body is shaped, which decides its media types in the document. */
export type ResponseKind = "json" | "report" | "event-stream" | "html"

export interface ResponseSpec {
  readonly description: string
  readonly schema?: Schema.Schema.Any
  /** Defaults to "json". */
  readonly kind?: ResponseKind
  /** Response headers the handler sets (a "report" response also carries x-report-hash). */
  readonly headers?: Readonly<Record<string, HeaderSpec>>
}

export interface HeaderSpec {
  readonly description: string
  readonly schema: Schema.Schema.Any
}

export interface ParameterSpec {
  readonly description: string
  readonly schema: Schema.Schema.Any
  /** Query and header parameters are optional unless this is true; path parameters always required. */
  readonly required?: boolean
  /** Applied to the raw text before it is decoded (ids typed by hand: any case, separators optional). */
  readonly normalize?: (raw: string) => string
}

/**
 * One HTTP operation as the OpenAPI document sees it: the part of a route declaration (http/route.ts)
 * that the document reads. The route decodes its input with these very schemas.
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
  /** Request headers the handler reads (other than Authorization, which `security` declares). */
  readonly headers?: Readonly<Record<string, ParameterSpec>>
  readonly body?: Schema.Schema.Any
  /** Whether the body may be left out (default: required). */
  readonly bodyOptional?: boolean
  /** "bearer": the operation wants `Authorization: Bearer <token>` (401 without, 403 for the wrong one). */
  readonly security?: "bearer"
  readonly responses: Readonly<Record<number, ResponseSpec>>
}
