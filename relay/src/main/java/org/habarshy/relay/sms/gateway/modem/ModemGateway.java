package org.habarshy.relay.sms.gateway.modem;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.habarshy.relay.sms.codec.MalformedSmsException;
import org.habarshy.relay.sms.gateway.PhoneNumber;
import org.habarshy.relay.sms.gateway.PlainTextSegments;
import org.habarshy.relay.sms.gateway.SmsGateway;
import org.habarshy.relay.sms.gateway.SmsListener;
import org.habarshy.relay.sms.gateway.SmsSendException;
import org.habarshy.relay.sms.gateway.SmsSendException.Kind;
import org.habarshy.relay.sms.segment.SmsSegment;

/**
 * A GSM modem driven by AT commands (3GPP TS 27.005) in PDU mode over a serial port, used as a plain file: sends
 * with {@code AT+CMGS}, learns of new SMS from {@code +CMTI}, reads them with {@code AT+CMGR} and deletes them with
 * {@code AT+CMGD} (after handing them on). Commands run one at a time on the {@code habarshy-modem} thread; a reader
 * thread splits the port's output into responses and unsolicited codes.
 */
public final class ModemGateway implements SmsGateway {
    private static final System.Logger LOG = System.getLogger(ModemGateway.class.getName());
    private static final Pattern CMTI = Pattern.compile("\\+CMTI: *\"?[A-Z]*\"?, *(\\d{1,5})");
    private static final Pattern CMGL = Pattern.compile("\\+CMGL: *(\\d{1,5}),");
    private static final Pattern CMS_ERROR = Pattern.compile("\\+CM[SE] ERROR: *(\\d+)");
    private static final String PROMPT = "> ";
    private static final int MAX_LINE = 1024;

    private final ModemConfig config;
    private final ExecutorService commands;
    private final ExecutorService inbound;
    private final BlockingQueue<String> responses = new LinkedBlockingQueue<>();
    private final SecureRandom random = new SecureRandom();
    private volatile InputStream in;
    private volatile OutputStream out;
    private volatile SmsListener listener;
    private volatile boolean up;
    private volatile boolean closed;

    /** Creates the gateway; the port is opened by {@link #start(SmsListener)}. */
    public ModemGateway(ModemConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.commands = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "habarshy-modem");
            t.setDaemon(true);
            return t;
        });
        this.inbound = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "habarshy-modem-inbound");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start(SmsListener listener) throws IOException {
        this.listener = Objects.requireNonNull(listener, "listener");
        if (config.configureWithStty()) {
            configurePort();
        }
        in = new FileInputStream(config.port().toFile());
        out = new FileOutputStream(config.port().toFile());
        Thread reader = new Thread(this::readLoop, "habarshy-modem-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            commands.submit(() -> {
                for (String init : List.of("AT", "ATE0", "AT+CMGF=0", "AT+CNMI=2,1,0,0,0")) {
                    command(init);
                }
                up = true;
                readStored();
                return null;
            }).get();
        } catch (Exception e) {
            throw new IOException("modem did not accept the set-up commands", e);
        }
    }

    private void configurePort() throws IOException {
        Process stty = new ProcessBuilder("stty", "-F", config.port().toString(), "raw", "-echo",
                Integer.toString(config.baud())).redirectErrorStream(true).start();
        try {
            if (!stty.waitFor(10, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                throw new IOException("stty could not configure the serial port");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while configuring the serial port", e);
        }
    }

    /** Splits the port's bytes into lines; the "> " prompt has no line end and is passed on as it is. */
    private void readLoop() {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\r' || b == '\n') {
                    if (line.length() > 0) {
                        dispatch(line.toString());
                        line.setLength(0);
                    }
                } else if (line.length() < MAX_LINE) {
                    line.append((char) b);
                    if (line.toString().equals(PROMPT)) {
                        responses.add(PROMPT);
                        line.setLength(0);
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "modem port closed: {0}", e.getClass().getSimpleName());
            }
        }
        up = false;
    }

    private void dispatch(String line) {
        Matcher cmti = CMTI.matcher(line);
        if (cmti.matches()) {
            int index = Integer.parseInt(cmti.group(1));
            commands.execute(() -> readAndDelete(index));
        } else {
            responses.add(line);
        }
    }

    /** Hands on and deletes every SMS the modem stored while nobody was listening ({@code AT+CMGL=4}: all). */
    private void readStored() throws IOException {
        List<String> lines = command("AT+CMGL=4");
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher listed = CMGL.matcher(lines.get(i));
            if (listed.lookingAt()) {
                int index = Integer.parseInt(listed.group(1));
                String pduHex = lines.get(i + 1);
                inbound.execute(() -> handOnThenDelete(index, pduHex));
                i++;
            }
        }
    }

    private void readAndDelete(int index) {
        try {
            List<String> lines = command("AT+CMGR=" + index);
            String pduHex = lines.size() >= 2 && lines.get(0).startsWith("+CMGR:") ? lines.get(1) : "";
            inbound.execute(() -> handOnThenDelete(index, pduHex));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reading SMS {0} from the modem failed: {1}", index, e.getMessage());
        }
    }

    /**
     * Runs on the inbound thread, so that a listener waiting for the bridge never holds the command thread that the
     * bridge may need to send; deletes the SMS from the SIM only once the listener has it.
     */
    private void handOnThenDelete(int index, String pduHex) {
        if (!handOn(pduHex)) {
            LOG.log(Level.WARNING, "SMS {0} left on the SIM: the bridge could not store it", index);
            return;
        }
        commands.execute(() -> {
            try {
                command("AT+CMGD=" + index);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "deleting SMS {0} from the modem failed: {1}", index, e.getMessage());
            }
        });
    }

    /** Passes one stored SMS-DELIVER (hex) to the listener, or reports it as malformed; false: not stored. */
    private boolean handOn(String pduHex) {
        try {
            if (pduHex.isEmpty()) {
                throw new MalformedSmsException("no PDU in the modem's answer");
            }
            SmsPdu.Deliver deliver = SmsPdu.parseDeliver(HexFormat.of().parseHex(pduHex));
            if (deliver.dataCoding() != SmsPdu.DCS_8BIT) {
                throw new MalformedSmsException("not 8-bit data coding");
            }
            deliver.segment().part();
            return listener.binaryReceived(deliver.from(), deliver.segment());
        } catch (MalformedSmsException | IllegalArgumentException e) {
            String reason = "malformed SMS from the modem dropped: " + e.getMessage();
            LOG.log(Level.WARNING, reason);
            listener.malformedReceived(reason);
            return true;
        }
    }

    /** Sends one command and returns the lines before OK; throws on ERROR, +CMS ERROR or timeout. */
    private List<String> command(String command) throws IOException {
        responses.clear();
        write((command + "\r").getBytes(StandardCharsets.US_ASCII));
        return awaitFinal();
    }

    private List<String> awaitFinal() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = poll();
            if (line.equals("OK")) {
                return lines;
            }
            if (line.equals("ERROR")) {
                throw new ModemException("ERROR", -1);
            }
            Matcher error = CMS_ERROR.matcher(line);
            if (error.matches()) {
                throw new ModemException(line, Integer.parseInt(error.group(1)));
            }
            if (!line.equals(PROMPT)) {
                lines.add(line);
            }
        }
    }

    private String poll() throws IOException {
        try {
            String line = responses.poll(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IOException("modem did not answer in time");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void write(byte[] bytes) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("modem port not open");
        }
        o.write(bytes);
        o.flush();
    }

    @Override
    public void sendBinary(PhoneNumber to, SmsSegment segment) throws SmsSendException {
        sendPdu(SmsPdu.submit(to, segment, SmsPdu.DCS_8BIT));
    }

    @Override
    public void sendPlainText(PhoneNumber to, String text) throws SmsSendException {
        for (SmsSegment part : PlainTextSegments.split(text, random.nextInt(256))) {
            sendPdu(SmsPdu.submit(to, part, SmsPdu.DCS_UCS2));
        }
    }

    private void sendPdu(byte[] pdu) throws SmsSendException {
        try {
            commands.submit(() -> {
                responses.clear();
                write(("AT+CMGS=" + SmsPdu.tpduLength(pdu) + "\r").getBytes(StandardCharsets.US_ASCII));
                String prompt = poll();
                if (!prompt.equals(PROMPT)) {
                    awaitFinal(); // an error instead of the prompt
                    throw new IOException("modem did not prompt for the PDU");
                }
                write((HexFormat.of().withUpperCase().formatHex(pdu) + "\u001A").getBytes(StandardCharsets.US_ASCII));
                awaitFinal();
                return null;
            }).get(config.commandTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw classify(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SmsSendException(Kind.TRANSIENT, "modem did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException(Kind.TRANSIENT, "interrupted", e);
        }
    }

    private static SmsSendException classify(Throwable cause) {
        if (cause instanceof ModemException m) {
            // 27.005 §3.2.5: 42 congestion, 38 network out of order, 331 no network, 332 network timeout.
            return switch (m.code()) {
                case 42 -> new SmsSendException(Kind.THROTTLED, "modem reports congestion", Duration.ofSeconds(30));
                case 38, 41, 47, 331, 332, 500 -> new SmsSendException(Kind.TRANSIENT, m.getMessage(), m);
                default -> new SmsSendException(m.code() < 0 ? Kind.TRANSIENT : Kind.PERMANENT, m.getMessage(), m);
            };
        }
        return new SmsSendException(Kind.TRANSIENT, "modem I/O: " + cause.getClass().getSimpleName(), cause);
    }

    @Override
    public String name() {
        return "modem";
    }

    @Override
    public boolean isUp() {
        return up;
    }

    @Override
    public void close() {
        closed = true;
        up = false;
        commands.shutdownNow();
        inbound.shutdownNow();
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // closing a port that is already gone
        }
    }

    /** A final result code other than OK. */
    static final class ModemException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int code;

        ModemException(String message, int code) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }
}
