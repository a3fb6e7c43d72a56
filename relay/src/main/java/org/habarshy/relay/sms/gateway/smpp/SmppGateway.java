package org.habarshy.relay.sms.gateway.smpp;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.PlainTextSegments;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.gateway.SmsSendException.Kind;
import org.habarshy.relay.sms.segment.SmsSegment;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * An SMPP 3.4 ESME over jsmpp: binds as transceiver, sends {@code submit_sm} with 8-bit data coding and the
 * concatenation UDH, receives {@code deliver_sm}, keeps the link alive with {@code enquire_link} and rebinds with
 * exponential back-off when the SMSC drops the connection. While unbound, sends fail as {@link Kind#TRANSIENT}, so the
 * queue keeps the SMS. Malformed {@code deliver_sm} are answered with {@code ESME_RX_P_APPN} and logged.
 */
public final class SmppGateway implements SmsGateway {
    private static final System.Logger LOG = System.getLogger(SmppGateway.class.getName());
    private static final byte UDHI = 0x40;

    private final SmppConfig config;
    private final ScheduledExecutorService reconnects;
    private final SecureRandom random = new SecureRandom();
    /** jsmpp threads processing PDUs of the session: more than the deliver_sm an SMSC sends at once. */
    static final int PDU_PROCESSORS = 16;
    private volatile SMPPSession session;
    private volatile SmsListener listener;
    private volatile boolean closed;
    private Duration backoff;

    /** Creates a gateway; nothing connects before {@link #start(SmsListener)}. */
    public SmppGateway(SmppConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.backoff = config.reconnectMin();
        this.reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "habarshy-smpp-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(SmsListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        reconnects.execute(this::connect);
        long every = config.enquireLink().toMillis();
        reconnects.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Reconnects a session that is gone without having said so. When the SMSC closes the connection while the bind
     * response is being processed, jsmpp's reader closes the session and the binding thread then marks it bound
     * again: no state change follows, so {@link #stateChanged} never fires and the gateway would stay "bound" to
     * a dead connection for good (seen under load in SmsBridgeSmppTest). An enquire_link of our own finds out; a
     * session that is not bound and has no reconnect running is connected again. Runs on the reconnect thread,
     * so it never overlaps {@link #connect}.
     */
    private void watch() {
        SMPPSession s = session;
        if (closed || s == null) {
            return;
        }
        if (!s.getSessionState().isBound()) {
            connect();
            return;
        }
        try {
            ((ProbedSession) s).probe();
        } catch (IOException | ResponseTimeoutException | InvalidResponseException | RuntimeException e) {
            if (s == session && !closed) {
                LOG.log(Level.WARNING, "SMPP link to {0} does not answer ({1}); reconnecting", config,
                        e.getClass().getSimpleName());
                s.close();
                if (!s.getSessionState().isBound()) {
                    connect();
                }
            }
        }
    }

    /** A session the gateway can probe with an enquire_link of its own. */
    private static final class ProbedSession extends SMPPSession {
        void probe() throws IOException, ResponseTimeoutException, InvalidResponseException {
            sendEnquireLink();
        }
    }

    private void connect() {
        if (closed || (session != null && session.getSessionState().isBound())) {
            return;
        }
        SMPPSession s = new ProbedSession();
        s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        s.setTransactionTimer(config.responseTimeout().toMillis());
        s.setMessageReceiverListener(new Receiver());
        // Every PDU, responses included, is processed on this pool. A deliver_sm waits (up to the receive timeout)
        // for the SMS thread, which may itself wait for a submit_sm_resp: with one processor thread both wait until
        // the timeout. Several threads let responses through while deliver_sm wait.
        s.setPduProcessorDegree(PDU_PROCESSORS);
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null), config.responseTimeout().toMillis());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "SMPP bind to {0} failed ({1}); retrying in {2} ms", config,
                    e.getClass().getSimpleName(), backoff.toMillis());
            s.close();
            scheduleReconnect();
            return;
        }
        session = s;
        s.addSessionStateListener(this::stateChanged);
        backoff = config.reconnectMin();
        if (!s.getSessionState().isBound()) {
            LOG.log(Level.WARNING, "SMPP link to {0} lost right after the bind; reconnecting", config);
            scheduleReconnect();
            return;
        }
        LOG.log(Level.INFO, "SMPP bound (transceiver) to {0}", config);
    }

    private void stateChanged(SessionState newState, SessionState oldState, Session source) {
        if (source == session && !newState.isBound() && oldState.isBound() && !closed) {
            LOG.log(Level.WARNING, "SMPP link to {0} lost ({1}); reconnecting", config, newState);
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay = backoff.toMillis();
        backoff = backoff.multipliedBy(2).compareTo(config.reconnectMax()) > 0 ? config.reconnectMax()
                : backoff.multipliedBy(2);
        reconnects.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sendBinary(PhoneNumber to, SmsSegment segment) throws SmsSendException {
        submit(to, segment, new GeneralDataCoding(Alphabet.ALPHA_8_BIT));
    }

    @Override
    public void sendPlainText(PhoneNumber to, String text) throws SmsSendException {
        List<SmsSegment> parts = PlainTextSegments.split(text, random.nextInt(256));
        for (SmsSegment part : parts) {
            submit(to, part, new GeneralDataCoding(Alphabet.ALPHA_UCS2));
        }
    }

    private void submit(PhoneNumber to, SmsSegment segment, DataCoding coding) throws SmsSendException {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isTransmittable()) {
            throw new SmsSendException(Kind.TRANSIENT, "SMPP not bound", Duration.ZERO);
        }
        try {
            s.submitShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, config.sourceAddress(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to.digitsOnly(),
                    new ESMClass(segment.hasHeader() ? UDHI : 0), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(0), (byte) 0, coding, (byte) 0, segment.userData());
        } catch (NegativeResponseException e) {
            throw classify(e.getCommandStatus());
        } catch (ResponseTimeoutException | InvalidResponseException | IOException e) {
            throw new SmsSendException(Kind.TRANSIENT, "SMPP submit_sm failed: " + e.getClass().getSimpleName(), e);
        } catch (PDUException e) {
            throw new SmsSendException(Kind.PERMANENT, "SMPP refused to encode submit_sm", e);
        }
    }

    private static SmsSendException classify(int status) {
        if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
            return new SmsSendException(Kind.THROTTLED, "SMSC throttled submit_sm (status " + status + ")",
                    Duration.ofSeconds(1));
        }
        if (status == SMPPConstant.STAT_ESME_RSYSERR || status == SMPPConstant.STAT_ESME_RSUBMITFAIL
                || status == SMPPConstant.STAT_ESME_RX_T_APPN) {
            return new SmsSendException(Kind.TRANSIENT, "SMSC failed submit_sm (status " + status + ")",
                    Duration.ZERO);
        }
        return new SmsSendException(Kind.PERMANENT, "SMSC refused submit_sm (status " + status + ")", Duration.ZERO);
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public boolean isUp() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    /** Receives deliver_sm; a malformed one is refused with a permanent error so the SMSC does not retry it. */
    private final class Receiver implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                String source = deliverSm.getSourceAddr();
                if (source == null) {
                    throw new IllegalArgumentException("no source address");
                }
                PhoneNumber from = PhoneNumber.parse("+" + source.replaceFirst("^\\+", ""));
                byte[] data = shortMessage(deliverSm);
                if ((deliverSm.getDataCoding() & 0x0C) != 0x04) {
                    throw new IllegalArgumentException("not 8-bit data coding");
                }
                SmsSegment segment = new SmsSegment(data, (deliverSm.getEsmClass() & UDHI) != 0);
                segment.part();
                if (!listener.binaryReceived(from, segment)) {
                    throw new ProcessRequestException("SMS not stored; deliver again later",
                            SMPPConstant.STAT_ESME_RX_T_APPN);
                }
            } catch (IllegalArgumentException | org.habarshy.relay.sms.codec.MalformedSmsException e) {
                String reason = "malformed deliver_sm refused: " + e.getMessage();
                LOG.log(Level.WARNING, reason);
                listener.malformedReceived(reason);
                throw new ProcessRequestException(reason, SMPPConstant.STAT_ESME_RX_P_APPN);
            }
        }

        private byte[] shortMessage(DeliverSm deliverSm) {
            byte[] data = deliverSm.getShortMessage();
            if (data == null || data.length == 0) {
                OptionalParameter payload = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                if (payload instanceof OptionalParameter.OctetString octets) {
                    data = octets.getValue();
                }
            }
            if (data == null || data.length == 0) {
                throw new IllegalArgumentException("empty short message");
            }
            return Arrays.copyOf(data, data.length);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
