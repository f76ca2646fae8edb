package vn.ocop.portal.product;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProductGroupRepository extends GenericRepository<ProductGroup, String> {

    List<ProductGroup> findAllOrderByPosition();
}
