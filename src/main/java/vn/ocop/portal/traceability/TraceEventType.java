package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;

/**
 * The steps of a batch's life the portal records, each with the EPCIS event type, CBV 2.0 business step and
 * disposition it is exported as. A batch is a quantity of its lot's class (not serialised items), so it comes into
 * being by {@code creating_class_instance}, CBV's class-level counterpart of {@code commissioning}; processing turns
 * the harvested inputs into the product of the same lot, a TransformationEvent. A quality test records no
 * disposition: its outcome is in the words of the event, not a field.
 */
public enum TraceEventType {
    HARVEST("ObjectEvent", "creating_class_instance", "active"),
    PROCESSING("TransformationEvent", "creating_class_instance", "active"),
    PACKAGING("ObjectEvent", "packing", "in_progress"),
    QUALITY_TEST("ObjectEvent", "inspecting", null),
    SHIPPING("ObjectEvent", "shipping", "in_transit"),
    RETAIL("ObjectEvent", "stocking", "sellable_accessible");

    private final String epcisType;
    private final String businessStep;
    private final String disposition;

    TraceEventType(String epcisType, String businessStep, @Nullable String disposition) {
        this.epcisType = epcisType;
        this.businessStep = businessStep;
        this.disposition = disposition;
    }

    /** {@code ObjectEvent} or {@code TransformationEvent}. */
    public String epcisType() {
        return epcisType;
    }

    /** The CBV 2.0 business step ({@code https://ref.gs1.org/cbv/BizStep-…}). */
    public String businessStep() {
        return businessStep;
    }

    /** The CBV 2.0 disposition ({@code https://ref.gs1.org/cbv/Disp-…}), if the step implies one. */
    @Nullable
    public String disposition() {
        return disposition;
    }
}
