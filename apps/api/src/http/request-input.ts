import { InvalidInput, issuesFromParseError, strictParseOptions } from "@accord/domain"
import { Effect, Either, Schema } from "effect"
import type { Context } from "hono"
import { MalformedJson, UnsupportedMediaType } from "./api-error.js"

const isJsonMediaType = (contentType: string): boolean => {
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? ""
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"))
}

/** Reads the request body as JSON: 415 for another media type, 400 for text that is not JSON. */
export const readJsonBody = (c: Context): Effect.Effect<unknown, MalformedJson | UnsupportedMediaType> =>
  Effect.gen(function* () {
    const contentType = c.req.header("content-type")
    if (contentType === undefined || !isJsonMediaType(contentType)) {
      return yield* new UnsupportedMediaType({
        message: `expected Content-Type: application/json, got ${contentType === undefined ? "none" : `'${contentType}'`}`,
      })
    }
    const text = yield* Effect.promise(() => c.req.text())
    if (text.trim() === "")
      return yield* new MalformedJson({ message: "the request body is empty; expected JSON" })
    return yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (e) =>
        new MalformedJson({ message: `the request body is not valid JSON: ${(e as Error).message}` }),
    })
  })

/** Decodes untrusted input with every error reported and unknown fields rejected. */
export const decodeStrict =
  <A, I>(schema: Schema.Schema<A, I, never>, what: string) =>
  (input: unknown): Effect.Effect<A, InvalidInput> => {
    const decoded = Schema.decodeUnknownEither(schema)(input, strictParseOptions)
    if (Either.isRight(decoded)) return Effect.succeed(decoded.right)
    const issues = issuesFromParseError(decoded.left)
    return Effect.fail(
      new InvalidInput({
        message: `${what} is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
        issues,
      }),
    )
  }

/** Reads and decodes a JSON body with its schema. */
export const decodeJsonBody = <A, I>(
  c: Context,
  schema: Schema.Schema<A, I, never>,
  what = "the request body",
): Effect.Effect<A, InvalidInput | MalformedJson | UnsupportedMediaType> =>
  Effect.flatMap(readJsonBody(c), decodeStrict(schema, what))

/** Decodes the query string with its schema; unknown parameters are errors. */
export const decodeQuery = <A, I>(
  c: Context,
  schema: Schema.Schema<A, I, never>,
): Effect.Effect<A, InvalidInput> => decodeStrict(schema, "the query string")(c.req.query())
