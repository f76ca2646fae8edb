package vn.ocop.portal.product;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.util.Locale;

/** One of the six product groups of Decision 148/QĐ-TTg. */
@MappedEntity("product_group")
public record ProductGroup(@Id String code, int position, String name, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
