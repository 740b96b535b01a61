import { build } from "../../../scripts/build.mjs"

/**
 * Builds the CLI once before its end-to-end tests, and only when a source is newer than dist/ (the same
 * build and freshness check as the `accord` bin). Without it the first test to start the bin would build it,
 * and the build's progress line on stderr would land in that test's output.
 */
export default async function setup(): Promise<void> {
  await build(["cli"])
}
