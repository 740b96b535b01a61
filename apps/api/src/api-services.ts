import type { EventStore } from "@accord/event-store"
import type { JobQueue } from "./jobs/job-queue.js"
import type { ScenarioIndex } from "./scenarios/scenario-index.js"
import type { Simulator } from "./simulation/simulator.js"

/** Everything the handlers need from the runtime that `makeApp` is given. */
export type ApiServices = EventStore | Simulator | JobQueue | ScenarioIndex
