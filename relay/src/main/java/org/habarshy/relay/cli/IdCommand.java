package org.habarshy.relay.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.relay.config.RelayConfig;
import org.habarshy.relay.config.RelayConfigLoader;
import org.habarshy.relay.mailbox.MailboxKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy-relay id}: prints the relay code that users ({@code habarshy relay add}) and other relays
 * ({@code federation.NAME.code}) need, creating the keys on first use so that it can be published before the first run.
 */
@Command(name = "id", description = "Print this relay's code (its link key and, with mailbox.enabled, its mailbox "
        + "key) for users' 'habarshy relay add' and other relays' federation.NAME.code.")
final class IdCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The relay's configuration.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RelayConfig relay = RelayConfigLoader.load(config);
        SecureRandom random = new SecureRandom();
        RelayCode code = new RelayCode(
                MailboxKeyFile.loadOrCreate(relay.dataDir(), MailboxKeyFile.LINK_KEY_FILE, random).publicKey(),
                relay.mailbox().isPresent()
                        ? Optional.of(MailboxKeyFile.loadOrCreate(relay.dataDir(), random).publicKey())
                        : Optional.empty());
        PrintWriter out = spec.commandLine().getOut();
        out.println(code.encode());
        out.flush();
        return 0;
    }
}
