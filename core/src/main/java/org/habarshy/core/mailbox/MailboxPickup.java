package org.habarshy.core.mailbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.node.Node;
import org.habarshy.core.store.StoreException;
import org.habarshy.core.transport.LinkStatus;

/**
 * Picks up the user's mailboxes automatically: whenever the node has a new link to a relay the user registered
 * with (recognised by the relay's link key in its relay code), a pickup request is stored, which the node offers on
 * that link at once; the relay then hands over what it held. Looks at the node's links once a second on its own
 * thread ({@code habarshy-mailbox}); a mistaken match (two keys with the same 4-byte prefix) only sends a pickup
 * that the other peer cannot open.
 */
public final class MailboxPickup implements AutoCloseable {
    /** How often the node's links are looked at. */
    static final long INTERVAL_MILLIS = 1_000;
    private static final System.Logger LOG = System.getLogger(MailboxPickup.class.getName());

    private final MailboxClient client;
    private final Node node;
    private final ScheduledExecutorService executor;
    /** The newest link time already answered, per relay name; confined to the executor. */
    private final Map<String, Long> answered = new HashMap<>();

    private MailboxPickup(MailboxClient client, Node node) {
        this.client = client;
        this.node = node;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "habarshy-mailbox");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching {@code node}'s links. */
    public static MailboxPickup start(MailboxClient client, Node node) {
        MailboxPickup pickup = new MailboxPickup(client, node);
        pickup.executor.scheduleWithFixedDelay(pickup::look, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        return pickup;
    }

    private void look() {
        try {
            for (Registration registration : client.registrations()) {
                KnownRelay relay = client.relay(registration.relay()).orElseThrow();
                String label = HexFormat.of().formatHex(Arrays.copyOf(relay.code().linkKey().bytes(), 4));
                long newest = node.currentStatus().links().stream().filter(l -> l.label().equals(label))
                        .mapToLong(LinkStatus::since).max().orElse(-1);
                if (newest > answered.getOrDefault(relay.name(), -1L)) {
                    answered.put(relay.name(), newest);
                    client.pickup(relay.name());
                    LOG.log(System.Logger.Level.INFO, "linked to relay {0}: asked for its mailbox", relay.name());
                }
            }
        } catch (StoreException | MailboxException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "mailbox pickup failed: " + e.getMessage());
        }
    }

    /** Stops watching. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
