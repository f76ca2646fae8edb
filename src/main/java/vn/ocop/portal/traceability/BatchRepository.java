package vn.ocop.portal.traceability;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface BatchRepository extends CrudRepository<Batch, Long> {

    Optional<Batch> findByProductIdAndLotNumber(long productId, String lotNumber);

    List<Batch> findByProductIdOrderByProductionDateDesc(long productId);
}
