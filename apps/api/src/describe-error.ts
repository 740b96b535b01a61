import { Cause, Runtime } from "effect"

/**
 * An error as one line for the operator: its message and, down the chain of causes, each cause's message and
 * PostgreSQL/SQLite code ("Failed to execute statement" alone says nothing about which statement or why).
 */
export const describeError = (error: unknown): string => {
  const parts: Array<string> = []
  // An Effect run by runPromise fails with a FiberFailure: the typed error is inside its Cause.
  let current: unknown = Runtime.isFiberFailure(error)
    ? Cause.squash(error[Runtime.FiberFailureCauseId])
    : error
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error || typeof current === "object") {
      const { message, code, cause } = current as { message?: unknown; code?: unknown; cause?: unknown }
      const text = typeof message === "string" && message !== "" ? message : String(current)
      parts.push(typeof code === "string" ? `${text} (${code})` : text)
      current = cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(": ")
}
