package vn.ocop.portal.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The records map onto the schema: what a producer and a product are saved as is what comes back. Rolled back. */
@MicronautTest
class ProductRepositoryTest {

    @Inject
    ProducerRepository producers;

    @Inject
    ProductRepository products;

    @Test
    void shouldSaveAndFindAProducerAndItsProduct() {
        Producer producer = producers.save(new Producer(
                null,
                "Hợp tác xã Chè Tà Xùa",
                ProducerType.COOPERATIVE,
                "5500999999",
                "bản Tà Xùa, huyện Bắc Yên, tỉnh Sơn La",
                "14",
                null,
                "Lò Văn A",
                "0212 3999 999",
                null,
                null,
                null,
                null));
        assertNotNull(producer.id());
        assertNotNull(producer.createdAt(), "set by Micronaut Data");

        Product saved = products.save(new Product(
                null,
                producer.id(),
                "01",
                null,
                "Chè Shan tuyết Tà Xùa",
                "che-shan-tuyet-ta-xua-test",
                "Chè cổ thụ",
                "Túi 200 g",
                "Búp chè Shan tuyết cổ thụ Tà Xùa",
                "8930000000019",
                null,
                null));

        Product found = products.findBySlug("che-shan-tuyet-ta-xua-test").orElseThrow();
        assertEquals(saved.id(), found.id());
        assertEquals("Chè Shan tuyết Tà Xùa", found.name());
        assertEquals(producer.id(), found.producerId());
        assertEquals("8930000000019", found.gtin());
        assertEquals(
                ProducerType.COOPERATIVE,
                producers.findById(producer.id()).orElseThrow().type());
        assertTrue(products.findBySlug("no-such-product").isEmpty());
    }
}
