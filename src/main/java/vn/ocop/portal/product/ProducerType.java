package vn.ocop.portal.product;

/** The legal forms an OCOP producer ("chủ thể OCOP") takes. */
public enum ProducerType {
    ENTERPRISE,
    COOPERATIVE,
    COOPERATIVE_GROUP,
    HOUSEHOLD_BUSINESS
}
