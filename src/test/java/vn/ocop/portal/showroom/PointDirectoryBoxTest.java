package vn.ocop.portal.showroom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The box tried before the exact distance never leaves out a place within the radius, poles and 180° included. */
class PointDirectoryBoxTest {

    @Test
    void shouldKeepEveryPlaceWithinTheRadius() {
        Random random = new Random(16);
        double[][] centres = {{21.0285, 105.8542}, {10.77, 106.70}, {89.9, 0}, {-89.5, 45}, {0, 179.9}, {-33, -179.95}};
        for (double[] centre : centres) {
            for (double radius : new double[] {0.5, 5, 30, 250, 2_000}) {
                PointDirectory.Box box = PointDirectory.Box.around(centre[0], centre[1], radius);
                // Places scattered up to 1.5 radii off the centre, so that many fall inside and many near the edge.
                double spanLatitude = 3 * radius / 111.0;
                double spanLongitude =
                        Math.min(360, spanLatitude / Math.max(0.01, Math.cos(Math.toRadians(centre[0]))));
                int inside = 0;
                for (int i = 0; i < 20_000; i++) {
                    double latitude =
                            Math.max(-90, Math.min(90, centre[0] + (random.nextDouble() - 0.5) * spanLatitude));
                    double longitude = centre[1] + (random.nextDouble() - 0.5) * spanLongitude;
                    longitude = ((longitude + 540) % 360) - 180;
                    if (PointDirectory.distanceKm(centre[0], centre[1], latitude, longitude) <= radius) {
                        inside++;
                        assertTrue(
                                box.contains(latitude, longitude),
                                "within " + radius + " km of " + centre[0] + "," + centre[1] + ": " + latitude + ","
                                        + longitude);
                    }
                }
                assertTrue(inside > 1_000, "the sample reaches inside " + radius + " km: " + inside);
            }
        }
    }
}
