import type { ManagedRuntime } from "effect"
import { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { requestId } from "hono/request-id"
import { secureHeaders } from "hono/secure-headers"
import type { ApiServices } from "./api-services.js"
import { internalErrorBody, NotFound, PayloadTooLarge } from "./http/api-error.js"
import { drainUnreadBody } from "./http/drain-unread-body.js"
import { makeRunHandler } from "./http/effect-handler.js"
import { answerTo } from "./http/error-table.js"
import { jsonLogger, type RequestLogger } from "./http/request-log.js"
import { mountRoutes } from "./http/route.js"
import { allRoutes } from "./routes/index.js"
import { defaultWebDist, webAppRoutes } from "./routes/web-app.js"

/** The largest request body the service reads. */
export const maxBodyBytes = 1024 * 1024

export interface AppOptions {
  readonly logger?: RequestLogger
  /** Origins allowed to call the API from a browser; none (same origin only) by default. */
  readonly corsOrigins?: ReadonlyArray<string>
  /** The web app's build folder; defaults to apps/web/dist next to this package. */
  readonly webDist?: string
}

/** Builds the Hono app over a runtime that provides the event store, the simulator and the run registry. */
export const makeApp = (
  runtime: ManagedRuntime.ManagedRuntime<ApiServices, unknown>,
  options: AppOptions = {},
) => {
  const logger = options.logger ?? jsonLogger
  const run = makeRunHandler(runtime, logger)
  const app = new Hono()

  app.use("*", requestId())
  app.use("*", async (c, next) => {
    const started = performance.now()
    await next()
    // Path without the query string, and no headers: nothing secret reaches the log.
    logger.info({
      msg: "request",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })
  app.use("*", secureHeaders())
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    app.use(
      "/api/*",
      cors({ origin: [...options.corsOrigins], exposeHeaders: ["x-run-id", "x-report-hash", "location"] }),
    )
  }
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBodyBytes,
      // The rest of an oversized body is never read, so the connection cannot carry another
      // request: say so, or a keep-alive client would send its next request into a closing socket.
      onError: (c) => {
        const failure = answerTo(
          new PayloadTooLarge({ message: `the request body is over ${maxBodyBytes} bytes (1 MiB)` }),
        )
        return c.json(failure.body, 413, { ...failure.headers, Connection: "close" })
      },
    }),
  )

  app.use("/api/*", drainUnreadBody)

  mountRoutes(app, allRoutes, run)
  app.route("/", webAppRoutes(options.webDist ?? defaultWebDist))

  app.notFound((c) => {
    const failure = answerTo(
      new NotFound({
        message: `no route ${c.req.method} ${c.req.path}; see /docs`,
        resource: "route",
        id: c.req.path,
      }),
    )
    return c.json(failure.body, 404)
  })
  app.onError((error, c) => {
    logger.error({
      msg: "unhandled error",
      requestId: c.get("requestId"),
      path: c.req.path,
      error: String(error.stack),
    })
    return c.json(internalErrorBody, 500)
  })
  return app
}
