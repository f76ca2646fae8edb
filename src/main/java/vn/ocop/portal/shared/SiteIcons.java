package vn.ocop.portal.shared;

import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The portal's icon (a gold star on the OCOP red), drawn once at startup in the sizes browsers and phones ask for:
 * {@code /favicon.ico}, {@code /icons/icon-{size}.png} (32, 180, 192, 512) and the web app manifest
 * ({@code /manifest.webmanifest}) that lists them. No image files to keep in step with the colours.
 */
@Controller
class SiteIcons {

    static final List<Integer> SIZES = List.of(32, 180, 192, 512);
    private static final String CACHE = "public, max-age=604800";
    private static final Color RED = new Color(0xb3, 0x26, 0x1e);
    private static final Color GOLD = new Color(0xff, 0xd5, 0x4a);

    private final Map<Integer, byte[]> png = new LinkedHashMap<>();
    private final byte[] ico;
    private final byte[] manifestVi;
    private final byte[] manifestEn;

    SiteIcons(JsonMapper json, @Named("messages") MessageSource messages) {
        for (int size : SIZES) {
            png.put(size, png(size));
        }
        ico = ico(png.get(32), 32);
        try {
            manifestVi = json.writeValueAsBytes(manifest(messages, Language.VI));
            manifestEn = json.writeValueAsBytes(manifest(messages, Language.EN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/favicon.ico", produces = "image/x-icon")
    HttpResponse<byte[]> favicon() {
        return HttpResponse.ok(ico).contentType("image/x-icon").header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    @Get(value = "/icons/icon-{size}.png", produces = MediaType.IMAGE_PNG)
    HttpResponse<byte[]> icon(int size) {
        byte[] image = png.get(size);
        if (image == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no icon of " + size + " px");
        }
        return HttpResponse.ok(image).contentType(MediaType.IMAGE_PNG_TYPE).header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    /** The manifest in the visitor's language ({@code /manifest.webmanifest}, {@code /en/manifest.webmanifest}). */
    @Get(value = "/manifest.webmanifest", produces = "application/manifest+json")
    HttpResponse<byte[]> manifest() {
        return manifest(manifestVi);
    }

    @Get(value = "/en/manifest.webmanifest", produces = "application/manifest+json")
    HttpResponse<byte[]> manifestEnglish() {
        return manifest(manifestEn);
    }

    private static HttpResponse<byte[]> manifest(byte[] body) {
        return HttpResponse.ok(body).contentType("application/manifest+json").header(HttpHeaders.CACHE_CONTROL, CACHE);
    }

    private static Map<String, Object> manifest(MessageSource messages, Language language) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", message(messages, "site.title", language));
        manifest.put("short_name", message(messages, "site.name", language));
        manifest.put("description", message(messages, "site.description", language));
        manifest.put("lang", language.tag());
        manifest.put("start_url", language == Language.VI ? "/" : "/en/");
        manifest.put("scope", "/");
        manifest.put("display", "browser");
        manifest.put("background_color", "#fffdf8");
        manifest.put("theme_color", "#b3261e");
        manifest.put(
                "icons",
                SIZES.stream()
                        .filter(size -> size >= 192)
                        .map(size -> Map.of(
                                "src",
                                "/icons/icon-" + size + ".png",
                                "sizes",
                                size + "x" + size,
                                "type",
                                MediaType.IMAGE_PNG,
                                "purpose",
                                "any maskable"))
                        .toList());
        return manifest;
    }

    private static String message(MessageSource messages, String key, Language language) {
        return messages.getRawMessage(key, MessageSource.MessageContext.of(language.locale()))
                .orElseThrow(() -> new IllegalStateException("no message " + key));
    }

    /** A gold five-pointed star on a red square, the star within the middle 60 % (safe for maskable icons). */
    private static byte[] png(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(RED);
            g.fillRect(0, 0, size, size);
            Polygon star = new Polygon();
            double outer = size * (size <= 32 ? 0.46 : 0.32);
            double inner = outer * 0.4;
            for (int i = 0; i < 10; i++) {
                double radius = i % 2 == 0 ? outer : inner;
                double angle = Math.PI / 5 * i - Math.PI / 2;
                star.addPoint((int) Math.round(size / 2.0 + radius * Math.cos(angle)), (int)
                        Math.round(size / 2.0 + outer * 0.1 + radius * Math.sin(angle)));
            }
            g.setColor(GOLD);
            g.fillPolygon(star);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An ICO file holding one PNG image (the form every current browser reads). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        ico.put((byte) size).put((byte) size).put((byte) 0).put((byte) 0);
        ico.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        ico.put(png);
        return ico.array();
    }
}
