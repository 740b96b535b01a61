import { invalidInput, type ValidationIssue } from "@accord/domain"
import { Effect, Schema } from "effect"
import type { Context, Hono } from "hono"
import type { RunHandler } from "./effect-handler.js"
import type { ServiceError } from "./error-table.js"
import type { Operation, ParameterSpec } from "./operation.js"
import { decodeStrict, readJsonBody } from "./request-input.js"

type Params = Readonly<Record<string, ParameterSpec>>
/** A route that declares none of these parameters. */
type NoParams = Readonly<Record<never, ParameterSpec>>

/** The decoded values of declared parameters; an optional one (query, header) may be undefined. */
export type ParamsOf<P, AllRequired extends boolean = false> = {
  readonly [K in keyof P]: P[K] extends { readonly schema: infer S extends Schema.Schema.Any }
    ? AllRequired extends true
      ? Schema.Schema.Type<S>
      : P[K] extends { readonly required: true }
        ? Schema.Schema.Type<S>
        : Schema.Schema.Type<S> | undefined
    : never
}

type BodyOf<B> = B extends Schema.Schema.Any ? Schema.Schema.Type<B> : undefined

/** What a handler is handed: the request's parts, decoded with the route's declared schemas. */
export interface RouteInput<P, Q, H, B, G> {
  readonly path: ParamsOf<P, true>
  readonly query: ParamsOf<Q>
  readonly headers: ParamsOf<H>
  readonly body: BodyOf<B>
  /** What the route's guard answered (undefined without a guard). */
  readonly guard: G
}

/**
 * One route, declared once: its OpenAPI entry (the `Operation` fields), how its input is checked, and its
 * handler. Input is decoded in this order, and the first failure answers: path parameters, the guard,
 * the query string (then its `queryCheck`), request headers, the body (then its `bodyCheck`).
 */
export interface RouteSpec<P, Q, H, B, G, EG, RG, E, R>
  extends Omit<Operation, "pathParams" | "query" | "headers" | "body"> {
  readonly pathParams?: P
  /** Declared: the query string is decoded strictly (an unknown parameter is a 400); left out: not read. */
  readonly query?: Q
  /** What the query's schemas cannot say, read against what the guard found (a run index within the report's runs). */
  readonly queryCheck?: (query: ParamsOf<Q>, guard: G) => ReadonlyArray<ValidationIssue>
  readonly headers?: H
  readonly body?: B
  /** How messages name the body, e.g. "the scenario spec is invalid (2 problems)"; "the request body" by default. */
  readonly bodyName?: string
  /** What the body's schema cannot say (ids of the pack, months within the horizon): issues answer 400 like a decode error's. */
  readonly bodyCheck?: (body: BodyOf<B>) => ReadonlyArray<ValidationIssue>
  /**
   * Runs after the path is decoded and before the query, headers and body are read: authentication, a rate
   * limit, the resource's existence (so a 401/403/404/429 comes before any 400 about the request's content).
   */
  readonly guard?: (c: Context, path: ParamsOf<P, true>) => Effect.Effect<G, EG, RG>
  readonly handler: (c: Context, input: RouteInput<P, Q, H, B, G>) => Effect.Effect<Response, E, R>
}

/** A declared route: what the OpenAPI document reads, and the request handler that registration mounts. */
export interface Route<R> {
  readonly operation: Operation
  readonly handle: (c: Context) => Effect.Effect<Response, ServiceError, R>
}

type Decoder = (input: unknown) => Effect.Effect<Record<string, unknown>, ServiceError>

/** A strict decoder of declared parameters (optional ones may be missing). */
const decoderOf = (params: Params, allRequired: boolean, what: string): Decoder => {
  const fields = Object.fromEntries(
    Object.entries(params).map(([name, p]) => [
      name,
      allRequired || p.required === true ? p.schema : Schema.optional(p.schema),
    ]),
  )
  const struct = Schema.Struct(fields) as unknown as Schema.Schema<Record<string, unknown>, unknown, never>
  return decodeStrict(struct, what)
}

/** The raw values of the parameters `read` finds, normalized where a parameter says how. */
const rawOf = (
  params: Params,
  read: (name: string) => string | undefined,
  all: Readonly<Record<string, string>> = {},
): Record<string, string> => {
  const raw: Record<string, string> = { ...all }
  for (const [name, p] of Object.entries(params)) {
    const value = read(name)
    if (value !== undefined) raw[name] = p.normalize === undefined ? value : p.normalize(value)
  }
  return raw
}

/** Reads and decodes the body: 415 for another media type, 400 for bad JSON, a schema misfit or a failed check. */
const bodyDecoder = (
  schema: Schema.Schema.Any,
  optional: boolean,
  what: string,
  check: ((body: never) => ReadonlyArray<ValidationIssue>) | undefined,
) => {
  const decode = decodeStrict(schema as Schema.Schema<unknown, unknown, never>, what)
  return (c: Context) =>
    Effect.gen(function* () {
      // An optional body left out (or blank) reads as {}.
      const body = yield* Effect.flatMap(readJsonBody(c, optional ? {} : undefined), decode)
      const issues = check?.(body as never) ?? []
      if (issues.length > 0) return yield* invalidInput(what, issues)
      return body
    })
}

type QueryCheck = (query: Record<string, unknown>, guard: unknown) => ReadonlyArray<ValidationIssue>

/** Reads and decodes the query string strictly, then checks it against what the guard found. */
const queryDecoder = (params: Params, check: QueryCheck | undefined) => {
  const what = "the query string"
  const decode = decoderOf(params, false, what)
  return (c: Context, guarded: unknown) =>
    Effect.gen(function* () {
      const query = yield* decode(rawOf(params, (name) => c.req.query(name), c.req.query()))
      const issues = check?.(query, guarded) ?? []
      if (issues.length > 0) return yield* invalidInput(what, issues)
      return query
    })
}

/** Declares a route once: the handler, its input schemas and its OpenAPI entry come from this one value. */
export const defineRoute = <
  const P extends Params = NoParams,
  const Q extends Params = NoParams,
  const H extends Params = NoParams,
  B extends Schema.Schema.Any | undefined = undefined,
  G = undefined,
  EG extends ServiceError = never,
  RG = never,
  E extends ServiceError = never,
  R = never,
>(
  spec: RouteSpec<P, Q, H, B, G, EG, RG, E, R>,
): Route<R | RG> => {
  const { guard, handler, bodyName, bodyCheck, queryCheck, ...operation } = spec
  const pathParams: Params = spec.pathParams ?? {}
  const headerParams: Params = spec.headers ?? {}
  // A part the route does not declare is not read (nor decoded) at all, except the query: see RouteSpec.query.
  const declares = (params: Params) => Object.keys(params).length > 0
  const decodePath = declares(pathParams) ? decoderOf(pathParams, true, "the path") : undefined
  const decodeQuery =
    spec.query === undefined ? undefined : queryDecoder(spec.query, queryCheck as QueryCheck | undefined)
  const decodeHeaders = declares(headerParams) ? decoderOf(headerParams, false, "the headers") : undefined
  const decodeBody =
    spec.body === undefined
      ? undefined
      : bodyDecoder(spec.body, spec.bodyOptional === true, bodyName ?? "the request body", bodyCheck)
  const handle = (c: Context) =>
    Effect.gen(function* () {
      const path =
        decodePath === undefined ? {} : yield* decodePath(rawOf(pathParams, (name) => c.req.param(name)))
      const guarded = guard === undefined ? undefined : yield* guard(c, path as ParamsOf<P, true>)
      const query = decodeQuery === undefined ? {} : yield* decodeQuery(c, guarded)
      const headers =
        decodeHeaders === undefined
          ? {}
          : yield* decodeHeaders(rawOf(headerParams, (name) => c.req.header(name)))
      const body = decodeBody === undefined ? undefined : yield* decodeBody(c)
      const input = { path, query, headers, body, guard: guarded }
      return yield* handler(c, input as RouteInput<P, Q, H, B, G>)
    })
  return { operation: operation as Operation, handle }
}

/** OpenAPI's /api/scenarios/{id} as Hono's /api/scenarios/:id. */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ":$1")

/** Registers every route on the app, each answered through `run` (the one place failures become statuses). */
export const mountRoutes = <R>(app: Hono, routes: ReadonlyArray<Route<R>>, run: RunHandler<R>): void => {
  for (const route of routes) {
    app.on(route.operation.method.toUpperCase(), honoPath(route.operation.path), (c) =>
      run(c, route.handle(c)),
    )
  }
}
