import { defineConfig } from "vitest/config"

// One project per package or app; each folder's vitest.config.ts names it.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    reporters: ["default"],
  },
})
