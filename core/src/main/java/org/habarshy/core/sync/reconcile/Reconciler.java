package org.habarshy.core.sync.reconcile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * One side of a range-based set reconciliation (docs/PROTOCOL.md, section 7): messages in,
 * messages out, until both sides know which ids only one of them holds. The initiator calls
 * {@link #initiate()} once; the responder starts with {@link #reconcile(byte[])}. The storage must
 * not change during a session. Not thread-safe; after an exception the session is over.
 */
public final class Reconciler {
    /**
     * What one incoming message produced.
     *
     * @param outgoing the message to send back, if the peer expects one
     * @param have     items this side holds and the peer lacks, discovered now
     * @param need     items the peer holds and this side lacks, discovered now (timestamps as the peer said)
     * @param done     true when this side's part is over (after sending {@code outgoing}, if present)
     */
    public record Result(Optional<byte[]> outgoing, List<Item> have, List<Item> need, boolean done) {
        /** Copies the lists. */
        public Result {
            Objects.requireNonNull(outgoing, "outgoing");
            have = List.copyOf(have);
            need = List.copyOf(need);
        }
    }

    private enum State { NEW, WAITING, DONE, FAILED }

    private final LocalView view;
    private final ReconcileParameters parameters;
    private final MessageDigest sha256;
    private final Set<EnvelopeId> reported = new HashSet<>();
    private final List<Item> have = new ArrayList<>();
    private final List<Item> need = new ArrayList<>();
    private State state = State.NEW;

    /** Creates a session over {@code storage} with {@link ReconcileParameters#DEFAULT}. */
    public Reconciler(ReconcileStorage storage) {
        this(storage, ReconcileParameters.DEFAULT);
    }

    /** Creates a session over {@code storage}. */
    public Reconciler(ReconcileStorage storage, ReconcileParameters parameters) {
        this.view = new LocalView(Objects.requireNonNull(storage, "storage"));
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Returns the first message of a session this side initiates. */
    public byte[] initiate() {
        if (state != State.NEW) {
            throw new IllegalStateException("initiate() must be the first call, state " + state);
        }
        MessageWriter out = new MessageWriter();
        answerMismatch(out, Bound.MIN, Bound.INFINITY, view.span(Bound.MIN, Bound.INFINITY), parameters.firstSplit());
        state = State.WAITING;
        return out.toByteArray();
    }

    /** Processes one message from the peer and returns what to send back and what was discovered. */
    public Result reconcile(byte[] incoming) throws ReconcileException {
        if (state == State.DONE) {
            throw new ReconcileException("message received after the reconciliation finished");
        }
        if (state == State.FAILED) {
            throw new IllegalStateException("the reconciliation failed earlier");
        }
        try {
            return process(MessageDecoder.decode(incoming));
        } catch (ReconcileException | RuntimeException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /** Returns true once this side's part of the reconciliation is over. */
    public boolean isDone() {
        return state == State.DONE;
    }

    private Result process(List<Range> ranges) throws ReconcileException {
        have.clear();
        need.clear();
        MessageWriter out = new MessageWriter();
        boolean peerWaits = false;
        Bound lower = Bound.MIN;
        Bound cut = null;
        int i = 0;
        for (; i < ranges.size() && cut == null; i++) {
            Range range = ranges.get(i);
            RangePayload payload = range.payload();
            peerWaits |= payload.needsReply();
            if (payload instanceof RangePayload.Fingerprinted f) {
                cut = answerFingerprint(out, lower, range.upper(), f.fingerprint());
            } else if (payload instanceof RangePayload.IdList list) {
                cut = answerIdList(out, lower, range.upper(), list.items());
            } else {
                if (payload instanceof RangePayload.Difference d) {
                    apply(d);
                }
                out.add(lower, range.upper(), RangePayload.Skip.INSTANCE);
            }
            lower = range.upper();
        }
        if (cut != null) {
            // Out of room: still learn from the peer's remaining Differences, then leave everything
            // from the cut to the end of the peer's message to one fingerprint.
            for (; i < ranges.size(); i++) {
                RangePayload payload = ranges.get(i).payload();
                peerWaits |= payload.needsReply();
                if (payload instanceof RangePayload.Difference d) {
                    apply(d);
                }
            }
            view.commit();
            Bound end = ranges.get(ranges.size() - 1).upper();
            out.add(cut, end, new RangePayload.Fingerprinted(fingerprint(view.span(cut, end))));
        }
        view.commit();
        if (!peerWaits) {
            state = State.DONE;
            return new Result(Optional.empty(), have, need, true);
        }
        boolean done = !out.needsReply();
        state = done ? State.DONE : State.WAITING;
        return new Result(Optional.of(out.toByteArray()), have, need, done);
    }

    /** Answers a peer's fingerprint; returns where the message was cut for lack of room, or null. */
    private Bound answerFingerprint(MessageWriter out, Bound lower, Bound upper, Fingerprint theirs) {
        LocalView.Span span = view.span(lower, upper);
        if (fingerprint(span).equals(theirs)) {
            out.add(lower, upper, RangePayload.Skip.INSTANCE);
            return null;
        }
        MessageWriter.Mark mark = out.mark();
        answerMismatch(out, lower, upper, span, parameters.split());
        if (overBudget(out)) {
            out.reset(mark);
            return lower;
        }
        return null;
    }

    /** Sends this side's items of a range if there are few, else fingerprints of {@code buckets} sub-ranges. */
    private void answerMismatch(MessageWriter out, Bound lower, Bound upper, LocalView.Span span, int buckets) {
        int count = span.count();
        if (count <= parameters.idListThreshold()) {
            List<Item> items = new ArrayList<>(count);
            LocalView.Cursor cursor = view.cursor(span);
            for (Item item = cursor.peek(); item != null; item = cursor.peek()) {
                items.add(item);
                cursor.advance();
            }
            out.add(lower, upper, new RangePayload.IdList(items));
            return;
        }
        int k = Math.min(buckets, count);
        Bound from = lower;
        for (int b = 1; b <= k; b++) {
            Bound to = upper;
            if (b < k) {
                int rank = (int) ((long) b * count / k);
                to = Bound.between(view.itemAt(span, rank - 1), view.itemAt(span, rank));
            }
            out.add(from, to, new RangePayload.Fingerprinted(fingerprint(view.span(from, to))));
            from = to;
        }
    }

    /**
     * Answers a peer's id list with the difference, as much of it as fits from the start of the range;
     * returns where the message was cut for lack of room, or null.
     */
    private Bound answerIdList(MessageWriter out, Bound lower, Bound upper, List<Item> theirs)
            throws ReconcileException {
        int available = parameters.messageBudget() - ReconcileParameters.TRAILER_BYTES - out.size()
                - ReconcileParameters.LIST_OVERHEAD_BYTES;
        LocalView.Cursor ours = view.cursor(view.span(lower, upper));
        List<Item> senderOnly = new ArrayList<>();
        List<Item> receiverOnly = new ArrayList<>();
        long lastSender = lower.timestamp();
        long lastReceiver = lower.timestamp();
        int used = 0;
        int j = 0;
        Item previous = null;
        Item cutItem = null;
        while (true) {
            Item mine = ours.peek();
            Item their = j < theirs.size() ? theirs.get(j) : null;
            if (mine == null && their == null) {
                break;
            }
            int c = mine == null ? 1 : their == null ? -1 : mine.compareTo(their);
            if (c == 0) {
                previous = mine;
                ours.advance();
                j++;
                continue;
            }
            Item item = c < 0 ? mine : their;
            List<Item> list = c < 0 ? senderOnly : receiverOnly;
            int size = MessageWriter.itemBytes(c < 0 ? lastSender : lastReceiver, item);
            if (list.size() == ReconcileLimits.MAX_LIST_ITEMS || used + size > available) {
                cutItem = item;
                break;
            }
            if (c < 0) {
                if (view.isExtra(item)) {
                    throw new ReconcileException("the peer's id list lacks an item it reported holding");
                }
                lastSender = item.timestamp();
                ours.advance();
            } else {
                lastReceiver = item.timestamp();
                j++;
            }
            list.add(item);
            used += size;
            previous = item;
        }
        if (senderOnly.isEmpty() && receiverOnly.isEmpty()) {
            if (cutItem != null) {
                return lower;
            }
            out.add(lower, upper, RangePayload.Skip.INSTANCE);
            return null;
        }
        Bound end = cutItem == null ? upper : Bound.between(previous, cutItem);
        MessageWriter.Mark mark = out.mark();
        out.add(lower, end, new RangePayload.Difference(senderOnly, receiverOnly));
        if (overBudget(out)) {
            out.reset(mark);
            return lower;
        }
        for (Item item : senderOnly) {
            report(have, item);
        }
        for (Item item : receiverOnly) {
            report(need, item);
            view.addExtra(item);
        }
        return cutItem == null ? null : end;
    }

    /** Takes in a peer's difference: what it offers us, and what it lacks of ours. */
    private void apply(RangePayload.Difference difference) throws ReconcileException {
        for (Item item : difference.senderOnly()) {
            if (view.contains(item)) {
                throw new ReconcileException("the peer's difference offers an item this side holds");
            }
            report(need, item);
            view.addExtra(item);
        }
        for (Item item : difference.receiverOnly()) {
            if (!view.holdsReal(item)) {
                throw new ReconcileException("the peer's difference says it lacks an item this side does not hold");
            }
            report(have, item);
        }
    }

    private void report(List<Item> into, Item item) throws ReconcileException {
        if (!reported.add(item.id())) {
            throw new ReconcileException("the peer's messages report an id twice");
        }
        if (reported.size() > parameters.maxDiscovered()) {
            throw new ReconcileException("the difference exceeds " + parameters.maxDiscovered() + " ids");
        }
        into.add(item);
    }

    private boolean overBudget(MessageWriter out) {
        return out.size() > parameters.messageBudget() - ReconcileParameters.TRAILER_BYTES
                || out.ranges() > ReconcileLimits.MAX_RANGES - 2;
    }

    private Fingerprint fingerprint(LocalView.Span span) {
        return Fingerprint.compute(view.sum(span), sha256);
    }
}
