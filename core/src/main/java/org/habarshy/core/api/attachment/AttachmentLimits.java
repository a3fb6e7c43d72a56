package org.habarshy.core.api.attachment;

/**
 * Bounds of files and reports (docs/PROTOCOL.md §13). A chunk of {@link #CHUNK_BYTES} plus its protobuf fields, the
 * ratchet header and tag and the sealed envelope's own 194 bytes stays well under the 262,144-byte envelope limit.
 */
public final class AttachmentLimits {
    /** Bytes per chunk this version sends; also the largest chunk it accepts (192 KiB). */
    public static final int CHUNK_BYTES = 192 * 1024;
    /** Largest file (16 MiB). */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Most chunks one file may be cut into (a sender with smaller chunks than ours is still bounded). */
    public static final int MAX_CHUNKS = 256;
    /** Longest file name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** Longest MIME type, in bytes. */
    public static final int MAX_MIME_BYTES = 127;
    /** Longest report title, in UTF-8 bytes. */
    public static final int MAX_TITLE_BYTES = 512;
    /** Longest report text, in UTF-8 bytes. */
    public static final int MAX_REPORT_TEXT_BYTES = 64 * 1024;
    /** Most files in one report. */
    public static final int MAX_REPORT_FILES = 32;
    /**
     * Most file and report envelopes to one contact that may be on their way (not yet delivered) at once. Each is a
     * ratchet step, and a receiver derives at most 1,000 skipped message keys per chain (PROTOCOL.md §3.2); keeping
     * fewer than that outstanding means any of them can still be decrypted whatever order they arrive in. About ten
     * files of 16 MiB.
     */
    public static final int MAX_OUTSTANDING_PARTS = 900;
    /** Most bytes of unfinished incoming files held per contact; chunks beyond it are refused until some finish. */
    public static final long MAX_PARTIAL_BYTES_PER_PEER = 4 * MAX_FILE_BYTES;

    private AttachmentLimits() {
    }

    /** Returns how many chunks of {@code chunkSize} bytes a file of {@code size} bytes needs. */
    public static int chunkCount(long size, int chunkSize) {
        if (chunkSize <= 0 || size < 0) {
            throw new IllegalArgumentException("size " + size + ", chunk size " + chunkSize);
        }
        long count = (size + chunkSize - 1) / chunkSize;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many chunks: " + count);
        }
        return (int) count;
    }
}
