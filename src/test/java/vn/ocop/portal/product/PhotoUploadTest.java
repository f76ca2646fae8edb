package vn.ocop.portal.product;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What becomes of an uploaded photo: refused with a reason, or redrawn safe to publish. */
class PhotoUploadTest {

    @Test
    void shouldRefuseAScriptNamedLikeAPhoto() {
        assertEquals("type", refusal(TestImages.script()));
    }

    @Test
    void shouldRefuseAnSvgDrawing() {
        assertEquals("type", refusal(TestImages.svg()));
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit() {
        byte[] big = new byte[PhotoUpload.MAX_BYTES + 1];
        System.arraycopy(TestImages.jpeg(10, 10), 0, big, 0, 100);
        assertEquals("too-large", refusal(big));
    }

    @Test
    void shouldRefuseADecompressionBombBeforeDecodingIt() {
        byte[] bomb = TestImages.pngBomb(30_000, 30_000);
        assertTrue(bomb.length < 10_000, "a small file: " + bomb.length + " bytes");
        long before = System.nanoTime();
        assertEquals("too-many-pixels", refusal(bomb));
        assertTrue(System.nanoTime() - before < 2_000_000_000L, "refused from its header, not after decoding");
    }

    @Test
    void shouldRefuseAnEmptyOrBrokenFile() {
        assertEquals("empty", refusal(new byte[0]));
        byte[] broken = Arrays.copyOf(TestImages.jpeg(50, 50), 40);
        assertEquals("unreadable", refusal(broken));
    }

    @Test
    void shouldDropTheGpsPositionOfAPhoneCameraPhoto() throws Exception {
        byte[] upload = TestImages.jpegWithGps(400, 300);
        assertTrue(TestImages.hasApp1(upload), "the upload carries EXIF");
        assertTrue(new String(upload, StandardCharsets.ISO_8859_1).contains("Exif"));
        PhotoUpload.Photo photo = PhotoUpload.process(upload);
        assertEquals("image/jpeg", photo.contentType());
        assertFalse(TestImages.hasApp1(photo.content()), "no EXIF (nor XMP) left");
        assertFalse(new String(photo.content(), StandardCharsets.ISO_8859_1).contains("Exif"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.content()));
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    @Test
    void shouldShrinkALargePhotoToTheLongestSideAllowed() throws Exception {
        PhotoUpload.Photo photo = PhotoUpload.process(TestImages.jpeg(4000, 2000));
        BufferedImage image = read(photo);
        assertEquals(PhotoUpload.MAX_SIDE, image.getWidth());
        assertEquals(PhotoUpload.MAX_SIDE / 2, image.getHeight());
    }

    @Test
    void shouldKeepTransparencyAsPng() throws Exception {
        PhotoUpload.Photo photo = PhotoUpload.process(TestImages.png(300, 200, true));
        assertEquals("image/png", photo.contentType());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(photo.content(), 4), "written as PNG");
        assertTrue(read(photo).getColorModel().hasAlpha());
        assertEquals(
                "image/jpeg",
                PhotoUpload.process(TestImages.png(300, 200, false)).contentType());
    }

    @Test
    void shouldTellTheTypeFromTheContentAlone() throws Exception {
        assertEquals("jpeg", PhotoUpload.sniff(TestImages.jpeg(5, 5)));
        assertEquals("png", PhotoUpload.sniff(TestImages.png(5, 5, false)));
        assertThrows(PhotoUpload.Refused.class, () -> PhotoUpload.sniff("GIF".getBytes(StandardCharsets.US_ASCII)));
    }

    private static String refusal(byte[] file) {
        return assertThrows(PhotoUpload.Refused.class, () -> PhotoUpload.process(file)).reason;
    }

    private static BufferedImage read(PhotoUpload.Photo photo) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(photo.content()));
    }
}
