package cn.dzn.incubator.tenants;

/**
 * Where a tenant (在孵企业) stands: admitted, then incubating, then graduated (毕业) or exited; the
 * last two are final. Each state has its day on the record.
 */
public enum TenantStatus {
    /** Admitted (入驻协议), not yet incubating: {@code admittedOn}. */
    ADMITTED,
    /** Incubating since {@code startedOn}. */
    INCUBATING,
    /** Graduated on {@code graduatedOn}. Final. */
    GRADUATED,
    /** Left without graduating on {@code exitedOn}, from either earlier state. Final. */
    EXITED;

    public boolean isFinal() {
        return this == GRADUATED || this == EXITED;
    }
}
