package vn.ocop.portal.staff;

/**
 * Something on a desk that needs the signed-in person's attention, as the admin landing page lists it: how many
 * of what, and where to deal with them.
 *
 * @param messageKey the label in the bundles; it takes the count as its argument
 */
public record Attention(String messageKey, long count, String path) {

    /** A desk with work that may need attention; the landing page asks each for the caller's scope. */
    public interface Source {
        java.util.Optional<Attention> attention(Staff staff);
    }

    public String getMessageKey() {
        return messageKey;
    }

    public long getCount() {
        return count;
    }

    public String getPath() {
        return path;
    }
}
