import { existsSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { serveStatic } from "@hono/node-server/serve-static"
import { Hono } from "hono"

/**
 * The web app's build, found from this code's own file (not from wherever the service was started): `web/`
 * beside a built service (dist/, and so a deployed folder), else apps/web/dist seen from a bundle in
 * apps/{api,cli}/dist, else from this source file.
 */
export const defaultWebDist =
  ["./web", "../../web/dist", "../../../web/dist"]
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((dir) => existsSync(join(dir, "index.html"))) ??
  fileURLToPath(new URL("../../../web/dist", import.meta.url))

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
