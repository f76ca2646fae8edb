package vn.ocop.portal.traceability.issuing;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A JSON whole number and nothing else: {@code 5}, not {@code true}, {@code 1.5}, {@code 5.0} or {@code "5"} (the
 * default decoding turns each of those into a number; a client sending one has made a mistake it should hear of).
 */
@Singleton
final class WholeNumber implements Deserializer<Integer> {

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() < 32) {
            number = big.longValue();
        } else {
            throw decoder.createDeserializationException("not a whole number", null);
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw decoder.createDeserializationException("out of range", null);
        }
        return (int) number;
    }
}
