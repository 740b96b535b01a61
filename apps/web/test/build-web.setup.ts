import { build } from "../../../scripts/build.mjs"

/**
 * Builds the web app once before the browser tests, and only when a source is newer than dist/
 * (scripts/build.mjs: the same build and freshness check as `npm start`, one build at a time). The build
 * runs Vite in its own process with NODE_ENV=production: inside vitest NODE_ENV is "test", which would
 * bundle React's development build.
 */
export default async function setup(): Promise<void> {
  await build(["web"])
}
