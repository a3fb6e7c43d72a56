package org.habarshy.desktop.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.identity.SafetyNumbers;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy messages [--with ALIAS] [--json]}: lists messages, oldest first. */
@Command(name = "messages", description = "List messages with direction, time, text and state "
        + "(queued, sent-to-peer, delivered, read). With --with, the conversation's incoming messages are then "
        + "marked read and a read receipt is sent, unless turned off with 'habarshy settings --read-receipts off'.")
final class MessagesCommand implements Callable<Integer> {
    /** Name used for this user in the from/to fields. */
    static final String ME = "me";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Mixin
    DataDirOption data;

    @Mixin
    PassphraseOption passphrase;

    @Option(names = "--with", paramLabel = "ALIAS", description = "Only the conversation with this contact; marks "
            + "its incoming messages read.")
    String with;

    @Option(names = "--json", description = "One JSON object per line: id, from, to, direction, text, state, time, and for"
            + " outgoing messages carried_by (link sessions that took or hold a copy).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Account account = passphrase.openAccount(data.resolve())) {
            Map<IdentityKey, String> aliases = new HashMap<>();
            for (Contact contact : account.contacts()) {
                aliases.put(contact.card().identityKey(), contact.alias());
            }
            List<Message> messages = account.messages(Optional.ofNullable(with));
            PrintWriter out = spec.commandLine().getOut();
            Gson gson = new Gson();
            for (Message message : messages) {
                String peer = aliases.getOrDefault(message.peer(),
                        "unknown:" + SafetyNumbers.of(message.peer()).substring(0, 11).replace(' ', '-'));
                boolean outgoing = message.direction() == Direction.OUTGOING;
                String from = outgoing ? ME : peer;
                String to = outgoing ? peer : ME;
                if (json) {
                    out.println(gson.toJson(toJson(message, from, to)));
                } else {
                    out.printf("%s  %s -> %s  [%s]  %s%n", TIME.format(Instant.ofEpochMilli(message.sentAt())), from,
                            to, stateLabel(message), message.text());
                }
            }
            out.flush();
            if (with != null) {
                account.markRead(with);
            }
        }
        return 0;
    }

    private static JsonObject toJson(Message message, String from, String to) {
        JsonObject object = new JsonObject();
        object.addProperty("id", message.id().hex());
        object.addProperty("from", from);
        object.addProperty("to", to);
        object.addProperty("direction", message.direction() == Direction.OUTGOING ? "out" : "in");
        object.addProperty("text", message.text());
        object.addProperty("state", message.state().label());
        object.addProperty("time", Instant.ofEpochMilli(message.sentAt()).toString());
        if (message.direction() == Direction.OUTGOING) {
            object.addProperty("carried_by", message.carriedBy());
        }
        return object;
    }

    /** Returns the state, with "carried by N" for an outgoing message not yet delivered that links carry. */
    private static String stateLabel(Message message) {
        if (message.direction() == Direction.OUTGOING && message.carriedBy() > 0) {
            return message.state().label() + ", carried by " + message.carriedBy();
        }
        return message.state().label();
    }
}
