import { Hono } from "hono"
import { exercisesOperations, facilitatorOperations, moveEffectsOperation } from "../exercises/index.js"
import { renderDocsPage } from "../openapi/docs-page.js"
import { makeOpenApiDocument } from "../openapi/document.js"
import type { Operation } from "../openapi/operation.js"
import { backtestOperations } from "./backtest.js"
import { healthOperations } from "./health.js"
import { jobsOperations } from "./jobs.js"
import { observationsOperations } from "./observations.js"
import { packsOperations } from "./packs.js"
import { reportsOperations } from "./reports.js"
import { runsOperations } from "./runs.js"
import { scenariosOperations } from "./scenarios.js"
import { sensitivityOperations } from "./sensitivity.js"
import { simulateOperations } from "./simulate.js"

/** Every operation of the service, in the order the reference lists them. */
export const allOperations: ReadonlyArray<Operation> = [
  ...healthOperations,
  ...packsOperations,
  ...observationsOperations,
  ...backtestOperations,
  ...simulateOperations,
  ...sensitivityOperations,
  ...scenariosOperations,
  ...runsOperations,
  ...jobsOperations,
  ...reportsOperations,
  ...exercisesOperations,
  ...facilitatorOperations,
  moveEffectsOperation,
  {
    method: "get",
    path: "/openapi.json",
    operationId: "openApiDocument",
    tag: "service",
    summary: "This document (OpenAPI 3.1)",
    responses: { 200: { description: "The OpenAPI document" } },
  },
  {
    method: "get",
    path: "/docs",
    operationId: "docsPage",
    tag: "service",
    summary: "A readable reference of this API",
    responses: { 200: { description: "The page", kind: "html" } },
  },
]

/** The document is built once, on first request, from the schemas the handlers decode with. */
export const openApiDocument = (() => {
  let document: ReturnType<typeof makeOpenApiDocument> | undefined
  return () => {
    document ??= makeOpenApiDocument(allOperations, "0.1.0")
    return document
  }
})()

/** GET /openapi.json and GET /docs. */
export const openApiRoutes = () => {
  let page: string | undefined
  return new Hono()
    .get("/openapi.json", (c) => c.json(openApiDocument()))
    .get("/docs", (c) => {
      page ??= renderDocsPage(openApiDocument())
      return c.html(page)
    })
}
