import { describe, expect, it } from "vitest"
import { deciderSpecification } from "../test/decider-specification.js"
import { commitmentDecider } from "./commitment-decider.js"
import type { TransitionNotAllowed } from "./commitment-errors.js"
import type { CommitmentEvent } from "./commitment-events.js"
import type { CommitmentId } from "./ids.js"

const { given } = deciderSpecification(commitmentDecider)

const commitment = "energy-projects" as CommitmentId
const proposed: CommitmentEvent = { _tag: "CommitmentProposed", v: 1, month: 0, commitment, amountUsdM: 100 }
const agreed: CommitmentEvent = { _tag: "CommitmentAgreed", v: 1, month: 1, commitment, amountUsdM: 80 }
const delivered80: CommitmentEvent = {
  _tag: "CommitmentProgressed",
  v: 1,
  month: 2,
  commitment,
  deliveredUsdM: 80,
}
const withdrawn: CommitmentEvent = { _tag: "CommitmentWithdrawn", v: 1, month: 2, commitment }

describe("commitment decider", () => {
  it("proposes once", () => {
    given([])
      .when({ _tag: "ProposeCommitment", commitment, month: 0, amountUsdM: 100 })
      .thenEvents([proposed])
    given([proposed])
      .when({ _tag: "ProposeCommitment", commitment, month: 0, amountUsdM: 1 })
      .thenFails("CommitmentAlreadyProposed")
  })

  it("puts a commitment on the agenda (discussed, no amount), then proposes or drops it", () => {
    const discussed: CommitmentEvent = { _tag: "CommitmentDiscussed", v: 1, month: 0, commitment }
    given([]).when({ _tag: "DiscussCommitment", commitment, month: 0 }).thenEvents([discussed])
    given([discussed])
      .when({ _tag: "ProposeCommitment", commitment, month: 2, amountUsdM: 100 })
      .thenEvents([{ ...proposed, month: 2 }])
    given([discussed])
      .when({ _tag: "WithdrawCommitment", commitment, month: 1, reason: "dropped" })
      .thenEvents([{ ...withdrawn, month: 1, reason: "dropped" }])
    given([discussed])
      .when({ _tag: "DiscussCommitment", commitment, month: 1 })
      .thenFails("CommitmentAlreadyProposed")
    const error = given([discussed])
      .when({ _tag: "AgreeCommitment", commitment, month: 1 })
      .thenFails("TransitionNotAllowed") as TransitionNotAllowed
    expect(error.from).toBe("discussed")
  })

  it("refuses anything but a discussion or a proposal on an empty stream", () => {
    given([]).when({ _tag: "AgreeCommitment", commitment, month: 0 }).thenFails("UnknownCommitment")
  })

  it("agrees the whole pledge by default, or part of it", () => {
    given([proposed])
      .when({ _tag: "AgreeCommitment", commitment, month: 1 })
      .thenEvents([{ ...agreed, amountUsdM: 100 }])
    given([proposed])
      .when({ _tag: "AgreeCommitment", commitment, month: 1, amountUsdM: 80 })
      .thenEvents([agreed])
    given([proposed])
      .when({ _tag: "AgreeCommitment", commitment, month: 1, amountUsdM: 120 })
      .thenFails("InvalidInput")
  })

  it("delivers nothing before agreement (guarded by the machine)", () => {
    const error = given([proposed])
      .when({ _tag: "DeliverTranche", commitment, month: 1, amountUsdM: 10 })
      .thenFails("TransitionNotAllowed") as TransitionNotAllowed
    expect(error.from).toBe("proposed")
  })

  it("never delivers above the agreed amount", () => {
    given([proposed, agreed])
      .when({ _tag: "DeliverTranche", commitment, month: 2, amountUsdM: 80 })
      .thenEvents([delivered80])
    given([proposed, agreed])
      .when({ _tag: "DeliverTranche", commitment, month: 2, amountUsdM: 81 })
      .thenFails("TransitionNotAllowed")
    given([proposed, agreed])
      .when({ _tag: "DeliverTranche", commitment, month: 2, amountUsdM: 0 })
      .thenFails("TransitionNotAllowed")
  })

  it("completes only when fully delivered", () => {
    given([proposed, agreed])
      .when({ _tag: "CompleteCommitment", commitment, month: 2 })
      .thenFails("TransitionNotAllowed")
    given([proposed, agreed, delivered80])
      .when({ _tag: "CompleteCommitment", commitment, month: 3 })
      .thenEvents([{ _tag: "CommitmentImplemented", v: 1, month: 3, commitment }])
  })

  it("stalls and resumes while agreed", () => {
    given([proposed, agreed])
      .when({ _tag: "StallCommitment", commitment, month: 2, reason: "budget" })
      .thenEvents([{ _tag: "CommitmentStalled", v: 1, month: 2, commitment, reason: "budget" }])
    given([proposed])
      .when({ _tag: "ResumeCommitment", commitment, month: 2 })
      .thenFails("TransitionNotAllowed")
  })

  it("takes nothing in a final state", () => {
    const error = given([proposed, withdrawn])
      .when({ _tag: "WithdrawCommitment", commitment, month: 3 })
      .thenFails("TransitionNotAllowed") as TransitionNotAllowed
    expect(error.message).toContain("final state")
  })

  it("refuses to go back in time or to act on another commitment", () => {
    given([proposed, agreed])
      .when({ _tag: "StallCommitment", commitment, month: 0 })
      .thenFails("InvalidInput")
    given([proposed])
      .when({ _tag: "WithdrawCommitment", commitment: "other" as CommitmentId, month: 1 })
      .thenFails("InvalidInput")
  })
})
