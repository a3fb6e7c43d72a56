package org.habarshy.relay.sms.gateway.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC for tests, on jsmpp's real server side over loopback TCP: accepts transceiver binds, answers
 * {@code submit_sm} and forwards each to the ESME bound for the destination number as {@code deliver_sm}, keeping
 * messages for an ESME that is not bound (store and forward). It can throttle the next submits, drop every
 * connection, and inject raw {@code deliver_sm}.
 */
public final class TestSmsc implements AutoCloseable {
    /** One submit_sm as the SMSC saw it. */
    public record Submitted(String source, String destination, byte esmClass, byte dataCoding, byte[] shortMessage) {
    }

    private final SMPPServerSessionListener listener;
    private final int port;
    private final Map<String, String> systemIdByNumber = new ConcurrentHashMap<>();
    private final Map<String, SMPPServerSession> sessions = new ConcurrentHashMap<>();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<Submitted> pending = new CopyOnWriteArrayList<>();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger dropPart = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private volatile boolean closed;

    public TestSmsc() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        port = socket.getLocalPort();
        listener = new SMPPServerSessionListener(port, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int p) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int p, int timeout) throws IOException {
                socket.setSoTimeout(timeout);
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int p, int timeout, int backlog) throws IOException {
                return listen(p, timeout);
            }
        });
        listener.setMessageReceiverListener(new Receiver());
        workers.execute(this::acceptLoop);
    }

    public int port() {
        return port;
    }

    /** Routes SMS for {@code number} (digits without +) to the ESME that binds as {@code systemId}. */
    public void route(String number, String systemId) {
        systemIdByNumber.put(number, systemId);
    }

    /** Answers the next {@code n} submit_sm with ESME_RTHROTTLED. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    /** Accepts but never delivers the next concatenated part with this index (a part lost in the network). */
    public void dropNextPart(int index) {
        dropPart.set(index);
    }

    public List<Submitted> submitted() {
        return new ArrayList<>(submitted);
    }

    public boolean isBound(String systemId) {
        SMPPServerSession s = sessions.get(systemId);
        return s != null && s.getSessionState().isBound();
    }

    /** Closes every ESME connection abruptly, as an SMSC restart would. */
    public void dropConnections() {
        for (SMPPServerSession s : sessions.values()) {
            s.close();
        }
        sessions.clear();
    }

    /** Sends one raw deliver_sm to a bound ESME; returns the command status of its response (0 = accepted). */
    public int deliverRaw(String systemId, String source, byte esmClass, byte dataCoding, byte[] shortMessage)
            throws Exception {
        try {
            sessions.get(systemId).deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    source, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "0", new ESMClass(esmClass),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), shortMessage);
            return 0;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            request.accept("test-smsc");
            sessions.put(request.getSystemId(), session);
            flushPending();
        } catch (Exception e) {
            session.close();
        }
    }

    private void flushPending() {
        for (Submitted s : pending) {
            String systemId = systemIdByNumber.get(s.destination());
            SMPPServerSession target = systemId == null ? null : sessions.get(systemId);
            if (target != null && target.getSessionState().isBound() && pending.remove(s)) {
                workers.execute(() -> deliver(target, s));
            }
        }
    }

    private void deliver(SMPPServerSession target, Submitted s) {
        try {
            target.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, s.source(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, s.destination(),
                    new ESMClass(s.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.newInstance(s.dataCoding()), s.shortMessage());
        } catch (Exception e) {
            pending.add(s); // kept, delivered when the ESME binds again
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropConnections();
        listener.close();
        workers.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            Submitted s = new Submitted(submitSm.getSourceAddr(), submitSm.getDestAddress(), submitSm.getEsmClass(),
                    submitSm.getDataCoding(), submitSm.getShortMessage());
            submitted.add(s);
            byte[] sm = s.shortMessage();
            boolean lost = (s.esmClass() & 0x40) != 0 && sm.length > 5 && dropPart.get() == (sm[5] & 0xFF)
                    && dropPart.compareAndSet(sm[5] & 0xFF, 0);
            if (!lost) {
                pending.add(s);
            }
            workers.execute(TestSmsc.this::flushPending);
            try {
                return new SubmitSmResult(new MessageId(Integer.toHexString(messageIds.incrementAndGet())), null);
            } catch (Exception e) {
                throw new ProcessRequestException("id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
