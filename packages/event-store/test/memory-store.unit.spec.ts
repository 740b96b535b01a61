import { EventStore } from "../src/index.js"
import { eventStoreContract } from "./contract.js"

eventStoreContract("memory", { make: () => EventStore.memory() })
