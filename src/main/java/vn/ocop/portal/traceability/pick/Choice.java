package vn.ocop.portal.traceability.pick;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A record a desk's picker offers: a product (its name; its producer and barcode) or a batch (its lot and product;
 * its producer and production date).
 */
@Serdeable
public record Choice(long id, String label, String detail) {}
