export { accordCommand } from "./accord-command.js"
export * from "./cli-errors.js"
export { decodeScenarioSource, loadScenario, readScenarioSource } from "./scenario-file.js"
