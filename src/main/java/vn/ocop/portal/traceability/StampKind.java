package vn.ocop.portal.traceability;

/** What a stamp stands for: the product, one production batch, or one package (serialised). */
public enum StampKind {
    PRODUCT,
    BATCH,
    ITEM
}
