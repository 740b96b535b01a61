import { existsSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { serveStatic } from "@hono/node-server/serve-static"
import { Hono } from "hono"

/** The web app's build, found next to this package (not relative to wherever the service was started). */
export const defaultWebDist = fileURLToPath(new URL("../../../web/dist", import.meta.url))

/** Serves the web build at / with a fallback to index.html for client-side routes; nothing when it is not built. */
export const webAppRoutes = (dist: string) => {
  const app = new Hono()
  const index = join(dist, "index.html")
  if (!existsSync(index)) return app
  // serveStatic joins its root to the request path; a cwd-relative root keeps it within its documented use.
  const root = relative(process.cwd(), dist) || "."
  const files = serveStatic({ root })
  const fallback = serveStatic({ path: relative(process.cwd(), index) })
  // API paths never fall back to the page: an unknown API path is a JSON 404.
  const isApi = (path: string) => path.startsWith("/api/") || path === "/api"
  app.use("*", (c, next) => (isApi(c.req.path) ? next() : files(c, next)))
  app.get("*", (c, next) => (isApi(c.req.path) ? next() : fallback(c, next)))
  return app
}
