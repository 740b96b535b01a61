import type { MiddlewareHandler } from "hono"

/**
 * Reads what is left of a request body that the handler answered without reading (a 401, 403, 404
 * or 429 decided from the path or headers). Otherwise the server drains or drops the connection
 * after answering, and a keep-alive client that already queued its next request on that connection
 * gets "other side closed" instead of an answer. Bodies are at most 1 MiB here (the body limit runs
 * first), so this costs little.
 */
export const drainUnreadBody: MiddlewareHandler = async (c, next) => {
  await next()
  const request = c.req.raw
  if (request.body !== null && !request.bodyUsed) await request.arrayBuffer().catch(() => undefined)
}
