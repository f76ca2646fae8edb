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
    /** Read what the catalogue's visitors searched for and did not find (national staff: the counts name no province). */
    READ_SEARCH_MISSES,
    /** Read the consumer problem reports about one's scope's products. */
    READ_REPORTS,
    /** Change a report's status and add notes. */
    TRIAGE_REPORTS,
    /** Download the codes of issued stamps (CSV and PDF sheets): whoever has them can print genuine stamps. */
    DOWNLOAD_STAMPS,
    /** Read the producers and products of one's scope on the staff desks. */
    READ_PRODUCTS,
    /** Edit the producers and products of one's scope (a producer account: its own descriptions, photos, links). */
    EDIT_PRODUCTS,
    /** Create producers and products, and change what only officers decide (group, producer, GTIN). */
    REGISTER_PRODUCTS,
    /** Edit the product subgroups (national administrators: the list serves every province). */
    MANAGE_SUBGROUPS,
    /** Read certificates, their evaluations and their history, and print a certificate. */
    READ_CERTIFICATES,
    /** Record evaluations and decisions; suspend, reinstate, revoke and renew certificates. */
    CERTIFY,
    /** Record batches and their traceability events. */
    MANAGE_BATCHES,
    /** Confirm or clear a stamp's copy warning. */
    REVIEW_COPY_WARNINGS,
    /** Manage one's province's display and sales points and their assortment. */
    MANAGE_DISPLAY_POINTS,
    /** Propose one's own products for a display point (staff confirm). */
    PROPOSE_ASSORTMENT,
    /** Manage trade fairs and promotion events: participants, booths, results. */
    MANAGE_FAIRS,
    /** Apply to take part in a fair with one's own products. */
    APPLY_TO_FAIRS,
    /** Read and export the trade-promotion reports of one's scope. */
    READ_PROMOTION_REPORTS
}
