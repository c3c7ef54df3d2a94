package cn.dzn.platform.identity;

/**
 * What a caller may do inside its region. ADMIN (national tier only) also manages API clients.
 * RELAY is a deployment of a lower tier relaying its records up (docs/federation.md): it writes
 * records with their origin through sync, and nothing else.
 */
public enum Role {
    READ, WRITE, ADMIN, RELAY
}
