package vn.ocop.portal.staff;

/**
 * What a staff route does, so that a role can be allowed or not to do it. Every staff route names one
 * ({@link StaffOnly}); a route that names none is refused to everyone.
 */
public enum Permission {
    /** The admin landing page and its navigation. */
    ADMIN_HOME,
    /** One's own account: password, second factor, sessions, API tokens. */
    OWN_ACCOUNT,
    /** Invite, change and disable the accounts within one's scope. */
    MANAGE_ACCOUNTS,
    /** Read and export the audit log of one's scope. */
    READ_AUDIT,
    /** Issue stamps for the batches within one's scope. */
    ISSUE_STAMPS,
    /** Follow stamp-issuing runs within one's scope. */
    READ_STAMP_RUNS,
    /** Rebuild the search index from PostgreSQL (national administrators: it serves every province). */
    REINDEX_SEARCH,
    /** Read the consumer problem reports about one's scope's products. */
    READ_REPORTS,
    /** Change a report's status and add notes. */
    TRIAGE_REPORTS,
    /** Download the codes of issued stamps (CSV and PDF sheets): whoever has them can print genuine stamps. */
    DOWNLOAD_STAMPS
}
