package vn.ocop.portal.traceability.pick;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Scope;

/**
 * The products and batches of a staff scope that the stamp and batch desks' pickers offer, found by a few words of
 * their name, their producer's name or their code (a product's barcode, a batch's lot), with or without diacritics.
 * Every query takes the scope: nothing outside it is ever offered.
 */
@Singleton
public class Choices {

    /** How many matches a picker shows: enough to spot the one meant, few enough to read on a phone. */
    public static final int SHOWN = 20;

    /** The words of a search that count (a longer search adds nothing a person would notice). */
    private static final int WORDS = 6;

    private static final String WITHIN = Scope.condition("pr.province_code", "p.producer_id");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final String PRODUCTS = "select p.id, p.name, pr.name, p.gtin from product p"
            + " join producer pr on pr.id = p.producer_id where " + WITHIN;
    private static final String BATCHES = "select b.id, b.lot_number, p.name, pr.name, b.production_date from batch b"
            + " join product p on p.id = b.product_id join producer pr on pr.id = p.producer_id where " + WITHIN;

    private final Database database;

    Choices(Database database) {
        this.database = database;
    }

    /**
     * Products of the scope with every word in their name, their producer's name or their barcode; those whose name
     * starts with the first word first, then by name.
     */
    public List<Choice> products(Scope scope, String query, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(PRODUCTS);
        List<Object> parameters = new ArrayList<>(Arrays.asList(scope.bindings(new Object[0])));
        for (String word : words) {
            sql.append(" and (p.name_folded like ? or pr.name_folded like ? or p.gtin like ?)");
            parameters.add("%" + likeEscaped(word) + "%");
            parameters.add("%" + likeEscaped(word) + "%");
            parameters.add(likeEscaped(word) + "%");
        }
        // Names that start with the first word, then those with a word that starts with it, then the others.
        sql.append(" order by case when p.name_folded like ? then 0 when p.name_folded like ? then 1 else 2 end,"
                + " p.name_folded, p.id limit ?");
        parameters.add(likeEscaped(words.getFirst()) + "%");
        parameters.add("% " + likeEscaped(words.getFirst()) + "%");
        parameters.add(limit);
        return list(sql.toString(), parameters.toArray(), Choices::product);
    }

    /** Batches of the scope with every word in their lot, their product's or their producer's name; newest first. */
    public List<Choice> batches(Scope scope, String query, int limit) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(BATCHES);
        List<Object> parameters = new ArrayList<>(Arrays.asList(scope.bindings(new Object[0])));
        for (String word : words) {
            sql.append(" and (lower(b.lot_number) like ? or p.name_folded like ? or pr.name_folded like ?)");
            for (int i = 0; i < 3; i++) {
                parameters.add("%" + likeEscaped(word) + "%");
            }
        }
        sql.append(" order by b.production_date desc, b.id desc limit ?");
        parameters.add(limit);
        return list(sql.toString(), parameters.toArray(), Choices::batch);
    }

    /** The product, if it lies within the scope. */
    public Optional<Choice> product(long id, Scope scope) {
        return list(PRODUCTS + " and p.id = ?", scope.bindings(new Object[0], id), Choices::product).stream()
                .findFirst();
    }

    /** The batch, if it lies within the scope. */
    public Optional<Choice> batch(long id, Scope scope) {
        return list(BATCHES + " and b.id = ?", scope.bindings(new Object[0], id), Choices::batch).stream()
                .findFirst();
    }

    /** The folded words of a search: lower case, without diacritics (đ as d), at most {@value #WORDS}. */
    static List<String> words(String query) {
        if (query == null) {
            return List.of();
        }
        String folded = VietnameseText.fold(query).strip();
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split("\\s+")).distinct().limit(WORDS).toList();
    }

    private static Choice product(ResultSet row) throws SQLException {
        String gtin = row.getString(4);
        return new Choice(
                row.getLong(1), row.getString(2), gtin == null ? row.getString(3) : row.getString(3) + " · " + gtin);
    }

    private static Choice batch(ResultSet row) throws SQLException {
        LocalDate produced = row.getObject(5, LocalDate.class);
        return new Choice(
                row.getLong(1),
                row.getString(2) + " — " + row.getString(3),
                row.getString(4) + " · " + (produced == null ? "" : DATE.format(produced)));
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<Choice> list(String sql, Object[] parameters, Database.RowMapper<Choice> mapper) {
        return database.list(sql, mapper, parameters);
    }
}
