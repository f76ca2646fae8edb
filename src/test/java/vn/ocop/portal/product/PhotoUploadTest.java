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
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A phone stores the sensor's rows as they came and says in EXIF how to turn them; the published photo (which
     * has no EXIF left to say it) must be turned already. Where the stored top-left (red) and top-right (blue)
     * squares are seen, for each of the eight orientations: corners top-left, top-right, bottom-right, bottom-left.
     */
    @ParameterizedTest(name = "orientation {0}: red seen {1}, blue {2}")
    @CsvSource({"1, TL, TR", "2, TR, TL", "3, BR, BL", "4, BL, BR", "5, TL, BL", "6, TR, BR", "7, BR, TR", "8, BL, TL"})
    void shouldTurnAPhotoUprightAsItsExifOrientationSays(int orientation, String red, String blue) throws Exception {
        byte[] upload = TestImages.jpegWithOrientation(400, 300, orientation);
        assertTrue(TestImages.hasApp1(upload), "the upload carries EXIF");
        assertEquals(orientation, PhotoUpload.orientation(upload), "the tag as the camera wrote it");

        PhotoUpload.Photo photo = PhotoUpload.process(upload);
        BufferedImage image = read(photo);
        boolean quarterTurn = orientation >= 5;
        assertEquals(quarterTurn ? 300 : 400, image.getWidth());
        assertEquals(quarterTurn ? 400 : 300, image.getHeight());
        assertEquals(image.getWidth(), photo.width());
        assertEquals(image.getHeight(), photo.height());
        for (String corner : List.of("TL", "TR", "BR", "BL")) {
            String expected = corner.equals(red) ? "red" : corner.equals(blue) ? "blue" : "white";
            assertEquals(expected, colourAt(image, corner, TestImages.MARK / 2), "the " + corner + " corner");
        }
        assertFalse(TestImages.hasApp1(photo.content()), "no EXIF left");
        assertEquals(1, PhotoUpload.orientation(photo.content()), "no orientation left to turn it again");
    }

    @Test
    void shouldShowAPortraitPhotoOfAPhoneUpright() throws Exception {
        // Held upright, a phone's landscape sensor stores the picture lying on its side, with Orientation 6.
        PhotoUpload.Photo photo = PhotoUpload.process(TestImages.jpegWithOrientation(4000, 3000, 6));
        BufferedImage image = read(photo);
        assertEquals(PhotoUpload.MAX_SIDE * 3 / 4, image.getWidth());
        assertEquals(PhotoUpload.MAX_SIDE, image.getHeight(), "taller than wide, as it was taken");
        int inset = TestImages.MARK * PhotoUpload.MAX_SIDE / 4000 / 2; // the squares shrink with the photo
        assertEquals("red", colourAt(image, "TR", inset));
        assertEquals("blue", colourAt(image, "BR", inset));
        assertEquals("white", colourAt(image, "TL", inset));
    }

    /** The colour {@code inset} pixels in from a corner (red, blue or white; a JPEG is only nearly exact). */
    private static String colourAt(BufferedImage image, String corner, int inset) {
        int x = corner.endsWith("L") ? inset : image.getWidth() - 1 - inset;
        int y = corner.startsWith("T") ? inset : image.getHeight() - 1 - inset;
        java.awt.Color colour = new java.awt.Color(image.getRGB(x, y));
        if (colour.getRed() > 180 && colour.getGreen() < 90 && colour.getBlue() < 90) {
            return "red";
        }
        if (colour.getBlue() > 180 && colour.getRed() < 90 && colour.getGreen() < 90) {
            return "blue";
        }
        if (colour.getRed() > 200 && colour.getGreen() > 200 && colour.getBlue() > 200) {
            return "white";
        }
        return colour.toString();
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
