package org.habarshy.desktop.cli;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.message.PlainSms;
import org.habarshy.core.node.Account;
import org.habarshy.core.sms.SmsRelayRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy sms relay|bind|plain|history}: the SMS relay that sends this user's plain SMS, phone numbers bound
 * to aliases, and the <b>unencrypted</b> plain-SMS fallback for a phone without Habarshy. Encrypted messages go by SMS
 * with {@code habarshy send ALIAS --via-sms TEXT}.
 */
@Command(name = "sms", description = "SMS: your SMS relay, phone numbers, and UNENCRYPTED plain SMS to phones "
        + "without Habarshy (encrypted messages by SMS: 'habarshy send ALIAS --via-sms TEXT').",
        subcommands = {SmsCommand.Relay.class, SmsCommand.Bind.class, SmsCommand.Plain.class,
                SmsCommand.History.class})
final class SmsCommand implements Runnable {
    /** The warning printed before every plain SMS, and in its history. */
    static final String UNENCRYPTED_WARNING = "UNENCRYPTED: a plain SMS is NOT end-to-end encrypted. The mobile "
            + "operator, the SMS centre, the relay and anyone holding either phone can read it, and it shows your "
            + "relay's number to the recipient.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code habarshy sms relay [KEY]}. */
    @Command(name = "relay", description = "Show or set the SMS relay that sends your plain SMS: KEY is the 64 hex "
            + "digits of the relay's sms-request.pub (ask its operator).")
    static final class Relay implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", arity = "0..1", paramLabel = "KEY", description = "The relay's SMS request key.")
        String key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                if (key != null) {
                    byte[] bytes;
                    try {
                        bytes = HexFormat.of().parseHex(key.strip());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("the relay key is 64 hex digits (its sms-request.pub)");
                    }
                    if (bytes.length != 32) {
                        throw new IllegalArgumentException("the relay key is 64 hex digits (its sms-request.pub)");
                    }
                    account.setSmsRelayKey(new AgreementKey(bytes));
                }
                Optional<AgreementKey> current = account.smsRelayKey();
                spec.commandLine().getOut().println(current.map(k -> "SMS relay: " + HexFormat.of().formatHex(
                        k.bytes())).orElse("No SMS relay set."));
            }
            return 0;
        }
    }

    /** {@code habarshy sms bind ALIAS NUMBER}. */
    @Command(name = "bind", description = "Bind a phone number to an alias (a contact, or someone without "
            + "Habarshy) for plain SMS. The number stays on this device and is only sent, sealed, to your SMS relay.")
    static final class Bind implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "ALIAS", description = "Your local name for the number.")
        String alias;

        @Parameters(index = "1", paramLabel = "NUMBER", description = "International number, e.g. +77011234567.")
        String number;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                account.bindSmsNumber(TextArguments.checked("the alias", alias), normalise(number));
                spec.commandLine().getOut().println("Bound a number to '" + alias + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy sms plain NUMBER|ALIAS TEXT --unencrypted}. */
    @Command(name = "plain", description = "Send an UNENCRYPTED plain SMS through your SMS relay to a phone without "
            + "Habarshy. Refused without --unencrypted; never chosen automatically.")
    static final class Plain implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Parameters(index = "0", paramLabel = "NUMBER|ALIAS", description = "An international number, or an alias "
                + "bound with 'habarshy sms bind'.")
        String to;

        @Parameters(index = "1", paramLabel = "TEXT", description = "The text, sent in clear.")
        String text;

        @Option(names = "--unencrypted", description = "Confirm that this SMS is sent in clear and may be read by "
                + "the operator, the SMS centre, the relay and anyone with the phone.")
        boolean unencrypted;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!unencrypted) {
                throw new IllegalArgumentException("refused: " + UNENCRYPTED_WARNING
                        + " To send it anyway, repeat the command with --unencrypted.");
            }
            try (Account account = passphrase.openAccount(data.resolve())) {
                String number = to.startsWith("+") ? normalise(to) : account.smsNumber(to).orElseThrow(() ->
                        new IllegalArgumentException("no number is bound to '" + to + "': use 'habarshy sms bind "
                                + to + " NUMBER', or give the number"));
                spec.commandLine().getErr().println("habarshy: " + UNENCRYPTED_WARNING);
                PlainSms sms = account.sendUnencryptedSms(number, TextArguments.checked("the message", text));
                spec.commandLine().getOut().println("queued " + sms.id().hex()
                        + " as an UNENCRYPTED plain SMS request to your SMS relay");
            }
            return 0;
        }
    }

    /** {@code habarshy sms history}. */
    @Command(name = "history", description = "List the UNENCRYPTED plain SMS you sent.")
    static final class History implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                for (PlainSms sms : account.plainSmsHistory()) {
                    spec.commandLine().getOut().println(Instant.ofEpochMilli(sms.sentAt()) + "\tUNENCRYPTED SMS to "
                            + sms.number() + "\t" + sms.text());
                }
            }
            return 0;
        }
    }

    private static String normalise(String number) {
        String compact = number.replaceAll("[\\s()-]", "");
        if (!SmsRelayRequest.isNumber(compact)) {
            throw new IllegalArgumentException("a phone number is '+' and 7 to 15 digits, e.g. +77011234567");
        }
        return compact;
    }
}
