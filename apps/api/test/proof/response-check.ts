// What every answer of the service must satisfy, whatever was sent: no 5xx, and every 4xx in the
// documented error shape, naming the broken field when one was broken.
import { Either, Schema } from "effect"
import { ErrorBody } from "../../src/index.js"
import type { FuzzRequest } from "./fuzz-requests.js"

const decodeErrorBody = Schema.decodeUnknownEither(ErrorBody)

/** Why an answer breaks the contract, or undefined when it keeps it. */
export const contractViolation = async (
  request: FuzzRequest,
  response: Response,
): Promise<string | undefined> => {
  const { status } = response
  // A live feed never ends: its status and media type are the answer; the body is not awaited.
  if (status === 200 && (response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    await response.body?.cancel()
    return undefined
  }
  const text = await response.text()
  const expectation = request.expectation
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`
  if (expectation.kind === "success" && (status < 200 || status > 299)) {
    return `expected 2xx, got ${status}: ${text.slice(0, 300)}`
  }
  if (status < 400) return undefined
  // Refused before the body was read (who asks, or how often, is checked first) is always a fair answer.
  const refusedFirst = status === 401 || status === 403 || status === 429
  if (expectation.kind === "client-error" && !refusedFirst && !expectation.statuses.includes(status)) {
    return `expected ${expectation.statuses.join(" or ")}, got ${status}: ${text.slice(0, 300)}`
  }
  if (!/^application\/json/.test(response.headers.get("content-type") ?? "")) {
    return `a ${status} without a JSON body (content-type ${response.headers.get("content-type")})`
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return `a ${status} whose body is not JSON: ${text.slice(0, 200)}`
  }
  const decoded = decodeErrorBody(json, { onExcessProperty: "error" })
  if (Either.isLeft(decoded))
    return `a ${status} not in the error shape {error, message, issues}: ${text.slice(0, 300)}`
  const body = decoded.right
  if (/\n\s+at |node_modules|\.ts:\d+/.test(text))
    return `a ${status} that leaks a stack trace: ${text.slice(0, 300)}`
  if (expectation.kind !== "client-error") return undefined
  if (refusedFirst) return undefined
  if (expectation.error !== undefined && body.error !== expectation.error) {
    return `expected error ${expectation.error}, got ${body.error}: ${body.message}`
  }
  const path = expectation.path
  if (path !== undefined && status === 400) {
    // The whole body replaced: any issue names it (an object body is blamed field by field).
    const named =
      path === ""
        ? body.issues.length > 0
        : body.issues.some((issue) => issue.path === path || issue.path.startsWith(`${path}.`))
    if (!named) {
      return `400 without an issue at '${path}': ${JSON.stringify(body.issues).slice(0, 300)}`
    }
  }
  return undefined
}
