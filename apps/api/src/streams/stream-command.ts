import { randomUUID } from "node:crypto"
import type { DomainEvent } from "@accord/domain"
import {
  domainEventCodec,
  type EventCodec,
  EventStore,
  ExpectedVersionMismatch,
  newDomainEvent,
  type RecordedEvent,
} from "@accord/event-store"
import { Effect, Either, Random } from "effect"

/** One kind of stream: which domain events it holds and how they fold to its state. */
export interface StreamKind<S, E extends DomainEvent> {
  /** What the stream holds, for the message when another event is found in it. */
  readonly name: string
  /** The event types the stream holds. */
  readonly types: ReadonlyArray<E["_tag"]>
  readonly initialState: S
  readonly evolve: (state: S, event: E) => S
}

/** Reads a stream's events through the store's domain codec (upcast, then decoded), narrowed to the kind. */
export const codecOf = <S, E extends DomainEvent>(kind: StreamKind<S, E>): EventCodec<E> => ({
  decode: (raw) =>
    Either.flatMap(domainEventCodec.decode(raw), (event) =>
      (kind.types as ReadonlyArray<string>).includes(event._tag)
        ? Either.right(event as E)
        : Either.left(`${event._tag} is not ${kind.name}`),
    ),
})

/** Folds recorded events onto a state (the kind's initial state unless given). */
export const foldRecorded = <S, E extends DomainEvent>(
  kind: StreamKind<S, E>,
  events: ReadonlyArray<RecordedEvent<E>>,
  from: S = kind.initialState,
): S => events.reduce((state, event) => kind.evolve(state, event.data), from)

/** Reads a stream and folds it; its version is its last event's (0 for no stream). */
export const readFolded = <S, E extends DomainEvent>(kind: StreamKind<S, E>, stream: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const events = yield* store.readStream(stream, { codec: codecOf(kind) })
    return { state: foldRecorded(kind, events), events, version: events.at(-1)?.version ?? 0 }
  })

/** What deciding a command on a stream gave: the state it was decided on, the events appended, the state after. */
export interface CommandOutcome<S, E> {
  readonly before: S
  readonly produced: ReadonlyArray<E>
  readonly after: S
  /** The stream's version after the append (unchanged when nothing was produced). */
  readonly version: number
}

// Concurrent writers (teams, instances) race on the stream version; the loser reads again and re-decides,
// after a short random pause so that a crowd of writers spreads out instead of colliding again.
const maxAttempts = 40
const backoff = (attempt: number) =>
  Effect.flatMap(Random.nextIntBetween(0, 5 * Math.min(attempt, 10) + 1), (ms) => Effect.sleep(ms))

/** How one command is decided on a stream. */
export interface CommandSteps<S, E, Err, R> {
  /** The events the command produces on the state read (its events too, for deciders that need them). */
  readonly decide: (
    state: S,
    events: ReadonlyArray<RecordedEvent<E>>,
  ) => Effect.Effect<ReadonlyArray<E>, Err, R>
  /** The version the client has seen, when it names one. */
  readonly expected?: number | undefined
  /** The error to answer when the command's target does not exist (checked before the version). */
  readonly missing?: (state: S) => Err | undefined
}

/**
 * The one command handler of every stream: read and fold, decide, append expecting the version read.
 * On a concurrent append it reads again and decides again (bounded, with jitter). A client that names
 * the version it has seen (`expected`) gets a conflict instead when the stream has moved on: its
 * command was decided on what it saw, and only it can decide again.
 */
export const executeCommand = <S, E extends DomainEvent, Err, R>(
  kind: StreamKind<S, E>,
  stream: string,
  command: CommandSteps<S, E, Err, R>,
) =>
  Effect.gen(function* () {
    const { decide, expected, missing } = command
    const store = yield* EventStore
    for (let attempt = 1; ; attempt++) {
      const { state, events, version } = yield* readFolded(kind, stream)
      // What does not exist is missing whatever version the client names.
      const absent = missing?.(state)
      if (absent !== undefined) return yield* Effect.fail(absent)
      if (expected !== undefined && expected !== version) {
        return yield* new ExpectedVersionMismatch({ stream, expected, actual: version })
      }
      const produced = yield* decide(state, events)
      const outcome: CommandOutcome<S, E> = {
        before: state,
        produced,
        after: produced.reduce(kind.evolve, state),
        version: version + produced.length,
      }
      if (produced.length === 0) return outcome
      const appended = yield* store
        .append(
          stream,
          version === 0 ? "noStream" : version,
          produced.map((event) => newDomainEvent(event, randomUUID())),
        )
        .pipe(
          Effect.as(true),
          Effect.catchTag("ExpectedVersionMismatch", (conflict) =>
            expected === undefined && attempt < maxAttempts
              ? Effect.as(backoff(attempt), false)
              : Effect.fail(conflict),
          ),
        )
      if (appended) return outcome
    }
  })

/** A decider's answer as an Effect: its events, or its error as the failure. */
export const decided = <E, Err>(answer: Either.Either<ReadonlyArray<E>, Err>) =>
  Either.isRight(answer) ? Effect.succeed(answer.right) : Effect.fail(answer.left)
