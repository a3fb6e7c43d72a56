package org.habarshy.core.api.message;

/** What the plaintext of an envelope says, once decoded and verified. */
public sealed interface MessageContent permits TextContent, ReceiptContent, RatchetContent, GroupContent,
        FileManifestContent, FileChunkContent, ReportContent {
}
