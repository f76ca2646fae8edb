package vn.ocop.portal.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the demo catalogue refers to and the database already holds: provinces, communes, product groups and
 * subgroups.
 */
record ReferenceData(
        Map<String, String> provinceNames,
        Map<String, String> communeProvinces,
        Map<String, String> groupNames,
        Map<String, Subgroup> subgroups) {

    record Subgroup(long id, String groupCode) {}

    ReferenceData {
        provinceNames = Map.copyOf(provinceNames);
        communeProvinces = Map.copyOf(communeProvinces);
        groupNames = Map.copyOf(groupNames);
        subgroups = Map.copyOf(subgroups);
    }

    static ReferenceData read(Connection connection) throws SQLException {
        Map<String, String> provinces = new HashMap<>();
        Map<String, String> communes = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        Map<String, Subgroup> subgroups = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select code, name from province");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                provinces.put(rows.getString(1), rows.getString(2));
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select code, province_code from commune");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                communes.put(rows.getString(1), rows.getString(2));
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                        // Both names: the placeholder photos print the group, and one image serves both languages'
                        // pages.
                        "select code, name || ' · ' || name_en from product_group");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                groups.put(rows.getString(1), rows.getString(2));
            }
        }
        try (PreparedStatement select =
                        connection.prepareStatement("select id, code, group_code from product_subgroup");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                subgroups.put(rows.getString(2), new Subgroup(rows.getLong(1), rows.getString(3)));
            }
        }
        return new ReferenceData(provinces, communes, groups, subgroups);
    }
}
