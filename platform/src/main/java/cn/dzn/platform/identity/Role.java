package cn.dzn.platform.identity;

/**
 * What a caller may do inside its region. ADMIN (national tier only) also manages API clients.
 */
public enum Role {
    READ, WRITE, ADMIN
}
