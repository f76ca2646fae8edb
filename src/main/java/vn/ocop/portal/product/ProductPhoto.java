package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A photo of a product, stored in the database with its media type; position 0 is the main photo. */
@MappedEntity("product_photo")
public record ProductPhoto(
        @Id @GeneratedValue @Nullable Long id,
        long productId,
        int position,
        String contentType,
        byte[] content,
        String altText,
        @DateCreated @Nullable Instant createdAt) {

    /** The URL the photo is served at. */
    public static String url(long photoId) {
        return "/photos/" + photoId;
    }
}
