package org.habarshy.relay.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.mailbox.InvalidCodeException;
import org.habarshy.core.mailbox.RelayCode;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.relay.mailbox.MailboxPolicy;
import org.habarshy.relay.proxy.ProxyEndpoint;

/**
 * Reads a relay configuration: a Java properties file (UTF-8, {@code key=value}, {@code #} comments) laid over the
 * embedded defaults ({@code relay-defaults.properties}). Unknown keys are refused so that a typo does not silently
 * fall back to a default; {@code sms.*} keys are reserved for SMS gateways and passed through unread. Relative
 * paths are resolved against the configuration file's directory.
 */
public final class RelayConfigLoader {
    private static final String DEFAULTS = "relay-defaults.properties";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");
    private static final Set<String> FEDERATION_KEYS = Set.of("address", "route", "proxies", "code");

    private RelayConfigLoader() {
    }

    /** Reads {@code file} over the defaults. */
    public static RelayConfig load(Path file) throws IOException, ConfigException {
        Properties p = defaults();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(p, base);
    }

    /** Returns the embedded defaults. */
    public static Properties defaults() throws IOException {
        Properties p = new Properties();
        try (InputStream in = RelayConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IOException("embedded defaults missing: " + DEFAULTS);
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Builds a configuration from complete properties (defaults included); paths relative to {@code base}. */
    public static RelayConfig parse(Properties p, Path base) throws ConfigException {
        List<String> federationNames = list(p, "federation.peers");
        Set<String> known = new HashSet<>();
        Properties defaults;
        try {
            defaults = defaults();
        } catch (IOException e) {
            throw new ConfigException(e.getMessage());
        }
        known.addAll(defaults.stringPropertyNames());
        for (String name : federationNames) {
            if (!NAME.matcher(name).matches()) {
                throw new ConfigException("federation.peers: '" + name
                        + "' is not a valid name (a-z, 0-9, _ and -, at most 32 characters)");
            }
            for (String k : FEDERATION_KEYS) {
                known.add("federation." + name + "." + k);
            }
        }
        Map<String, String> sms = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sms.")) {
                sms.put(key, p.getProperty(key).strip());
            } else if (!known.contains(key)) {
                throw new ConfigException("unknown key '" + key + "' (see README.md, \"Running a relay\")");
            }
        }
        Path dataDir = base.resolve(required(p, "data.dir"));
        String name = required(p, "identity.name");
        Optional<Path> passphrase = optional(p, "identity.passphrase.file").map(base::resolve);
        NodeConfig node;
        try {
            node = new NodeConfig(bind(p), integer(p, "listen.port", 0, 65_535), addresses(p, "mesh.peers"),
                    bool(p, "mdns"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        List<FederationPeer> federation = new ArrayList<>();
        for (String peer : federationNames) {
            federation.add(federationPeer(p, peer));
        }
        Set<IdentityKey> trusted = new HashSet<>();
        for (String hex : list(p, "proxy.trust.keys")) {
            trusted.add(key(hex));
        }
        List<Path> files = new ArrayList<>();
        for (String f : list(p, "proxy.list.files")) {
            files.add(base.resolve(f));
        }
        return new RelayConfig(dataDir, name, passphrase, node, federation, trusted, files,
                seconds(p, "proxy.timeout.seconds"), seconds(p, "proxy.retry.seconds"),
                seconds(p, "proxy.health.interval.seconds"), seconds(p, "status.interval.seconds"), mailbox(p), sms);
    }

    private static Optional<MailboxPolicy> mailbox(Properties p) throws ConfigException {
        if (!bool(p, "mailbox.enabled")) {
            return Optional.empty();
        }
        return Optional.of(new MailboxPolicy(integer(p, "mailbox.max.users", 1, 1_000_000),
                integer(p, "mailbox.quota.bytes", 1, Integer.MAX_VALUE), seconds(p, "mailbox.pickup.window.seconds")));
    }

    private static FederationPeer federationPeer(Properties p, String name) throws ConfigException {
        String prefix = "federation." + name + ".";
        String address = required(p, prefix + "address");
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new ConfigException(prefix + "address must be HOST:PORT");
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port = port(prefix + "address", address.substring(colon + 1));
        String routeText = optional(p, prefix + "route").orElse("proxy");
        Route route = switch (routeText) {
            case "direct" -> Route.DIRECT;
            case "proxy" -> Route.PROXY;
            default -> throw new ConfigException(prefix + "route must be 'direct' or 'proxy'");
        };
        List<ProxyEndpoint> proxies = new ArrayList<>();
        for (String uri : list(p, prefix + "proxies")) {
            try {
                proxies.add(ProxyEndpoint.parse(uri));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(prefix + "proxies: " + e.getMessage());
            }
        }
        if (route == Route.DIRECT && !proxies.isEmpty()) {
            throw new ConfigException(prefix + "proxies is only for route=proxy");
        }
        Optional<AgreementKey> linkKey = Optional.empty();
        Optional<String> code = optional(p, prefix + "code");
        if (code.isPresent()) {
            try {
                linkKey = Optional.of(RelayCode.parse(code.get()).linkKey());
            } catch (InvalidCodeException e) {
                throw new ConfigException(prefix + "code: " + e.getMessage());
            }
        }
        return new FederationPeer(name, host, port, route, proxies, linkKey);
    }

    private static Optional<InetAddress> bind(Properties p) throws ConfigException {
        Optional<String> bind = optional(p, "listen.bind");
        if (bind.isEmpty()) {
            return Optional.empty();
        }
        if (!IP_LITERAL.matcher(bind.get()).matches()) {
            throw new ConfigException("listen.bind takes an IP address of this machine, e.g. 127.0.0.1");
        }
        try {
            return Optional.of(InetAddress.getByName(bind.get()));
        } catch (UnknownHostException e) {
            throw new ConfigException("listen.bind is not an IP address");
        }
    }

    private static List<InetSocketAddress> addresses(Properties p, String key) throws ConfigException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String item : list(p, key)) {
            int colon = item.lastIndexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                throw new ConfigException(key + ": each entry must be HOST:PORT");
            }
            String host = item.substring(0, colon).replace("[", "").replace("]", "");
            InetSocketAddress address = new InetSocketAddress(host, port(key, item.substring(colon + 1)));
            if (address.isUnresolved()) {
                throw new ConfigException(key + ": a host cannot be resolved");
            }
            out.add(address);
        }
        return out;
    }

    private static IdentityKey key(String hex) throws ConfigException {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            if (bytes.length != IdentityKey.LENGTH) {
                throw new IllegalArgumentException();
            }
            return new IdentityKey(bytes);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("proxy.trust.keys: each key is 64 hexadecimal digits (an Ed25519 public key)");
        }
    }

    private static int port(String key, String text) throws ConfigException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + ": port must be a number 1..65535");
    }

    private static String required(Properties p, String key) throws ConfigException {
        return optional(p, key).orElseThrow(() -> new ConfigException(key + " is required"));
    }

    private static Optional<String> optional(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static List<String> list(Properties p, String key) {
        List<String> out = new ArrayList<>();
        for (String item : p.getProperty(key, "").split(",")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    private static int integer(Properties p, String key, int min, int max) throws ConfigException {
        try {
            int v = Integer.parseInt(required(p, key));
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key + " must be a whole number " + min + ".." + max);
    }

    private static boolean bool(Properties p, String key) throws ConfigException {
        String v = required(p, key);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigException(key + " must be true or false");
    }

    private static Duration seconds(Properties p, String key) throws ConfigException {
        return Duration.ofSeconds(integer(p, key, 1, 86_400));
    }
}
