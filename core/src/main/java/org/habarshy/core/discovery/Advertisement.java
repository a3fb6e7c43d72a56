package org.habarshy.core.discovery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.jmdns.ServiceInfo;

/**
 * What a node puts in its DNS-SD advertisement, and the checks applied to what peers advertise: service
 * instance name {@code habarshy-<instanceId>}, TXT {@code id=<instanceId>} and {@code v=<version>}, and the
 * port from the SRV record.
 *
 * @param instanceId the advertised per-run id
 * @param port the advertised TCP port
 */
record Advertisement(String instanceId, int port) {
    /** TXT key of the instance id. */
    static final String TXT_ID = "id";
    /** TXT key of the advertisement format version. */
    static final String TXT_VERSION = "v";
    /** The format version this code writes. */
    static final int VERSION = 1;
    /** Prefix of the service instance name. */
    static final String NAME_PREFIX = "habarshy-";

    private static final System.Logger LOG = System.getLogger(Advertisement.class.getName());
    /** Letters, digits and '-', short enough that the instance name fits one 63-byte DNS label. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[0-9A-Za-z-]{1,54}");
    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    /** Checks the instance id and the port. */
    Advertisement {
        if (!isValidInstanceId(instanceId)) {
            throw new IllegalArgumentException("instanceId must be 1 to 54 letters, digits or '-'");
        }
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Returns whether {@code instanceId} may be advertised and accepted. */
    static boolean isValidInstanceId(String instanceId) {
        return instanceId != null && INSTANCE_ID.matcher(instanceId).matches();
    }

    /** Returns the service instance name for {@code instanceId}. */
    static String serviceName(String instanceId) {
        return NAME_PREFIX + instanceId;
    }

    /** Returns whether {@code serviceName} is the one for {@code instanceId}, possibly renamed on a conflict. */
    static boolean isNameOf(String serviceName, String instanceId) {
        String own = serviceName(instanceId);
        return serviceName != null && serviceName.regionMatches(true, 0, own, 0, own.length())
                && (serviceName.length() == own.length() || serviceName.charAt(own.length()) == ' ');
    }

    /** Returns the TXT properties to advertise. */
    Map<String, String> txt() {
        return Map.of(TXT_ID, instanceId, TXT_VERSION, Integer.toString(VERSION));
    }

    /** Returns a fresh JmDNS service description of this advertisement (one per JmDNS instance). */
    ServiceInfo toServiceInfo() {
        return ServiceInfo.create(MdnsPeerDiscovery.SERVICE_TYPE, serviceName(instanceId), port, 0, 0, txt());
    }

    /**
     * Reads a peer's resolved advertisement.
     *
     * @return the advertisement, or empty (logged at DEBUG) if the TXT record or the port is malformed
     */
    static Optional<Advertisement> parse(ServiceInfo info) {
        Objects.requireNonNull(info, "info");
        String id;
        String version;
        try {
            id = info.getPropertyString(TXT_ID);
            version = info.getPropertyString(TXT_VERSION);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Ignoring advertisement {0}: unreadable TXT record", info.getName());
            return Optional.empty();
        }
        return parse(info.getName(), id, version, info.getPort());
    }

    /**
     * Checks the parts of a peer's advertisement. Any version number of 1 or more is accepted: discovery only
     * says where to connect, the handshake decides whether the two can talk.
     *
     * @param serviceName the service instance name, only for the log
     * @param id the TXT {@code id} value, or null if absent
     * @param version the TXT {@code v} value, or null if absent
     * @param port the SRV port
     * @return the advertisement, or empty (logged at DEBUG) if malformed
     */
    static Optional<Advertisement> parse(String serviceName, String id, String version, int port) {
        String problem;
        if (!isValidInstanceId(id)) {
            problem = id == null ? "no id" : "malformed id";
        } else if (version == null || !VERSION_NUMBER.matcher(version).matches()) {
            problem = version == null ? "no version" : "malformed version";
        } else if (port < 1 || port > 0xffff) {
            problem = "bad port " + port;
        } else {
            return Optional.of(new Advertisement(id, port));
        }
        LOG.log(System.Logger.Level.DEBUG, "Ignoring advertisement {0}: {1}", serviceName, problem);
        return Optional.empty();
    }
}
