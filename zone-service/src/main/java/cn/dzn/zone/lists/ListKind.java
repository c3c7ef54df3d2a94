package cn.dzn.zone.lists;

/**
 * The two lists a zone publishes periodically (seed 004 §四: "定期发布技术需求清单和新技术应用场景清单"):
 * technology demands of its firms, and scenarios where new technology can be applied.
 */
public enum ListKind {
    DEMAND, SCENARIO
}
