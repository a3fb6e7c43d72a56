package org.habarshy.desktop.gui.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * What the chat shows of real-time text: the conversations it is on for, which of those contacts are directly
 * linked with it on at their end too, and their drafts as last received. Confined to the UI thread; plain Java.
 */
final class RealTimeTextState {
    /** A draft not updated for this long is no longer shown (the core forgets it too). */
    static final Duration DRAFT_LIFETIME = Duration.ofSeconds(30);

    private record Draft(String text, long atMillis) {
    }

    private final Set<IdentityKey> on = new HashSet<>();
    private final Set<IdentityKey> linked = new HashSet<>();
    private final Map<IdentityKey, Draft> drafts = new HashMap<>();

    void setOn(IdentityKey contact, boolean enabled) {
        if (enabled) {
            on.add(contact);
        } else {
            on.remove(contact);
            linked.remove(contact);
            drafts.remove(contact);
        }
    }

    boolean isOn(IdentityKey contact) {
        return on.contains(contact);
    }

    void linked(IdentityKey contact, boolean up) {
        if (up) {
            linked.add(contact);
        } else {
            linked.remove(contact);
            drafts.remove(contact);
        }
    }

    boolean isLinked(IdentityKey contact) {
        return linked.contains(contact);
    }

    void draft(IdentityKey contact, String text, long nowMillis) {
        if (text.isEmpty()) {
            drafts.remove(contact);
        } else {
            drafts.put(contact, new Draft(text, nowMillis));
        }
    }

    Optional<String> draft(IdentityKey contact, long nowMillis) {
        Draft draft = drafts.get(contact);
        if (draft == null || nowMillis - draft.atMillis() > DRAFT_LIFETIME.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(draft.text());
    }

    void reset() {
        on.clear();
        linked.clear();
        drafts.clear();
    }
}
