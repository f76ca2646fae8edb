package vn.ocop.portal.product;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Serves product photos. A photo never changes under its id (a new upload gets a new id), so it caches for a year. */
@Controller("/photos")
@Produces({"image/jpeg", "image/png", "image/webp", "image/svg+xml"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductPhotoController {

    private final ProductPhotoRepository photos;

    ProductPhotoController(ProductPhotoRepository photos) {
        this.photos = photos;
    }

    @Get("/{id}")
    HttpResponse<byte[]> photo(long id) {
        ProductPhoto photo =
                photos.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "photo"));
        return HttpResponse.ok(photo.content())
                .contentType(MediaType.of(photo.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                // An SVG may carry scripts: never let a photo run as a document of this origin.
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff");
    }
}
