package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Something that happened to a batch: what, when, where and why (the EPCIS 2.0 dimensions). */
@MappedEntity("trace_event")
record TraceEvent(
        @Id @GeneratedValue @Nullable Long id,
        long batchId,
        TraceEventType type,
        Instant occurredAt,
        String what,
        String place,
        @Nullable String placeCommuneCode,
        String why) {}
