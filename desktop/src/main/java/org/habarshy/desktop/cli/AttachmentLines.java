package org.habarshy.desktop.cli;

import com.google.gson.JsonObject;
import java.util.Map;
import org.habarshy.core.api.attachment.Attachment;
import org.habarshy.core.api.attachment.Transfer;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.attachment.Attachments;

/** Formats files and their progress for {@code habarshy files}, {@code send-file} and {@code reports}. */
final class AttachmentLines {
    private AttachmentLines() {
    }

    /** Returns one line: short id, direction and peer, name, size, progress. */
    static String line(Attachment a, Map<IdentityKey, String> aliases) {
        String peer = aliases.getOrDefault(a.peer(), "unknown");
        String who = a.direction() == Direction.OUTGOING ? "me -> " + peer : peer + " -> me";
        return String.format("%s  %s  %s  %s  [%s]", Attachments.shortId(a.id()), who, a.name(),
                size(a.size()), progress(a));
    }

    /** Returns a size in B, KiB or MiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** Returns "3/17 chunks, partial", "complete", "failed: why", or for outgoing files their delivery. */
    static String progress(Attachment a) {
        if (a.transfer().isPresent()) {
            return transfer(a.transfer().get());
        }
        return switch (a.state()) {
            case COMPLETE -> "complete";
            case FAILED -> "failed: " + a.error().orElse("");
            case PARTIAL -> a.chunksHeld() + "/" + a.chunkCount() + " chunks, " + a.percent() + "%";
        };
    }

    /** Returns "delivered 5/17, carried by 2, sent-to-peer" style progress of outgoing envelopes. */
    static String transfer(Transfer t) {
        String carried = t.carriedBy() > 0 ? ", carried by " + t.carriedBy() : "";
        return t.state().label() + carried + ", delivered " + t.delivered() + "/" + t.parts();
    }

    /** Returns the file as a JSON object. */
    static JsonObject json(Attachment a, Map<IdentityKey, String> aliases) {
        JsonObject o = new JsonObject();
        o.addProperty("id", a.id().hex());
        o.addProperty("direction", a.direction() == Direction.OUTGOING ? "out" : "in");
        o.addProperty("peer", aliases.getOrDefault(a.peer(), "unknown"));
        o.addProperty("name", a.name());
        o.addProperty("mime_type", a.mimeType());
        o.addProperty("size", a.size());
        o.addProperty("chunks", a.chunkCount());
        o.addProperty("chunks_held", a.chunksHeld());
        o.addProperty("state", a.state().label());
        o.addProperty("percent", a.percent());
        a.error().ifPresent(e -> o.addProperty("error", e));
        a.transfer().ifPresent(t -> {
            o.addProperty("delivery", t.state().label());
            o.addProperty("delivered", t.delivered());
            o.addProperty("parts", t.parts());
            o.addProperty("carried_by", t.carriedBy());
        });
        return o;
    }
}
