import {
  type ActiveExercise,
  type ExerciseEvent,
  type ExerciseViewer,
  exerciseFeedEvent,
  exerciseStreamId,
} from "@accord/domain"
import { EventStore, type RecordedEvent } from "@accord/event-store"
import { Clock, Effect, Fiber, Queue, Runtime, Schedule, Stream } from "effect"
import { decider, exerciseCodec, foldRecorded } from "./exercise-stream.js"

/** How long the feed waits for a wake-up before it reads the stream anyway (a missed notification costs this much). */
const POLL_INTERVAL = "2 seconds"
/** Comment lines keep proxies from closing an idle connection. */
const HEARTBEAT_MS = 15_000

/** One Server-Sent Event: `id` is the exercise stream's version, so a client resumes with Last-Event-ID. */
const frame = (version: number, type: string, data: unknown): string =>
  `id: ${version}\nevent: ${type}\ndata: ${JSON.stringify({ version, ...(data as object) })}\n\n`

/**
 * The exercise's live feed for one viewer, as an SSE response: every event
 * after `after`, in stream order, each exactly once, with other teams'
 * pending moves reduced to "a move was made". The store's subscription (on
 * PostgreSQL, LISTEN/NOTIFY across instances) only wakes the feed up; the feed
 * then reads the exercise stream from the last version it sent, so a
 * notification that arrives twice or not at all can neither duplicate nor
 * lose an event (a periodic read covers a lost one).
 */
export const exerciseFeed = (
  exerciseId: string,
  viewer: ExerciseViewer,
  after: number,
  known: ReadonlyArray<RecordedEvent<ExerciseEvent>>,
) =>
  Effect.gen(function* () {
    const runtime = yield* Effect.runtime<EventStore>()
    const store = yield* EventStore
    const stream = exerciseStreamId(exerciseId)
    const encoder = new TextEncoder()
    let fiber: Fiber.RuntimeFiber<unknown, unknown> | undefined

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let lastWrite = 0
        // A write to a stream the client has left fails, and the feed ends there (the heartbeat finds out
        // within 15 s), so no feed outlives its connection, even when the server shuts down under it.
        const send = (text: string) =>
          Effect.flatMap(Clock.currentTimeMillis, (now) => {
            try {
              controller.enqueue(encoder.encode(text))
              lastWrite = now
              return Effect.void
            } catch {
              return Effect.interrupt
            }
          })
        const program = Effect.gen(function* () {
          let state = foldRecorded(known.filter((e) => e.version <= after))
          let last = Math.min(after, known.at(-1)?.version ?? 0)
          const from = known.at(-1)?.checkpoint
          const wake = yield* Queue.sliding<void>(1)
          if (from !== undefined) {
            yield* store.subscribe(from).pipe(
              Stream.filter((event) => event.streamId === stream),
              Stream.runForEach(() => Queue.offer(wake, undefined)),
              Effect.retry(Schedule.spaced("1 second")),
              Effect.forkScoped,
            )
          }
          yield* send("retry: 2000\n\n")
          for (;;) {
            const fresh = yield* store
              .readStream<ExerciseEvent>(stream, { from: last + 1, codec: exerciseCodec })
              .pipe(Effect.orElseSucceed((): ReadonlyArray<RecordedEvent<ExerciseEvent>> => []))
            for (const event of fresh) {
              if (event.version !== last + 1) break
              state = decider.evolve(state, event.data)
              const view = exerciseFeedEvent(event.data, state as ActiveExercise, viewer)
              // An event the viewer must not learn of is skipped; the next frame's id still resumes after it.
              if (view !== undefined) yield* send(frame(event.version, view.type, view.data))
              last = event.version
            }
            if ((yield* Clock.currentTimeMillis) - lastWrite >= HEARTBEAT_MS) yield* send(": keep-alive\n\n")
            yield* Effect.race(Queue.take(wake), Effect.sleep(POLL_INTERVAL))
          }
        }).pipe(Effect.scoped)
        fiber = Runtime.runFork(runtime)(program)
      },
      cancel() {
        if (fiber !== undefined) Runtime.runFork(runtime)(Fiber.interrupt(fiber))
      },
    })
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    })
  })
