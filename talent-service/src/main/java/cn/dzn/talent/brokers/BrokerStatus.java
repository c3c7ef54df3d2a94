package cn.dzn.talent.brokers;

/**
 * A broker's standing in the programme: EXITED only by the exit rule (seed 001 §10: "动态退出机制"),
 * WITHDRAWN by the bureau with a reason; both are final.
 */
public enum BrokerStatus {
    ACTIVE, EXITED, WITHDRAWN
}
