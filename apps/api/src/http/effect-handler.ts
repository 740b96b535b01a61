import { Cause, type Effect, Exit, type ManagedRuntime, Option } from "effect"
import type { Context } from "hono"
import { Interrupted, internalErrorBody } from "./api-error.js"
import { answerTo, type ServiceError, toHttpFailure } from "./error-table.js"
import type { RequestLogger } from "./request-log.js"

/**
 * Runs a handler's Effect on the app's runtime and turns its outcome into a Response. A handler may fail
 * only with errors of the error table: failing with anything else does not compile.
 */
export type RunHandler<R> = <E extends ServiceError>(
  c: Context,
  effect: Effect.Effect<Response, E, R>,
) => Promise<Response>

/**
 * Builds the one place where failures become statuses: typed failures map by tag
 * (see errorTable); anything else is a defect, logged in full and answered with a bare 500.
 */
export const makeRunHandler =
  <R>(runtime: ManagedRuntime.ManagedRuntime<R, unknown>, logger: RequestLogger): RunHandler<R> =>
  async (c, effect) => {
    const exit = await runtime.runPromiseExit(effect, { signal: c.req.raw.signal })
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) {
      const mapped = toHttpFailure(failure.value)
      if (mapped !== undefined) {
        if (mapped.status >= 500) {
          logger.error({
            msg: "store unavailable",
            requestId: c.get("requestId"),
            path: c.req.path,
            cause: Cause.pretty(exit.cause),
          })
        }
        return c.json(mapped.body, mapped.status as 400, mapped.headers)
      }
    }
    if (Cause.isInterruptedOnly(exit.cause)) {
      // The client went away; nobody reads this answer.
      const failure = answerTo(new Interrupted({ message: "the request was cancelled" }))
      return c.json(failure.body, 503)
    }
    logger.error({
      msg: "request failed",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      cause: Cause.pretty(exit.cause),
    })
    return c.json(internalErrorBody, 500)
  }
