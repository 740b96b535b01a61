// Types for scripts/build.mjs, for the tests and benchmarks that build before they run built code.
export declare const root: string
export interface BuildTarget {
  readonly name: string
  readonly dist: string
}
export declare const targets: Record<"web" | "api" | "cli", BuildTarget>
export declare const isStale: (target: BuildTarget) => boolean
export declare const build: (
  names: ReadonlyArray<"web" | "api" | "cli">,
  options?: { force?: boolean; log?: (line: string) => void },
) => Promise<void>
export declare const ensureBuilt: (names: ReadonlyArray<"web" | "api" | "cli">) => void
