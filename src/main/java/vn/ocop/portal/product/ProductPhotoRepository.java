package vn.ocop.portal.product;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProductPhotoRepository extends GenericRepository<ProductPhoto, Long> {

    Optional<ProductPhoto> findById(long id);
}
