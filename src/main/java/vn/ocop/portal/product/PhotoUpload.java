package vn.ocop.portal.product;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * A photo as people upload it, made safe to publish: its type is told from its first bytes (never from its name or
 * the type the browser declared), its size and its pixel count (read from the header, before anything is decoded:
 * a small file may declare a huge picture) are limited, and it is drawn anew at a sane size and written as JPEG (PNG
 * when it has transparency). Drawing it anew leaves every metadata block behind: EXIF with its GPS position, XMP,
 * comments.
 */
final class PhotoUpload {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    /** The longest side of a published photo. */
    static final int MAX_SIDE = 1600;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
    private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};

    /** A photo ready to store. */
    record Photo(byte[] content, String contentType, int width, int height) {}

    /** Why a file was refused: the message key's last part ({@code product.desk.photo.refused.<reason>}). */
    static final class Refused extends Exception {
        final String reason;

        Refused(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    private PhotoUpload() {}

    static Photo process(byte[] file) throws Refused {
        if (file.length == 0) {
            throw new Refused("empty");
        }
        if (file.length > MAX_BYTES) {
            throw new Refused("too-large");
        }
        String format = sniff(file);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new Refused("type");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new Refused("unreadable");
            }
            if ((long) width * height > MAX_PIXELS) {
                throw new Refused("too-many-pixels");
            }
            // Decode no more pixels than the published size needs (twice it, for a smooth reduction).
            int subsampling = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage source = reader.read(0, param);
            return redraw(source);
        } catch (IOException | RuntimeException e) {
            throw new Refused("unreadable");
        } finally {
            reader.dispose();
        }
    }

    /** The image format its first bytes show, or refused. */
    static String sniff(byte[] file) throws Refused {
        if (startsWith(file, JPEG)) {
            return "jpeg";
        }
        if (startsWith(file, PNG)) {
            return "png";
        }
        if (startsWith(file, GIF87) || startsWith(file, GIF89)) {
            return "gif";
        }
        throw new Refused("type");
    }

    private static Photo redraw(BufferedImage source) throws IOException {
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean transparent = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(
                width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!transparent) {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (transparent) {
            ImageIO.write(target, "png", out);
            return new Photo(out.toByteArray(), "image/png", width, height);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(target, null, null), param);
        } finally {
            writer.dispose();
        }
        return new Photo(out.toByteArray(), "image/jpeg", width, height);
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        return file.length >= prefix.length && Arrays.equals(file, 0, prefix.length, prefix, 0, prefix.length);
    }
}
