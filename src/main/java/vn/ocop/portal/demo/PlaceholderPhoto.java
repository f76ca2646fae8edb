package vn.ocop.portal.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in product photo for demo data: an 800×600 SVG with a background colour per product group, the product
 * name on up to three lines and the group's name. Self-contained: no external images, fonts or links.
 */
final class PlaceholderPhoto {

    static final String CONTENT_TYPE = "image/svg+xml";
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private static final int MARGIN = 64;
    private static final int MAX_LINES = 3;
    /**
     * Generous average advances of a sans-serif glyph, bold and regular, as a share of the font size, so that a line
     * of wide letters (m, w, Đ) still fits.
     */
    private static final double BOLD_GLYPH_WIDTH = 0.66;

    private static final double GLYPH_WIDTH = 0.58;

    private static final Map<String, String> BACKGROUNDS = Map.of(
            "01", "#9c4a1a", // food: burnt orange
            "02", "#1f5f8b", // beverages: blue
            "03", "#2e6b3a", // herbal: green
            "04", "#6a3d7c", // handicrafts: purple
            "05", "#a1324f", // ornamental plants and animals: rose
            "06", "#00695c"); // tourism: teal
    private static final String DEFAULT_BACKGROUND = "#455a64";

    private PlaceholderPhoto() {}

    static byte[] svg(String productName, String groupCode, String groupName) {
        String background = BACKGROUNDS.getOrDefault(groupCode, DEFAULT_BACKGROUND);
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(productName))
                .append("\">\n")
                .append("<title>")
                .append(escape(productName))
                .append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"")
                .append(background)
                .append("\"/>\n")
                .append("<circle cx=\"690\" cy=\"110\" r=\"170\" fill=\"#ffffff\" fill-opacity=\"0.08\"/>\n")
                .append("<circle cx=\"90\" cy=\"575\" r=\"210\" fill=\"#ffffff\" fill-opacity=\"0.06\"/>\n")
                .append("<rect x=\"")
                .append(MARGIN)
                .append("\" y=\"72\" width=\"96\" height=\"6\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.7\"/>\n");
        appendName(svg, productName);
        appendGroup(svg, groupCode, groupName);
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendName(StringBuilder svg, String name) {
        int[] sizes = {52, 46, 40};
        List<String> lines = List.of();
        int size = sizes[0];
        for (int candidate : sizes) {
            size = candidate;
            lines = wrap(name, charsPerLine(candidate, BOLD_GLYPH_WIDTH));
            if (lines.size() <= MAX_LINES) {
                break;
            }
        }
        if (lines.size() > MAX_LINES) {
            List<String> shortened = new ArrayList<>(lines.subList(0, MAX_LINES));
            shortened.set(MAX_LINES - 1, shortened.get(MAX_LINES - 1) + "…");
            lines = shortened;
        }
        int lineHeight = Math.round(size * 1.2f);
        int firstBaseline = 290 - (lines.size() - 1) * lineHeight / 2 + Math.round(size * 0.35f);
        svg.append("<text font-family=\"sans-serif\" font-size=\"")
                .append(size)
                .append("\" font-weight=\"700\" fill=\"#ffffff\">\n");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"")
                    .append(MARGIN)
                    .append("\" y=\"")
                    .append(firstBaseline + i * lineHeight)
                    .append("\">")
                    .append(escape(lines.get(i)))
                    .append("</tspan>\n");
        }
        svg.append("</text>\n");
    }

    private static void appendGroup(StringBuilder svg, String groupCode, String groupName) {
        String label = groupName == null || groupName.isBlank() ? "Nhóm " + groupCode : groupName;
        List<String> lines = wrap(label, charsPerLine(24, GLYPH_WIDTH));
        if (lines.size() > 2) {
            lines = List.of(lines.get(0), lines.get(1) + "…");
        }
        int baseline = HEIGHT - 56 - (lines.size() - 1) * 30;
        svg.append("<text font-family=\"sans-serif\" font-size=\"24\" fill=\"#ffffff\" fill-opacity=\"0.9\">\n");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"")
                    .append(MARGIN)
                    .append("\" y=\"")
                    .append(baseline + i * 30)
                    .append("\">")
                    .append(escape(lines.get(i)))
                    .append("</tspan>\n");
        }
        svg.append("</text>\n");
    }

    private static int charsPerLine(int fontSize, double glyphWidth) {
        return (int) ((WIDTH - 2 * MARGIN) / (fontSize * glyphWidth));
    }

    /** Greedy word wrap; a word longer than a line is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.isEmpty()) {
                line.append(word);
            } else if (line.length() + 1 + word.length() <= width) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Escapes text for XML content and attribute values; drops characters XML 1.0 does not allow. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c == 0x9
                            || c == 0xA
                            || c == 0xD
                            || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
