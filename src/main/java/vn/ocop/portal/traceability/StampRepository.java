package vn.ocop.portal.traceability;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StampRepository extends CrudRepository<Stamp, Long> {

    Optional<Stamp> findBySerial(long serial);

    Optional<Stamp> findByProductIdAndKind(long productId, StampKind kind);

    Optional<Stamp> findByBatchIdAndKind(long batchId, StampKind kind);

    List<Stamp> findByBatchIdAndKindOrderById(long batchId, StampKind kind);
}
