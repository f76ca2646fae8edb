package vn.ocop.portal.product;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
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
 * when it has transparency), turned upright as its EXIF orientation says (read first, with metadata-extractor).
 * Drawing it anew leaves every metadata block behind: EXIF with its GPS position, XMP, comments.
 */
final class PhotoUpload {

    /**
     * A phone's photo, under the server's own limit of a multipart part ({@code micronaut.server.multipart
     * .max-file-size}, 10 MB), so that a file over it gets this desk's message rather than the server's 413. Forms of
     * plain fields keep their 1 MB limit at the edge ({@code shared/web/ProtocolGuard}).
     */
    static final int MAX_BYTES = 5_000_000;

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
            return redraw(source, orientation(file));
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

    /**
     * The EXIF orientation of the photo (1 to 8; 1, upright as stored, when it has none or it cannot be read): a
     * phone stores the sensor's rows as they came and says in this tag how to turn them. Read before the metadata
     * goes, since redrawing drops it and a viewer could no longer turn the photo upright.
     */
    static int orientation(byte[] file) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file), file.length);
            for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                Integer value = directory.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
                if (value != null && value >= 1 && value <= 8) {
                    return value;
                }
            }
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            // A broken EXIF block: the picture itself decoded, so keep it as stored.
        }
        return 1;
    }

    /**
     * The picture turned (and mirrored) as its EXIF orientation says it is meant to be seen: each value names where
     * the stored first row and first column belong, e.g. 6 (first row on the right, first column at the top) is a
     * quarter turn clockwise. Pixels move as they are, without interpolation.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean turned = orientation >= 5;
        int outWidth = turned ? height : width;
        int outHeight = turned ? width : height;
        int[] in = image.getRGB(0, 0, width, height, null, 0, width);
        int[] out = new int[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Where the stored pixel (x, y) is seen.
                int seenX;
                int seenY;
                switch (orientation) {
                    case 2 -> {
                        seenX = width - 1 - x;
                        seenY = y;
                    }
                    case 3 -> {
                        seenX = width - 1 - x;
                        seenY = height - 1 - y;
                    }
                    case 4 -> {
                        seenX = x;
                        seenY = height - 1 - y;
                    }
                    case 5 -> {
                        seenX = y;
                        seenY = x;
                    }
                    case 6 -> {
                        seenX = height - 1 - y;
                        seenY = x;
                    }
                    case 7 -> {
                        seenX = height - 1 - y;
                        seenY = width - 1 - x;
                    }
                    default -> {
                        seenX = y;
                        seenY = width - 1 - x;
                    }
                }
                out[seenY * outWidth + seenX] = in[y * width + x];
            }
        }
        BufferedImage result = new BufferedImage(outWidth, outHeight, image.getType());
        result.setRGB(0, 0, outWidth, outHeight, out, 0, outWidth);
        return result;
    }

    private static Photo redraw(BufferedImage source, int orientation) throws IOException {
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
        target = upright(target, orientation);
        width = target.getWidth();
        height = target.getHeight();
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
