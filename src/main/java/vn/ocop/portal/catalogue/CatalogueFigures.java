package vn.ocop.portal.catalogue;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import vn.ocop.portal.product.Product;

/**
 * The catalogue's real numbers: products whose current certificate allows the OCOP mark today (valid or expiring;
 * not suspended, revoked or expired).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CatalogueFigures extends GenericRepository<Product, Long> {

    String CERTIFIED_PRODUCTS = "select p.id, p.group_code, p.producer_id, c.stars from product p"
            + " join current_certification c on c.product_id = p.id"
            + " where c.status = 'VALID' and c.valid_until >= current_date";

    @Query(
            value = "select s.stars::text as key, count(cert.id) as products"
                    + " from (values (5), (4), (3)) as s (stars)"
                    + " left join (" + CERTIFIED_PRODUCTS + ") cert on cert.stars = s.stars"
                    + " group by s.stars order by s.stars desc",
            nativeQuery = true)
    List<Count> countByStars();

    @Query(
            value = "select g.code as key, count(cert.id) as products from product_group g"
                    + " left join (" + CERTIFIED_PRODUCTS + ") cert on cert.group_code = g.code"
                    + " group by g.code, g.position order by g.position",
            nativeQuery = true)
    List<Count> countByGroup();

    @Query(
            value = "select count(*) as products, count(distinct cert.producer_id) as producers,"
                    + " count(distinct pr.province_code) as provinces"
                    + " from (" + CERTIFIED_PRODUCTS + ") cert join producer pr on pr.id = cert.producer_id",
            nativeQuery = true)
    Totals totals();

    @Introspected
    record Count(String key, long products) {}

    @Introspected
    record Totals(long products, long producers, long provinces) {}
}
