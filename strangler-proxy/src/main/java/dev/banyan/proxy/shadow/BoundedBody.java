package dev.banyan.proxy.shadow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** Collects up to a fixed number of bytes and notes whether more came; never grows past its limit. */
final class BoundedBody {

    private final int limit;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private boolean truncated;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    synchronized BoundedBody append(byte[] chunk) {
        int room = limit - bytes.size();
        if (chunk.length > room) {
            truncated = true;
        }
        bytes.write(chunk, 0, Math.max(0, Math.min(room, chunk.length)));
        return this;
    }

    synchronized void append(ByteBuffer buffer) {
        int room = limit - bytes.size();
        int n = buffer.remaining();
        if (n > room) {
            truncated = true;
            n = Math.max(room, 0);
        }
        for (int i = 0; i < n; i++) {
            bytes.write(buffer.get(buffer.position() + i));
        }
    }

    synchronized byte[] toByteArray() {
        return bytes.toByteArray();
    }

    synchronized boolean truncated() {
        return truncated;
    }
}
