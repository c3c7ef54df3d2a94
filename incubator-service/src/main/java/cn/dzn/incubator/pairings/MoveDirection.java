package cn.dzn.incubator.pairings;

/** Which way a project moves between a pair (seed 002 §28: 境内外孵化器联动, 孵化育成链条). */
public enum MoveDirection {
    /** From the local incubator to the overseas one (going abroad). */
    TO_OVERSEAS,
    /** From the overseas incubator to the local one (landing at home). */
    TO_LOCAL
}
