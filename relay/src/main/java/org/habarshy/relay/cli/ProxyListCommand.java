package org.habarshy.relay.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.relay.proxy.ProxyEndpoint;
import org.habarshy.relay.proxy.ProxyListCodec;
import org.habarshy.relay.proxy.PublicDocumentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code habarshy-relay proxy-list keygen|sign}: tools for whoever vets proxies and signs the list. */
@Command(name = "proxy-list", description = "Create a list-signing key, or sign a vetted proxy list.",
        subcommands = {ProxyListCommand.Keygen.class, ProxyListCommand.Sign.class})
final class ProxyListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command (keygen, sign)");
    }

    /** Writes a new Ed25519 seed (hex, mode 0600) and prints the public key relays put in proxy.trust.keys. */
    @Command(name = "keygen", description = "Create a list-signing key file; prints its public key.")
    static final class Keygen implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Key file to create.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SigningKeyPair key = SigningKeyPair.generate(new SecureRandom());
            byte[] seed = key.exportSeed();
            byte[] hex = HexFormat.of().formatHex(seed).getBytes(StandardCharsets.US_ASCII);
            try {
                Files.createFile(out, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(out, hex, StandardOpenOption.TRUNCATE_EXISTING);
            } finally {
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(hex, (byte) 0);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println(key.publicKey().hex());
            w.flush();
            return 0;
        }
    }

    /** Signs a proxy list as a public-document envelope that relays import and carry. */
    @Command(name = "sign", description = "Sign a vetted proxy list into FILE (an envelope relays carry).")
    static final class Sign implements Callable<Integer> {
        @Option(names = "--key", paramLabel = "FILE", required = true, description = "Key file from keygen.")
        Path key;

        @Option(names = "--proxy", paramLabel = "URI", required = true,
                description = "socks5://HOST:PORT or http://HOST:PORT (repeat, in order of preference).")
        List<String> proxies = new ArrayList<>();

        @Option(names = "--days", paramLabel = "N", defaultValue = "7",
                description = "How long the list is valid, 1..30 days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Signed list to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > 30) {
                throw new IllegalArgumentException("--days must be 1..30");
            }
            List<ProxyEndpoint> endpoints = new ArrayList<>();
            for (String p : proxies) {
                endpoints.add(ProxyEndpoint.parse(p));
            }
            byte[] seed = HexFormat.of().parseHex(Files.readString(key, StandardCharsets.US_ASCII).strip());
            SigningKeyPair signer;
            try {
                signer = SigningKeyPair.fromSeed(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
            long now = System.currentTimeMillis();
            byte[] envelope = PublicDocumentFormat.seal(signer, PublicDocumentFormat.TYPE_PROXY_LIST,
                    ProxyListCodec.encode(endpoints), now, now + Duration.ofDays(days).toMillis());
            Files.write(out, envelope);
            return 0;
        }
    }
}
