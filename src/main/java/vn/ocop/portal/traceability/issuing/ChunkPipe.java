package vn.ocop.portal.traceability.issuing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe of byte chunks between a producer thread and whichever threads the server reads with (unlike
 * {@link java.io.PipedInputStream}, it does not care which thread reads). At most {@code chunks} × 64 KiB wait in
 * memory; the producer blocks until the client takes more, and gives up when the reader closes (client gone) or
 * stops reading for a minute.
 */
final class ChunkPipe {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private volatile boolean readerClosed;

    ChunkPipe(int chunks) {
        this.queue = new ArrayBlockingQueue<>(chunks);
    }

    OutputStream output() {
        return new OutputStream() {
            private byte[] buffer = new byte[CHUNK];
            private int used;

            @Override
            public void write(int b) throws IOException {
                if (used == buffer.length) {
                    flushChunk();
                }
                buffer[used++] = (byte) b;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (used == buffer.length) {
                        flushChunk();
                    }
                    int n = Math.min(length, buffer.length - used);
                    System.arraycopy(bytes, offset, buffer, used, n);
                    used += n;
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void close() throws IOException {
                if (used > 0) {
                    flushChunk();
                }
                put(END);
            }

            private void flushChunk() throws IOException {
                put(Arrays.copyOf(buffer, used));
                used = 0;
            }
        };
    }

    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        byte[] next = queue.poll(1, TimeUnit.MINUTES);
                        if (next == null) {
                            throw new IOException("the producer stopped sending");
                        }
                        if (next == END) {
                            ended = true;
                            return -1;
                        }
                        current = next;
                        position = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, target, offset, n);
                position += n;
                return n;
            }

            @Override
            public void close() {
                readerClosed = true;
                queue.clear();
            }
        };
    }

    private void put(byte[] chunk) throws IOException {
        try {
            if (readerClosed || !queue.offer(chunk, 1, TimeUnit.MINUTES)) {
                throw new IOException("the client stopped reading");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
