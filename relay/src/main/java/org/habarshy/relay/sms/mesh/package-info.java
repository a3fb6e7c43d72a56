/**
 * Wires the SMS bridge into the {@code habarshy-relay} daemon (the {@code BridgeFactory} slot): envelopes received
 * by SMS are carried into the relay's mesh, and envelopes the relay holds are forwarded to its SMS peer relays.
 */
package org.habarshy.relay.sms.mesh;
