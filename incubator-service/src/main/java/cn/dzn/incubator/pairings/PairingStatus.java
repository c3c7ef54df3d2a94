package cn.dzn.incubator.pairings;

/** Where a pairing (结对子) stands: proposed, confirmed by the bureau, ended. */
public enum PairingStatus {
    /** Proposed (by the overseas incubator or its bureau), waiting for the bureau to confirm. */
    PROPOSED,
    /** Confirmed: the pair incubates together since {@code startedOn}; projects move between them. */
    ACTIVE,
    /** Ended on {@code endedOn} (a proposal withdrawn, or a pair that parted). Final. */
    ENDED
}
