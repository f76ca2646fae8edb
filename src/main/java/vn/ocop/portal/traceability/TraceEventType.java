package vn.ocop.portal.traceability;

/** The steps of a batch's life the portal records, with their GS1 CBV business step. */
enum TraceEventType {
    HARVEST("commissioning"),
    PROCESSING("transforming"),
    PACKAGING("packing"),
    QUALITY_TEST("inspecting"),
    SHIPPING("shipping"),
    RETAIL("retail_selling");

    private final String businessStep;

    TraceEventType(String businessStep) {
        this.businessStep = businessStep;
    }

    /** The CBV 2.0 business step ({@code https://ref.gs1.org/cbv/BizStep-…}). */
    String businessStep() {
        return businessStep;
    }
}
