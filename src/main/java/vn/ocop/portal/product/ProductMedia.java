package vn.ocop.portal.product;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Staff;

/**
 * A product's photos (in their order, each with its alt text) and its links to shops and tourism pages, as the
 * product desk changes them. Callers have read the product within their scope first; every change is audited.
 */
@Singleton
class ProductMedia {

    static final int MAX_PHOTOS = 12;
    static final int MAX_LINKS = 10;
    static final int ALT_MAX = 300;

    enum LinkKind {
        SHOP,
        TOURISM
    }

    record Photo(long id, int position, String contentType, String altText, int bytes) {
        public long getId() {
            return id;
        }

        public String getAltText() {
            return altText;
        }

        public String getUrl() {
            return ProductPhoto.url(id);
        }

        public int getKilobytes() {
            return (bytes + 1023) / 1024;
        }
    }

    record Link(long id, String kind, String url, String label) {
        public long getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getUrl() {
            return url;
        }

        public String getLabel() {
            return label;
        }
    }

    private final Database database;
    private final AuditLog audit;

    ProductMedia(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    List<Photo> photos(long productId) {
        return database.list(
                "select id, position, content_type, alt_text, length(content) as bytes from product_photo"
                        + " where product_id = ? order by position, id",
                row -> new Photo(
                        row.getLong("id"),
                        row.getInt("position"),
                        row.getString("content_type"),
                        row.getString("alt_text"),
                        row.getInt("bytes")),
                productId);
    }

    Optional<Photo> photo(long productId, long photoId) {
        return photos(productId).stream().filter(p -> p.id() == photoId).findFirst();
    }

    long addPhoto(Staff staff, ProductDesk.Record product, PhotoUpload.Photo photo, String alt) {
        return database.inTransaction(() -> {
            // Serialises uploads to one product, so that two never take the same position.
            database.one("select id from product where id = ? for update", row -> row.getLong(1), product.id());
            int position = (int) database.count(
                    "select coalesce(max(position) + 1, 0) from product_photo where product_id = ?", product.id());
            long id = database.insert(
                    "insert into product_photo (product_id, position, content_type, content, alt_text)"
                            + " values (?, ?, ?, ?, ?) returning id",
                    product.id(),
                    position,
                    photo.contentType(),
                    photo.content(),
                    alt);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("product", product.id());
            after.put("contentType", photo.contentType());
            after.put("width", photo.width());
            after.put("height", photo.height());
            after.put("bytes", photo.content().length);
            after.put("altText", alt);
            audit.record(
                    staff,
                    "product.photo.add",
                    "product_photo",
                    id,
                    product.provinceCode(),
                    product.producerId(),
                    null,
                    after);
            return id;
        });
    }

    void changeAlt(Staff staff, ProductDesk.Record product, Photo photo, String alt) {
        database.inTransaction(() -> {
            database.update("update product_photo set alt_text = ? where id = ?", alt, photo.id());
            audit.record(
                    staff,
                    "product.photo.alt",
                    "product_photo",
                    photo.id(),
                    product.provinceCode(),
                    product.producerId(),
                    Map.of("altText", photo.altText()),
                    Map.of("altText", alt));
            return null;
        });
    }

    /** Moves a photo one place earlier ({@code -1}) or later ({@code 1}); the first photo is the main one. */
    void move(Staff staff, ProductDesk.Record product, Photo photo, int step) {
        database.inTransaction(() -> {
            database.one("select id from product where id = ? for update", row -> row.getLong(1), product.id());
            List<Photo> photos = photos(product.id());
            int index = -1;
            for (int i = 0; i < photos.size(); i++) {
                if (photos.get(i).id() == photo.id()) {
                    index = i;
                }
            }
            int other = index + step;
            if (index < 0 || other < 0 || other >= photos.size()) {
                return null;
            }
            List<Long> order =
                    new java.util.ArrayList<>(photos.stream().map(Photo::id).toList());
            java.util.Collections.swap(order, index, other);
            // Positions are unique per product: move them all out of the way first, then into their new places.
            database.update("update product_photo set position = -1 - position where product_id = ?", product.id());
            for (int i = 0; i < order.size(); i++) {
                database.update("update product_photo set position = ? where id = ?", i, order.get(i));
            }
            audit.record(
                    staff,
                    "product.photo.move",
                    "product",
                    product.id(),
                    product.provinceCode(),
                    product.producerId(),
                    Map.of("order", photos.stream().map(Photo::id).toList()),
                    Map.of("order", order));
            return null;
        });
    }

    void deletePhoto(Staff staff, ProductDesk.Record product, Photo photo) {
        database.inTransaction(() -> {
            database.update("delete from product_photo where id = ?", photo.id());
            audit.record(
                    staff,
                    "product.photo.delete",
                    "product_photo",
                    photo.id(),
                    product.provinceCode(),
                    product.producerId(),
                    Map.of("product", product.id(), "altText", photo.altText()),
                    null);
            return null;
        });
    }

    List<Link> links(long productId) {
        return database.list(
                "select id, kind, url, label from product_link where product_id = ? order by kind, id",
                row -> new Link(row.getLong("id"), row.getString("kind"), row.getString("url"), row.getString("label")),
                productId);
    }

    long addLink(Staff staff, ProductDesk.Record product, LinkKind kind, String url, String label) {
        return database.inTransaction(() -> {
            long id = database.insert(
                    "insert into product_link (product_id, kind, url, label) values (?, ?, ?, ?) returning id",
                    product.id(),
                    kind.name(),
                    url,
                    label);
            audit.record(
                    staff,
                    "product.link.add",
                    "product_link",
                    id,
                    product.provinceCode(),
                    product.producerId(),
                    null,
                    Map.of("product", product.id(), "kind", kind.name(), "url", url, "label", label));
            return id;
        });
    }

    void deleteLink(Staff staff, ProductDesk.Record product, Link link) {
        database.inTransaction(() -> {
            database.update("delete from product_link where id = ?", link.id());
            audit.record(
                    staff,
                    "product.link.delete",
                    "product_link",
                    link.id(),
                    product.provinceCode(),
                    product.producerId(),
                    Map.of("product", product.id(), "kind", link.kind(), "url", link.url(), "label", link.label()),
                    null);
            return null;
        });
    }
}
