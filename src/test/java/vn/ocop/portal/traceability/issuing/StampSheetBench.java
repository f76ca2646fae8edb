package vn.ocop.portal.traceability.issuing;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How long the A4 sheet of N item labels takes (default 100,000: the largest run), written to a temporary file as
 * a download would be. Run on a quiet machine against the packaged jar, with {@code bench/sheet/run.sh} (see
 * bench/README.md): it needs nothing from the test sources but this class and {@link StampSheetTest#labels}.
 */
public final class StampSheetBench {

    private StampSheetBench() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<StampSheet.Label> labels = StampSheetTest.labels(count, "Khăn lụa tơ tằm Vạn Phúc");
        for (int round = 1; round <= rounds; round++) {
            Path file = Files.createTempFile("ocop-sheet-bench", ".pdf");
            long start = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                StampSheet.write(labels, out);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "round %d: %,d labels (%,d pages) in %,d ms, %,d KiB%n",
                    round, count, (count + 34) / 35, millis, Files.size(file) / 1024);
            Files.delete(file);
        }
    }
}
