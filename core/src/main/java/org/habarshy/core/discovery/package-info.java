/**
 * Finding other Habarshy nodes on the local network with multicast DNS (DNS-SD service
 * {@value org.habarshy.core.discovery.MdnsPeerDiscovery#SERVICE_TYPE}).
 *
 * <p>This is the only package that may use JmDNS. A node advertises only a random per-run instance id
 * and its listening port, never the user's identity; who a peer really is gets settled by the
 * handshake after connecting.
 */
package org.habarshy.core.discovery;
