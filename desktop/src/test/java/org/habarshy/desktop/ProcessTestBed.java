package org.habarshy.desktop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.habarshy.core.testing.NetworkNamespaces;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives each test a fresh {@link HabarshyProcesses} in a temporary folder, and optionally a set
 * of network namespaces; after the test it stops every process it started, removes the namespaces and deletes the
 * folder. Register it with {@code @RegisterExtension final ProcessTestBed bed = ProcessTestBed.processes();}; test and
 * {@code @BeforeEach} methods then receive the {@link HabarshyProcesses} (and {@link NetworkNamespaces}) as parameters.
 */
final class ProcessTestBed implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final String namespacePrefix;
    private Path root;
    private HabarshyProcesses processes;
    private NetworkNamespaces network;

    private ProcessTestBed(String namespacePrefix) {
        this.namespacePrefix = namespacePrefix;
    }

    /** A bed with processes only. */
    static ProcessTestBed processes() {
        return new ProcessTestBed(null);
    }

    /**
     * A bed with processes and network namespaces whose names start with {@code prefix}; the test is skipped when
     * namespaces cannot be made here (not root, no iproute2).
     */
    static ProcessTestBed inNamespaces(String prefix) {
        return new ProcessTestBed(prefix);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (namespacePrefix != null) {
            Optional<String> unavailable = NetworkNamespaces.unavailable();
            assumeTrue(unavailable.isEmpty(), () -> unavailable.orElseThrow());
        }
        root = Files.createTempDirectory("habarshy-test-");
        processes = new HabarshyProcesses(root);
        if (namespacePrefix != null) {
            network = new NetworkNamespaces(namespacePrefix);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (processes != null) {
                processes.close();
            }
        } finally {
            try {
                if (network != null) {
                    network.close();
                }
            } finally {
                deleteTree(root);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == HabarshyProcesses.class || (type == NetworkNamespaces.class && namespacePrefix != null);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HabarshyProcesses.class ? processes : network;
    }

    /** The processes of this test. */
    HabarshyProcesses habarshy() {
        return processes;
    }

    /** The test's temporary folder. */
    Path root() {
        return root;
    }

    /** The test's network namespaces; only for a bed made by {@link #inNamespaces}. */
    NetworkNamespaces network() {
        if (network == null) {
            throw new IllegalStateException("this bed has no network namespaces");
        }
        return network;
    }

    /**
     * Makes one namespace per name and joins neighbours in a line with veth pairs, all up. The link between names
     * {@code x} and {@code y} is {@code hb-xy} on x's side and {@code hb-yx} on y's side, in the IPv4 link-local
     * subnet {@code 169.254.S.0/24} where S counts up from {@code firstSubnet}; x is .1 and y is .2.
     *
     * @return the namespaces, in the order of the names
     */
    List<String> line(int firstSubnet, String... names) throws IOException, InterruptedException {
        List<String> namespaces = new ArrayList<>();
        for (String name : names) {
            namespaces.add(network().add(name));
        }
        for (int i = 0; i + 1 < names.length; i++) {
            String x = names[i];
            String y = names[i + 1];
            String subnet = "169.254." + (firstSubnet + i) + ".";
            network.link(namespaces.get(i), "hb-" + x + y, subnet + "1/24", namespaces.get(i + 1), "hb-" + y + x,
                    subnet + "2/24");
            network.setUp(namespaces.get(i), "hb-" + x + y, true);
            network.setUp(namespaces.get(i + 1), "hb-" + y + x, true);
        }
        return namespaces;
    }

    private static void deleteTree(Path top) throws IOException {
        if (top == null || !Files.exists(top)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
