package org.habarshy.core.attachment;

import java.util.List;

/**
 * A file read from disk, cut into chunks and hashed, ready to be sealed.
 *
 * @param name the file name sent (the last path segment, sanitized)
 * @param mimeType the guessed MIME type
 * @param size bytes in the file
 * @param chunkSize bytes per chunk but the last
 * @param sha256 SHA-256 of the whole file
 * @param chunks the chunks, in order
 */
record PreparedFile(String name, String mimeType, long size, int chunkSize, byte[] sha256, List<byte[]> chunks) {
}
