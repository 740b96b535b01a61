import { InvalidInput, invalidInput, issuesFromParseError, strictParseOptions } from "@accord/domain"
import { Effect, Either, Schema } from "effect"
import type { Context } from "hono"
import { MalformedJson, UnsupportedMediaType } from "./api-error.js"

const isJsonMediaType = (contentType: string): boolean => {
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? ""
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"))
}

/** Deeper than any request the API takes; far below the depth where formatting a decode error overflows the stack. */
export const maxJsonDepth = 64

/** The path of the first value nested deeper than the limit, walked without recursion. */
const tooDeepAt = (root: unknown, limit: number): string | undefined => {
  const stack: Array<{ value: unknown; path: ReadonlyArray<string>; depth: number }> = [
    { value: root, path: [], depth: 0 },
  ]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path, depth } = next
    if (typeof value !== "object" || value === null) continue
    if (depth >= limit) return path.join(".")
    for (const [key, inner] of Object.entries(value))
      stack.push({ value: inner, path: [...path, key], depth: depth + 1 })
  }
  return undefined
}

/** Reads the request body as JSON: 415 for another media type, 400 for text that is not JSON or nests too deep. */
export const readJsonBody = (
  c: Context,
  whenEmpty?: unknown,
): Effect.Effect<unknown, MalformedJson | UnsupportedMediaType | InvalidInput> =>
  Effect.gen(function* () {
    // A route whose body is optional reads no body (or a blank one) as `whenEmpty`, whatever its media type.
    if (whenEmpty !== undefined && (yield* Effect.promise(() => c.req.text())).trim() === "") return whenEmpty
    const contentType = c.req.header("content-type")
    if (contentType === undefined || !isJsonMediaType(contentType)) {
      return yield* new UnsupportedMediaType({
        message: `expected Content-Type: application/json, got ${contentType === undefined ? "none" : `'${contentType}'`}`,
      })
    }
    const text = yield* Effect.promise(() => c.req.text())
    if (text.trim() === "")
      return yield* new MalformedJson({ message: "the request body is empty; expected JSON" })
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (e) =>
        new MalformedJson({ message: `the request body is not valid JSON: ${(e as Error).message}` }),
    })
    const deep = tooDeepAt(json, maxJsonDepth)
    if (deep !== undefined) {
      const message = `nested deeper than ${maxJsonDepth} levels`
      return yield* new InvalidInput({
        message: `the request body is ${message}`,
        issues: [{ path: deep, message }],
      })
    }
    return json
  })

/** Decodes untrusted input with every error reported and unknown fields rejected. */
export const decodeStrict =
  <A, I>(schema: Schema.Schema<A, I, never>, what: string) =>
  (input: unknown): Effect.Effect<A, InvalidInput> => {
    const decoded = Schema.decodeUnknownEither(schema)(input, strictParseOptions)
    if (Either.isRight(decoded)) return Effect.succeed(decoded.right)
    return Effect.fail(invalidInput(what, issuesFromParseError(decoded.left)))
  }
