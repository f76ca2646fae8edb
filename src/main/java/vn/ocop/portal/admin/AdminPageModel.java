package vn.ocop.portal.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffMenuEntry;

/**
 * Gives every page of a signed-in staff request what the admin layout shows: who is signed in, the CSRF token of
 * their session's forms, and the navigation entries their role may use (the current one marked).
 */
@Singleton
class AdminPageModel implements ViewModelProcessor<Map<String, Object>> {

    private final List<StaffMenuEntry> entries;

    AdminPageModel(List<StaffMenuEntry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(StaffMenuEntry::position))
                .toList();
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Optional<Staff> staff = request.getAttribute(Staff.ATTRIBUTE, Staff.class);
        if (staff.isEmpty()) {
            return;
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.put("staff", staff.get());
        model.putIfAbsent("csrf", staff.get().csrfToken());
        String path = request.getPath();
        List<StaffMenuEntry> allowed = entries.stream()
                .filter(entry -> staff.get().may(entry.permission()))
                .toList();
        // The entry nearest the page is the current one (/admin/search/misses, not /admin/search as well).
        String current = allowed.stream()
                .map(StaffMenuEntry::path)
                .filter(entry -> current(path, entry))
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
        model.put(
                "menu",
                allowed.stream()
                        .map(entry -> new MenuItem(
                                entry.path(), entry.messageKey(), entry.path().equals(current)))
                        .toList());
        modelAndView.setModel(model);
    }

    private static boolean current(String path, String entry) {
        return path.equals(entry) || path.startsWith(entry + "/");
    }

    /** An entry as the layout shows it. */
    record MenuItem(String path, String messageKey, boolean current) {
        public String getPath() {
            return path;
        }

        public String getMessageKey() {
            return messageKey;
        }

        public boolean isCurrent() {
            return current;
        }
    }
}
