package org.habarshy.relay.proxy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What this relay knows about each proxy's health: a proxy that failed (a refused or broken connection, a failed
 * health check) is skipped until its back-off ends; the back-off doubles with each failure in a row, from
 * {@code retryAfter} to 16 times that, and a success clears it. Thread-safe.
 */
public final class ProxyHealth {
    private final Clock clock;
    private final Duration retryAfter;
    private final Map<ProxyEndpoint, State> states = new HashMap<>();

    private static final class State {
        int failuresInARow;
        long skipUntil;
    }

    /** Creates health records; a failed proxy is first skipped for {@code retryAfter}. */
    public ProxyHealth(Clock clock, Duration retryAfter) {
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Records a working connection or health check. */
    public synchronized void succeeded(ProxyEndpoint proxy) {
        states.remove(proxy);
    }

    /** Records a failure and starts (or lengthens) the proxy's back-off. */
    public synchronized void failed(ProxyEndpoint proxy) {
        State s = states.computeIfAbsent(proxy, p -> new State());
        s.failuresInARow = Math.min(s.failuresInARow + 1, 5);
        s.skipUntil = clock.millis() + retryAfter.toMillis() * (1L << (s.failuresInARow - 1));
    }

    /** Returns true if {@code proxy} is not in a back-off now. */
    public synchronized boolean usable(ProxyEndpoint proxy) {
        State s = states.get(proxy);
        return s == null || s.skipUntil <= clock.millis();
    }

    /** Returns the usable ones of {@code candidates}, in their order. */
    public synchronized List<ProxyEndpoint> usable(List<ProxyEndpoint> candidates) {
        List<ProxyEndpoint> out = new ArrayList<>();
        for (ProxyEndpoint p : candidates) {
            if (usable(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Returns how many of {@code candidates} are in a back-off now. */
    public synchronized int failing(List<ProxyEndpoint> candidates) {
        return candidates.size() - usable(candidates).size();
    }
}
