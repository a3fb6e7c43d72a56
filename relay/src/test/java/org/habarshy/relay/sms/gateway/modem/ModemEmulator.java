package org.habarshy.relay.sms.gateway.modem;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A GSM modem for tests, on one end of a pseudo-terminal pair: answers AT, ATE0, AT+CMGF=0, AT+CNMI, AT+CMGS (prompt,
 * PDU, Ctrl-Z), AT+CMGR, AT+CMGL=4 and AT+CMGD in PDU mode, announces stored SMS with +CMTI, and can fail the next
 * send with a given +CMS ERROR. Its PDUs are built and read here, independently of the gateway's {@code SmsPdu}.
 */
final class ModemEmulator implements AutoCloseable {
    private final InputStream in;
    private final OutputStream out;
    private final Map<Integer, byte[]> storage = new ConcurrentHashMap<>();
    private final AtomicInteger nextIndex = new AtomicInteger(1);
    private final AtomicReference<String> failNextSend = new AtomicReference<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> submitted = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> onSubmit = pdu -> { };
    private final Thread thread;

    ModemEmulator(Path port) throws IOException {
        in = new FileInputStream(port.toFile());
        out = new FileOutputStream(port.toFile());
        thread = new Thread(this::loop, "modem-emulator");
        thread.setDaemon(true);
        thread.start();
    }

    void onSubmit(Consumer<byte[]> consumer) {
        onSubmit = consumer;
    }

    void failNextSend(String finalResult) {
        failNextSend.set(finalResult);
    }

    List<String> commands() {
        return commands;
    }

    List<byte[]> submitted() {
        return submitted;
    }

    int stored() {
        return storage.size();
    }

    /** Stores an incoming SMS-DELIVER PDU without announcing it (it arrived while nobody listened). */
    void store(byte[] deliverPdu) {
        storage.put(nextIndex.getAndIncrement(), deliverPdu);
    }

    /** Stores an incoming SMS-DELIVER PDU and announces it with +CMTI. */
    void deliver(byte[] deliverPdu) throws IOException {
        int index = nextIndex.getAndIncrement();
        storage.put(index, deliverPdu);
        reply("\r\n+CMTI: \"SM\"," + index + "\r\n");
    }

    private void loop() {
        try {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\r') {
                    handle(line.toString().trim());
                    line.setLength(0);
                } else if (b != '\n') {
                    line.append((char) b);
                }
            }
        } catch (IOException e) {
            // pty closed: the test is over
        }
    }

    private void handle(String command) throws IOException {
        if (command.isEmpty()) {
            return;
        }
        commands.add(command);
        if (command.equals("AT") || command.equals("ATE0") || command.equals("AT+CMGF=0")
                || command.startsWith("AT+CNMI=")) {
            reply("\r\nOK\r\n");
        } else if (command.startsWith("AT+CMGS=")) {
            reply("\r\n> ");
            ByteArrayOutputStream hex = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != 0x1A) {
                hex.write(b);
            }
            byte[] pdu = HexFormat.of().parseHex(hex.toString(StandardCharsets.US_ASCII).trim());
            int declared = Integer.parseInt(command.substring("AT+CMGS=".length()));
            if (declared != pdu.length - 1 - (pdu[0] & 0xFF)) {
                reply("\r\n+CMS ERROR: 304\r\n");
                return;
            }
            String failure = failNextSend.getAndSet(null);
            if (failure != null) {
                reply("\r\n" + failure + "\r\n");
                return;
            }
            submitted.add(pdu);
            reply("\r\n+CMGS: " + submitted.size() + "\r\n\r\nOK\r\n");
            onSubmit.accept(pdu);
        } else if (command.startsWith("AT+CMGR=")) {
            byte[] pdu = storage.get(Integer.parseInt(command.substring("AT+CMGR=".length())));
            if (pdu == null) {
                reply("\r\n+CMS ERROR: 321\r\n");
            } else {
                reply("\r\n+CMGR: 0,," + (pdu.length - 1 - (pdu[0] & 0xFF)) + "\r\n"
                        + HexFormat.of().withUpperCase().formatHex(pdu) + "\r\n\r\nOK\r\n");
            }
        } else if (command.equals("AT+CMGL=4")) {
            StringBuilder list = new StringBuilder("\r\n");
            for (Map.Entry<Integer, byte[]> e : new java.util.TreeMap<>(storage).entrySet()) {
                byte[] pdu = e.getValue();
                list.append("+CMGL: ").append(e.getKey()).append(",0,,").append(pdu.length - 1 - (pdu[0] & 0xFF))
                        .append("\r\n").append(HexFormat.of().withUpperCase().formatHex(pdu)).append("\r\n");
            }
            reply(list.append("\r\nOK\r\n").toString());
        } else if (command.startsWith("AT+CMGD=")) {
            storage.remove(Integer.parseInt(command.substring("AT+CMGD=".length())));
            reply("\r\nOK\r\n");
        } else {
            reply("\r\nERROR\r\n");
        }
    }

    private synchronized void reply(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Turns a received SMS-SUBMIT into the SMS-DELIVER its recipient's modem would store, from {@code fromDigits}. */
    static byte[] deliverFromSubmit(byte[] submit, String fromDigits) {
        int at = 1 + (submit[0] & 0xFF);
        int first = submit[at++] & 0xFF;
        at++; // TP-MR
        int daDigits = submit[at++] & 0xFF;
        at += 1 + (daDigits + 1) / 2; // type + digits
        int pid = submit[at++] & 0xFF;
        int dcs = submit[at++] & 0xFF;
        int udl = submit[at++] & 0xFF;
        byte[] ud = java.util.Arrays.copyOfRange(submit, at, at + udl);
        return deliver(fromDigits, (first & 0x40) != 0, pid, dcs, ud);
    }

    /** Builds an SMS-DELIVER PDU with an SMSC address, an international sender and a fixed timestamp. */
    static byte[] deliver(String fromDigits, boolean udhi, int pid, int dcs, byte[] userData) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(new byte[] {0x07, (byte) 0x91, 0x77, 0x07, 0x00, 0x00, 0x00, (byte) 0xF0}); // SMSC +7770000000
        pdu.write(0x04 | (udhi ? 0x40 : 0)); // SMS-DELIVER, more-messages-to-send = 0
        pdu.write(fromDigits.length());
        pdu.write(0x91);
        for (int i = 0; i < fromDigits.length(); i += 2) {
            int lo = fromDigits.charAt(i) - '0';
            int hi = i + 1 < fromDigits.length() ? fromDigits.charAt(i + 1) - '0' : 0xF;
            pdu.write(hi << 4 | lo);
        }
        pdu.write(pid);
        pdu.write(dcs);
        pdu.writeBytes(new byte[] {0x62, 0x11, 0x32, 0x51, 0x00, 0x00, 0x00}); // 2026-11-23 15:00:00 UTC
        pdu.write(userData.length);
        pdu.writeBytes(userData);
        return pdu.toByteArray();
    }

    @Override
    public void close() throws IOException {
        in.close();
        out.close();
    }
}
