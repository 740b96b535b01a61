import { exercisesRoutes, facilitatorRoutes, moveEffectsRoutes, templateRoutes } from "../exercises/index.js"
import { makeOpenApiDocument } from "../openapi/document.js"
import { backtestRoutes } from "./backtest.js"
import { debriefRoutes } from "./debrief.js"
import { goalRoutes } from "./goal.js"
import { healthRoutes } from "./health.js"
import { jobsRoutes } from "./jobs.js"
import { observationsRoutes } from "./observations.js"
import { openApiRoutes } from "./openapi.js"
import { packsRoutes } from "./packs.js"
import { reportsRoutes } from "./reports.js"
import { runsRoutes } from "./runs.js"
import { scenariosRoutes } from "./scenarios.js"
import { sensitivityRoutes } from "./sensitivity.js"
import { simulateRoutes } from "./simulate.js"

/**
 * Every route of the service, in the order the reference lists them: the app mounts these and the OpenAPI
 * document is built from these, so a route cannot be served without its entry (or documented without a handler).
 */
export const allRoutes = [
  ...healthRoutes,
  ...packsRoutes,
  ...observationsRoutes,
  ...backtestRoutes,
  ...simulateRoutes,
  ...sensitivityRoutes,
  ...goalRoutes,
  ...scenariosRoutes,
  ...runsRoutes,
  ...jobsRoutes,
  ...reportsRoutes,
  ...exercisesRoutes,
  ...debriefRoutes,
  ...facilitatorRoutes,
  ...templateRoutes,
  ...moveEffectsRoutes,
  ...openApiRoutes(() => openApiDocument()),
]

/** The document is built once, on first request, from the schemas the handlers decode with. */
export const openApiDocument = (() => {
  let document: ReturnType<typeof makeOpenApiDocument> | undefined
  return () => {
    document ??= makeOpenApiDocument(
      allRoutes.map((route) => route.operation),
      "0.1.0",
    )
    return document
  }
})()
