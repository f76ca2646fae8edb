package vn.ocop.portal.staff;

/**
 * One entry of the admin navigation. A feature with admin screens declares its entries as beans; the admin layout
 * shows those whose permission the signed-in role has, in {@code position} order.
 *
 * @param path where the entry leads ({@code /admin/...})
 * @param messageKey its label in the bundles
 */
public record StaffMenuEntry(int position, String path, String messageKey, Permission permission) {

    public String getPath() {
        return path;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
