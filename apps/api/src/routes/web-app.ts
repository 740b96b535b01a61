import { existsSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { serveStatic } from "@hono/node-server/serve-static"
import { Hono } from "hono"
import { MethodNotAllowed } from "../http/api-error.js"
import { answerTo } from "../http/error-table.js"

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

/**
 * Serves the web build at / (GET and HEAD only) with a fallback to index.html for app routes
 * (paths that name no file); nothing when it is not built.
 */
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
  // A path naming a file (/favicon.ico, /openapi.yaml) is that file or a 404, never the page.
  const namesFile = (path: string) => /\.[A-Za-z0-9]+$/.test(path)
  app.use("*", async (c, next) => {
    if (isApi(c.req.path)) return next()
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const message = `${c.req.method} ${c.req.path} is not allowed: the web app answers GET and HEAD`
      const failure = answerTo(new MethodNotAllowed({ message, allow: "GET, HEAD" }))
      return c.json(failure.body, 405, failure.headers)
    }
    return files(c, next)
  })
  app.get("*", (c, next) => (isApi(c.req.path) || namesFile(c.req.path) ? next() : fallback(c, next)))
  return app
}
