package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The product subgroups ({@code /admin/subgroups}): data staff extend (DOMAIN.md), each within one of the six groups
 * of Decision 148. One list serves every province, so only national administrators change it.
 */
@Controller("/admin/subgroups")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SubgroupDeskController {

    static final List<String> FIELDS = List.of("group", "code", "name", "nameEn");

    private final ProductDesk products;
    private final Database database;
    private final AuditLog audit;

    SubgroupDeskController(ProductDesk products, Database database, AuditLog audit) {
        this.products = products;
        this.database = database;
        this.audit = audit;
    }

    @Get
    @StaffOnly(Permission.MANAGE_SUBGROUPS)
    HttpResponse<?> list(Staff staff, @QueryValue @Nullable String saved) {
        national(staff);
        Map<String, Object> model = model(DeskForm.of(Map.of(), FIELDS), null, null);
        model.put("saved", saved != null);
        return DeskPages.page("admin/product/subgroups", model, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_SUBGROUPS)
    HttpResponse<?> create(Staff staff, @Body Map<String, String> body) {
        national(staff);
        DeskForm form = DeskForm.of(body, FIELDS);
        validate(form, null);
        if (!form.valid()) {
            return DeskPages.page("admin/product/subgroups", model(form, null, null), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        database.inTransaction(() -> {
            long id = database.insert(
                    "insert into product_subgroup (group_code, code, name, name_en) values (?, ?, ?, ?) returning id",
                    form.get("group"),
                    form.get("code"),
                    form.get("name"),
                    form.get("nameEn"));
            audit.record(staff, "subgroup.create", "product_subgroup", id, null, null, null, form.getValues());
            return id;
        });
        return DeskPages.seeOther("/admin/subgroups?saved=1");
    }

    /** Renames a subgroup (its group and code stay: products and scoring sheets refer to them). */
    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_SUBGROUPS)
    HttpResponse<?> rename(Staff staff, long id, @Body Map<String, String> body) {
        national(staff);
        ProductDesk.Subgroup current = products.subgroups().stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(UnknownRecord::new);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("group", current.groupCode());
        typed.put("code", current.code());
        typed.put("name", body.get("name"));
        typed.put("nameEn", body.get("nameEn"));
        DeskForm form = DeskForm.of(typed, FIELDS);
        validate(form, current);
        if (!form.valid()) {
            return DeskPages.page(
                    "admin/product/subgroups",
                    model(DeskForm.of(Map.of(), FIELDS), id, form),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        database.inTransaction(() -> {
            database.update(
                    "update product_subgroup set name = ?, name_en = ? where id = ?",
                    form.get("name"),
                    form.get("nameEn"),
                    id);
            audit.record(
                    staff,
                    "subgroup.rename",
                    "product_subgroup",
                    id,
                    null,
                    null,
                    Map.of("name", current.name(), "nameEn", current.nameEn()),
                    Map.of("name", form.get("name"), "nameEn", form.get("nameEn")));
            return null;
        });
        return DeskPages.seeOther("/admin/subgroups?saved=1");
    }

    private void validate(DeskForm form, @Nullable ProductDesk.Subgroup current) {
        if (current == null) {
            String group = form.get("group");
            if (products.groups().stream().noneMatch(g -> g.code().equals(group))) {
                form.error("group", "product.desk.error.choose");
            } else if (!form.get("code").matches("[0-9]{2}\\.[0-9]{1,3}")
                    || !form.get("code").startsWith(group + ".")) {
                form.error("code", "product.desk.error.subgroup-code");
            } else if (products.subgroups().stream().anyMatch(s -> s.code().equals(form.get("code")))) {
                form.error("code", "product.desk.error.subgroup-code-taken");
            }
        }
        form.required("name", 200);
        form.required("nameEn", 200);
    }

    private Map<String, Object> model(DeskForm form, @Nullable Long failedId, @Nullable DeskForm failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("groups", products.groups());
        model.put("subgroups", products.subgroups());
        model.put("failedId", failedId);
        model.put("failed", failed);
        model.put("saved", false);
        return model;
    }

    private static void national(Staff staff) {
        if (!staff.isNational()) {
            throw new StaffDenied();
        }
    }
}
