package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.shared.web.CleanText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The products desk ({@code /admin/products}): the list of the caller's scope with search, filters, sort and pages;
 * the create form (officers) and the edit form, whose photos and links are changed on the same page. A producer
 * account changes only the descriptive fields, photos and links of its own products. An edit carries the version it
 * was read at; a stale one gets the conflict page.
 */
@Controller("/admin/products")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductDeskController {

    private final ProductDesk products;
    private final ProducerDesk producers;
    private final ProductMedia media;

    ProductDeskController(ProductDesk products, ProducerDesk producers, ProductMedia media) {
        this.products = products;
        this.producers = producers;
        this.media = media;
    }

    @Get
    @StaffOnly(Permission.READ_PRODUCTS)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String group,
            @QueryValue @Nullable String stars,
            @QueryValue @Nullable String state,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String producer,
            @QueryValue @Nullable String sort,
            @QueryValue @Nullable Integer page) {
        Integer starLevel = switch (DeskPages.blank(stars)) {
            case "3" -> 3;
            case "4" -> 4;
            case "5" -> 5;
            default -> null;
        };
        Long producerId = null;
        try {
            producerId = producer == null || producer.isBlank() ? null : Long.parseLong(producer.strip());
        } catch (NumberFormatException e) {
            producerId = null;
        }
        ProductDesk.Filter filter = new ProductDesk.Filter(
                q == null ? null : q.strip(),
                DeskPages.blank(province),
                DeskPages.blank(group),
                starLevel,
                ProductDesk.State.of(state).orElse(null),
                ProducerDeskController.type(type).orElse(null),
                producerId,
                ProductDesk.Sort.of(sort));
        int pageNumber = DeskPages.pageNumber(page);
        long total = products.count(staff.scope(), filter);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "products",
                products.list(staff.scope(), filter, (pageNumber - 1) * DeskPages.PAGE_SIZE, DeskPages.PAGE_SIZE));
        model.put("q", DeskPages.blank(q));
        model.put("province", filter.province());
        model.put("group", filter.group());
        model.put("stars", starLevel == null ? "" : starLevel.toString());
        model.put("state", filter.state() == null ? "" : filter.state().name());
        model.put(
                "type",
                filter.producerType() == null ? "" : filter.producerType().name());
        model.put("producer", producerId == null ? "" : producerId.toString());
        model.put("sort", filter.sort().name());
        model.put(
                "sorts",
                Arrays.stream(ProductDesk.Sort.values()).map(Enum::name).toList());
        model.put(
                "states",
                Arrays.stream(ProductDesk.State.values()).map(Enum::name).toList());
        model.put("types", Arrays.stream(ProducerType.values()).map(Enum::name).toList());
        model.put("groups", products.groups());
        model.put("provinces", producers.provinces(staff.scope()));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", DeskPages.pages(total));
        model.put("mayRegister", staff.may(Permission.REGISTER_PRODUCTS));
        return DeskPages.page("admin/product/products", model, HttpStatus.OK);
    }

    @Get("/new")
    @StaffOnly(Permission.REGISTER_PRODUCTS)
    HttpResponse<?> initCreationForm(Staff staff, @QueryValue @Nullable String producer) {
        DeskForm form = DeskForm.of(Map.of(), ProductDesk.FIELDS);
        if (producer != null) {
            form.set("producer", producer.strip());
        }
        return form(new View(staff, null, form, HttpStatus.OK));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.REGISTER_PRODUCTS)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> body) {
        DeskForm form = DeskForm.of(body, ProductDesk.FIELDS);
        List<ProducerDesk.Place> choices = producers.choices(staff.scope());
        products.validate(form, staff.scope(), choices, null);
        if (!form.valid()) {
            return form(new View(staff, null, form, HttpStatus.UNPROCESSABLE_ENTITY));
        }
        ProducerDesk.Record producer = producers
                .one(Long.parseLong(form.get("producer")), staff.scope())
                .orElseThrow(UnknownRecord::new);
        long id = products.create(staff, form, producer.provinceCode());
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1");
    }

    @Get("/{id}")
    @StaffOnly(Permission.READ_PRODUCTS)
    HttpResponse<?> initUpdateForm(Staff staff, long id, @QueryValue @Nullable String saved) {
        ProductDesk.Record record = record(staff, id);
        View view = new View(staff, record, DeskForm.filled(record.values()), HttpStatus.OK);
        view.saved = saved != null;
        return form(view);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> body) {
        ProductDesk.Record record = record(staff, id);
        boolean descriptiveOnly = !staff.may(Permission.REGISTER_PRODUCTS);
        Map<String, String> typed = new HashMap<>(record.values());
        for (String field : descriptiveOnly ? ProductDesk.DESCRIPTIVE_FIELDS : ProductDesk.FIELDS) {
            typed.put(field, body.get(field));
        }
        DeskForm form = DeskForm.of(typed, ProductDesk.FIELDS);
        List<ProducerDesk.Place> choices = producers.choices(staff.scope());
        if (descriptiveOnly) {
            choices = List.of(new ProducerDesk.Place(Long.toString(record.producerId()), record.producerName()));
        }
        products.validate(form, staff.scope(), choices, record);
        int version = ProducerDeskController.version(body.get("version"));
        if (!form.valid()) {
            View view = new View(staff, record, form, HttpStatus.UNPROCESSABLE_ENTITY);
            view.version = version;
            return form(view);
        }
        String province = record.provinceCode();
        if (!form.get("producer").equals(Long.toString(record.producerId()))) {
            province = producers
                    .one(Long.parseLong(form.get("producer")), staff.scope())
                    .orElseThrow(UnknownRecord::new)
                    .provinceCode();
        }
        if (version != record.version() || !products.update(staff, record, form, version, province, descriptiveOnly)) {
            ProductDesk.Record saved = record(staff, id);
            View view = new View(staff, saved, form, HttpStatus.CONFLICT);
            view.conflict = DeskPages.differences(
                    saved.values(),
                    form.getValues(),
                    descriptiveOnly ? ProductDesk.DESCRIPTIVE_FIELDS : ProductDesk.FIELDS,
                    "product.desk.product.field.");
            return form(view);
        }
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1");
    }

    /**
     * A photo upload. Multipart forms cannot carry the CSRF token in a field the staff gate reads before the body,
     * so the form's address carries it ({@code ?_csrf=}).
     */
    @Post(value = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> upload(
            Staff staff,
            long id,
            @Part("photo") @Nullable CompletedFileUpload photo,
            @Part("alt") @Nullable String alt) {
        ProductDesk.Record record = record(staff, id);
        String altText = alt == null ? "" : VietnameseText.nfc(alt).strip();
        View view = new View(staff, record, DeskForm.filled(record.values()), HttpStatus.UNPROCESSABLE_ENTITY);
        view.photoAlt = altText;
        if (altText.codePointCount(0, altText.length()) > ProductMedia.ALT_MAX
                || CleanText.controlAt(altText, false) >= 0) {
            view.photoError = "alt";
            return form(view);
        }
        if (media.photos(id).size() >= ProductMedia.MAX_PHOTOS) {
            view.photoError = "too-many";
            return form(view);
        }
        if (photo == null || photo.getSize() == 0) {
            view.photoError = "empty";
            return form(view);
        }
        if (photo.getSize() > PhotoUpload.MAX_BYTES) {
            view.photoError = "too-large";
            return form(view);
        }
        PhotoUpload.Photo processed;
        try {
            processed = PhotoUpload.process(photo.getBytes());
        } catch (PhotoUpload.Refused refused) {
            view.photoError = refused.reason;
            return form(view);
        } catch (IOException e) {
            view.photoError = "unreadable";
            return form(view);
        }
        media.addPhoto(staff, record, processed, altText);
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1#photos");
    }

    /** Changes one photo: its alt text ({@code action=alt}), its place ({@code up}, {@code down}), or deletes it. */
    @Post("/{id}/photos/{photoId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> changePhoto(Staff staff, long id, long photoId, @Body Map<String, String> body) {
        ProductDesk.Record record = record(staff, id);
        ProductMedia.Photo photo = media.photo(id, photoId).orElseThrow(UnknownRecord::new);
        switch (DeskPages.blank(body.get("action"))) {
            case "alt" -> {
                String alt = VietnameseText.nfc(DeskPages.blank(body.get("alt")));
                if (alt.codePointCount(0, alt.length()) > ProductMedia.ALT_MAX) {
                    View view =
                            new View(staff, record, DeskForm.filled(record.values()), HttpStatus.UNPROCESSABLE_ENTITY);
                    view.photoError = "alt";
                    return form(view);
                }
                media.changeAlt(staff, record, photo, alt);
            }
            case "up" -> media.move(staff, record, photo, -1);
            case "down" -> media.move(staff, record, photo, 1);
            case "delete" -> media.deletePhoto(staff, record, photo);
            default -> {
                View view = new View(staff, record, DeskForm.filled(record.values()), HttpStatus.UNPROCESSABLE_ENTITY);
                view.photoError = "action";
                return form(view);
            }
        }
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1#photos");
    }

    @Post("/{id}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> addLink(Staff staff, long id, @Body Map<String, String> body) {
        ProductDesk.Record record = record(staff, id);
        DeskForm link = DeskForm.of(body, List.of("kind", "url", "label"));
        Optional<ProductMedia.LinkKind> kind = Arrays.stream(ProductMedia.LinkKind.values())
                .filter(k -> k.name().equals(link.get("kind")))
                .findFirst();
        if (kind.isEmpty()) {
            link.error("kind", "product.desk.error.choose");
        }
        link.required("url", 2000);
        if (!link.get("url").isEmpty() && !DeskForm.isWebAddress(link.get("url"))) {
            link.error("url", "product.desk.error.url");
        }
        link.optional("label", 200);
        if (media.links(id).size() >= ProductMedia.MAX_LINKS) {
            link.error("url", "product.desk.error.too-many-links", ProductMedia.MAX_LINKS);
        }
        if (!link.valid()) {
            View view = new View(staff, record, DeskForm.filled(record.values()), HttpStatus.UNPROCESSABLE_ENTITY);
            view.link = link;
            return form(view);
        }
        media.addLink(staff, record, kind.get(), link.get("url"), link.get("label"));
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1#links");
    }

    @Post("/{id}/links/{linkId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> deleteLink(Staff staff, long id, long linkId) {
        ProductDesk.Record record = record(staff, id);
        ProductMedia.Link link = media.links(id).stream()
                .filter(l -> l.id() == linkId)
                .findFirst()
                .orElseThrow(UnknownRecord::new);
        media.deleteLink(staff, record, link);
        return DeskPages.seeOther("/admin/products/" + id + "?saved=1#links");
    }

    private ProductDesk.Record record(Staff staff, long id) {
        return products.one(id, staff.scope()).orElseThrow(UnknownRecord::new);
    }

    /** What the product page shows besides the form. */
    private static final class View {
        final Staff staff;
        final @Nullable ProductDesk.Record record;
        final DeskForm form;
        final HttpStatus status;
        int version;
        boolean saved;

        @Nullable
        List<DeskPages.Difference> conflict;

        @Nullable
        String photoError;

        String photoAlt = "";
        DeskForm link = DeskForm.of(Map.of(), List.of("kind", "url", "label"));

        View(Staff staff, @Nullable ProductDesk.Record record, DeskForm form, HttpStatus status) {
            this.staff = staff;
            this.record = record;
            this.form = form;
            this.status = status;
            this.version = record == null ? 0 : record.version();
        }
    }

    private HttpResponse<?> form(View view) {
        Staff staff = view.staff;
        boolean mayRegister = staff.may(Permission.REGISTER_PRODUCTS);
        Map<String, Object> model = new HashMap<>();
        model.put("record", view.record);
        model.put("form", view.form);
        model.put("version", view.version);
        model.put("conflict", view.conflict);
        model.put("saved", view.saved);
        model.put("groups", products.groups());
        model.put("subgroups", products.subgroups());
        model.put(
                "producers",
                view.record != null && !mayRegister
                        ? List.of(new ProducerDesk.Place(
                                Long.toString(view.record.producerId()), view.record.producerName()))
                        : producers.choices(staff.scope()));
        model.put("editable", view.record == null ? mayRegister : staff.may(Permission.EDIT_PRODUCTS));
        model.put("descriptiveOnly", !mayRegister);
        model.put("photos", view.record == null ? List.of() : media.photos(view.record.id()));
        model.put("links", view.record == null ? List.of() : media.links(view.record.id()));
        model.put(
                "linkKinds",
                Arrays.stream(ProductMedia.LinkKind.values()).map(Enum::name).toList());
        model.put("link", view.link);
        model.put("photoError", view.photoError);
        model.put("photoAlt", view.photoAlt);
        model.put("maxMegabytes", PhotoUpload.MAX_BYTES / 1_000_000);
        model.put("maxPhotos", ProductMedia.MAX_PHOTOS);
        model.put("altMax", ProductMedia.ALT_MAX);
        return DeskPages.page("admin/product/product", model, view.status);
    }
}
