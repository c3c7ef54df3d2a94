package cn.dzn.incubator.registrations;

/** Where a self-registration stands: submitted, then reviewed once by the bureau of its region. */
public enum RegistrationStatus {
    /** Submitted, waiting for review. */
    PENDING,
    /** Approved: the incubator record exists under the registration's id. Final. */
    APPROVED,
    /** Rejected with a reason. Final; the incubator may register again. */
    REJECTED
}
