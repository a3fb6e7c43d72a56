package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.junit.jupiter.api.Test;

/** Unread counting, selection and search over plain values, no database. */
class ConversationsTest {
    private static final Contact ASEL = contact("Асель", 1);
    private static final Contact BOLAT = contact("Болат", 2);
    private int nextId;

    private static Contact contact(String alias, int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return new Contact(alias, new ContactCard(alias, new IdentityKey(key), new AgreementKey(key), 0), 0);
    }

    private Message message(Contact peer, Direction direction, String text) {
        byte[] id = new byte[32];
        id[0] = (byte) ++nextId;
        return new Message(new EnvelopeId(id), direction, peer.card().identityKey(), text, nextId,
                MessageState.DELIVERED);
    }

    @Test
    void onlyIncomingMessagesArrivingLaterOutsideTheOpenConversationCountAsUnread() {
        Conversations conversations = new Conversations();
        List<Message> messages = new ArrayList<>(List.of(message(ASEL, Direction.INCOMING, "бұрынғы")));
        Conversations.Update first = conversations.apply(List.of(ASEL, BOLAT), List.copyOf(messages));
        assertThat(first.changed()).isTrue();
        assertThat(first.arrivedFrom()).as("what was there at start is not new").isEmpty();

        conversations.select("Болат");
        messages.add(message(ASEL, Direction.INCOMING, "Сәлем"));
        messages.add(message(BOLAT, Direction.INCOMING, "Қалайсың?"));
        messages.add(message(ASEL, Direction.OUTGOING, "Жақсы"));
        Conversations.Update update = conversations.apply(List.of(ASEL, BOLAT), List.copyOf(messages));
        assertThat(update.arrivedFrom()).containsExactly("Асель", "Болат");
        assertThat(conversations.unreadTotal()).isEqualTo(1);
        assertThat(conversations.contacts()).extracting(ContactSummary::unread).containsExactly(1, 0);
        assertThat(conversations.contacts().get(0).lastText()).isEqualTo("Жақсы");

        assertThat(conversations.apply(List.of(ASEL, BOLAT), List.copyOf(messages)).changed())
                .as("the same snapshot again changes nothing").isFalse();

        conversations.select("Асель");
        assertThat(conversations.unreadTotal()).isZero();
        assertThat(conversations.conversation()).extracting(r -> r.message().text())
                .containsExactly("бұрынғы", "Сәлем", "Жақсы");
        conversations.search("  СӘЛ ");
        assertThat(conversations.conversation()).extracting(r -> r.message().text()).containsExactly("Сәлем");

        conversations.reset();
        assertThat(conversations.contacts()).isEmpty();
        assertThat(conversations.selectedAlias()).isEmpty();
        assertThat(conversations.searchQuery()).isEmpty();
    }
}
