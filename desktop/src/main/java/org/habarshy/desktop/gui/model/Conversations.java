package org.habarshy.desktop.gui.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;

/**
 * Contacts and messages as last read, the open conversation, its search, and unread counts. Unread counts cover
 * messages that arrived while the app runs and were not shown (the core keeps no read state). Confined to the UI
 * thread; plain Java.
 */
final class Conversations {
    /** What a fresh snapshot changed. */
    record Update(boolean changed, List<String> arrivedFrom) {
    }

    private List<Contact> contacts = List.of();
    private List<Message> messages = List.of();
    private final Set<EnvelopeId> seen = new HashSet<>();
    private final Map<IdentityKey, Integer> unread = new LinkedHashMap<>();
    private boolean firstSnapshot = true;
    private String selectedAlias;
    private String search = "";

    /** Takes fresh contacts and messages; new incoming messages outside the open conversation count as unread. */
    Update apply(List<Contact> freshContacts, List<Message> freshMessages) {
        List<String> arrivedFrom = new ArrayList<>();
        Map<IdentityKey, String> aliases = new LinkedHashMap<>();
        for (Contact c : freshContacts) {
            aliases.put(c.card().identityKey(), c.alias());
        }
        for (Message m : freshMessages) {
            if (seen.add(m.id()) && !firstSnapshot && m.direction() == Direction.INCOMING) {
                String alias = aliases.getOrDefault(m.peer(), "?");
                arrivedFrom.add(alias);
                if (!alias.equals(selectedAlias)) {
                    unread.merge(m.peer(), 1, Integer::sum);
                }
            }
        }
        boolean first = firstSnapshot;
        firstSnapshot = false;
        boolean changed = first || !freshContacts.equals(contacts) || !freshMessages.equals(messages);
        contacts = freshContacts;
        messages = freshMessages;
        return new Update(changed || !arrivedFrom.isEmpty(), List.copyOf(arrivedFrom));
    }

    /** Opens the conversation with {@code alias} (null closes it) and marks it read. */
    void select(String alias) {
        selectedAlias = alias;
        contactByAlias(alias).ifPresent(c -> unread.remove(c.card().identityKey()));
    }

    /** Sets the search text; blank shows all. */
    void search(String query) {
        search = query == null ? "" : query.strip();
    }

    /** Forgets everything (another account, or a wipe). */
    void reset() {
        contacts = List.of();
        messages = List.of();
        seen.clear();
        unread.clear();
        firstSnapshot = true;
        selectedAlias = null;
        search = "";
    }

    List<ContactSummary> contacts() {
        List<ContactSummary> out = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            IdentityKey key = c.card().identityKey();
            Message last = null;
            for (Message m : messages) {
                if (m.peer().equals(key)) {
                    last = m;
                }
            }
            out.add(new ContactSummary(c, MessengerSession.safetyNumber(c), unread.getOrDefault(key, 0),
                    last == null ? "" : last.text(), last == null ? 0 : last.sentAt()));
        }
        return out;
    }

    int unreadTotal() {
        return unread.values().stream().mapToInt(Integer::intValue).sum();
    }

    Optional<String> selectedAlias() {
        return Optional.ofNullable(selectedAlias);
    }

    String searchQuery() {
        return search;
    }

    List<MessageRow> conversation() {
        Optional<Contact> contact = contactByAlias(selectedAlias);
        if (contact.isEmpty()) {
            return List.of();
        }
        IdentityKey key = contact.get().card().identityKey();
        String needle = search.toLowerCase(Locale.ROOT);
        List<MessageRow> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.peer().equals(key) && (needle.isEmpty() || m.text().toLowerCase(Locale.ROOT).contains(needle))) {
                out.add(MessageRow.of(m));
            }
        }
        return out;
    }

    private Optional<Contact> contactByAlias(String alias) {
        return alias == null ? Optional.empty()
                : contacts.stream().filter(c -> c.alias().equals(alias)).findFirst();
    }
}
