package cn.dzn.incubator.incubators;

/** What kind of incubation carrier a record is. */
public enum IncubatorKind {
    /** A business incubator (科技企业孵化器). */
    INCUBATOR,
    /** A maker space (众创空间, national plan §16; Shenzhen plan §18). */
    MAKER_SPACE,
    /** An incubator abroad, run by an entity registered at home (海外孵化器, Shenzhen plan §28). */
    OVERSEAS_INCUBATOR
}
