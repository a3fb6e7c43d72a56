package org.habarshy.relay.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.relay.daemon.Bridge;
import org.habarshy.relay.daemon.BridgeFactory;

/**
 * A bridge registered through META-INF/services, as the SMS bridge will be; it starts only when the configuration
 * has {@code sms.test-bridge=on}, like a real one starts only when its {@code sms.*} keys are present.
 */
public final class TestBridgeFactory implements BridgeFactory {
    @Override
    public Optional<Bridge> start(Map<String, String> settings, Path dataDir, Account account, Node node) {
        if (!"on".equals(settings.get("sms.test-bridge"))) {
            return Optional.empty();
        }
        return Optional.of(new Bridge() {
            @Override
            public String name() {
                return "test-bridge";
            }

            @Override
            public void close() {
                System.getLogger(TestBridgeFactory.class.getName()).log(System.Logger.Level.INFO,
                        "test bridge closed");
            }
        });
    }
}
