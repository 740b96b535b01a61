import createClient from "openapi-fetch"
import type { components, paths } from "./api-types.gen.js"

/** The service's schemas, as the OpenAPI document declares them (generated: `pnpm gen:client`). */
export type Schemas = components["schemas"]

/** What the API said when it refused a request. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly tag: string,
    message: string,
    readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  ) {
    super(message)
  }
}

/**
 * The typed client of the service: paths, parameters and bodies are checked against the generated
 * document types. Reports are asked for as JSON (the same routes also answer Markdown, CSV and HTML).
 */
export const api = createClient<paths, "application/json">({ headers: { accept: "application/json" } })

type Answer<T> = { readonly data?: T; readonly error?: unknown; readonly response: Response }

/** The answer's body, or an ApiError from the service's error shape ({ error, message, issues }). */
export const ok = async <T>(pending: Promise<Answer<T>>): Promise<T> => {
  const { data, error, response } = await pending
  if (response.ok) return data as T
  const e = (error ?? {}) as { error?: string; message?: string; issues?: ApiError["issues"] }
  throw new ApiError(
    response.status,
    e.error ?? "HttpError",
    e.message ?? `${response.status} ${response.statusText}`,
    e.issues ?? [],
  )
}

/** A background job's status, as its status URL answers it while there is no result (202). */
export type JobStatus = Schemas["AnalysisStatus"]

/**
 * Polls a background job (a large goal seek, backtest or debrief answers 202) every second until `read`
 * answers its result; a job that failed or was cancelled throws its error.
 */
export const followJob = async <T>(
  noun: string,
  read: () => Promise<{ readonly result: T } | { readonly status: JobStatus }>,
): Promise<T> => {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const now = await read()
    if ("result" in now) return now.result
    if (now.status.status !== "running") {
      const { error } = now.status
      throw new ApiError(
        409,
        error?.error ?? "JobEnded",
        error?.message ?? `the ${noun} ${now.status.status}`,
        [],
      )
    }
  }
}
