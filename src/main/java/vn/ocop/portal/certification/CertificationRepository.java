package vn.ocop.portal.certification;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CertificationRepository extends CrudRepository<Certification, Long> {

    List<Certification> findByProductIdOrderByDecisionDateDesc(long productId);
}
