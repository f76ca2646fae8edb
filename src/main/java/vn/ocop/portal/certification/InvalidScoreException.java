package vn.ocop.portal.certification;

/** A part score (or total) outside its range: bad input, reported to whoever typed it. */
public final class InvalidScoreException extends IllegalArgumentException {

    private final String part;
    private final int points;
    private final int max;

    InvalidScoreException(String part, int points, int max) {
        super("Part %s must be between 0 and %d points, not %d".formatted(part, max, points));
        this.part = part;
        this.points = points;
        this.max = max;
    }

    public String part() {
        return part;
    }

    public int points() {
        return points;
    }

    public int max() {
        return max;
    }
}
