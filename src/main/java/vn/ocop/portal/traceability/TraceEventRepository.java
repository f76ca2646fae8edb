package vn.ocop.portal.traceability;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TraceEventRepository extends CrudRepository<TraceEvent, Long> {

    List<TraceEvent> findByBatchIdOrderByOccurredAt(long batchId);
}
