import { Effect } from "effect"
import { defineRoute } from "../http/route.js"
import { renderDocsPage } from "../openapi/docs-page.js"
import type { makeOpenApiDocument } from "../openapi/document.js"

type OpenApiDocument = ReturnType<typeof makeOpenApiDocument>

/** GET /openapi.json and GET /docs, over the document of every route (built on first request). */
export const openApiRoutes = (document: () => OpenApiDocument) => {
  let page: string | undefined
  return [
    defineRoute({
      method: "get",
      path: "/openapi.json",
      operationId: "openApiDocument",
      tag: "service",
      summary: "This document (OpenAPI 3.1)",
      responses: { 200: { description: "The OpenAPI document" } },
      handler: (c) => Effect.sync(() => c.json(document())),
    }),
    defineRoute({
      method: "get",
      path: "/docs",
      operationId: "docsPage",
      tag: "service",
      summary: "A readable reference of this API",
      responses: { 200: { description: "The page", kind: "html" } },
      handler: (c) =>
        Effect.sync(() => {
          page ??= renderDocsPage(document())
          return c.html(page)
        }),
    }),
  ]
}
