package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.habarshy.core.channel.ChannelInfo;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.RefreshResult;
import org.habarshy.core.channel.Severity;
import org.habarshy.core.crypto.InvalidChannelPostException.Reason;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy channel create|code|export-posting-key|import-posting-key|subscribe|unsubscribe|list|post|read}:
 * neighbourhood broadcast channels (docs/PROTOCOL.md §12).
 */
@Command(name = "channel", description = "Neighbourhood broadcast channels: follow with a code, read alerts, and post"
        + " with the channel's posting key.",
        subcommands = {ChannelCommand.Create.class, ChannelCommand.Code.class, ChannelCommand.ExportPostingKey.class,
                ChannelCommand.ImportPostingKey.class, ChannelCommand.Subscribe.class,
                ChannelCommand.Unsubscribe.class, ChannelCommand.ListChannels.class, ChannelCommand.Post.class,
                ChannelCommand.Read.class})
final class ChannelCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the words shown for a severity: never colour alone, always the word and a marker. */
    static String label(Severity severity) {
        return switch (severity) {
            case INFO -> "[info]   ";
            case WARNING -> "[WARNING]";
            case URGENT -> "[URGENT!]";
        };
    }

    /** Prints one line saying how many posts were refused and why, if any were. */
    static void reportRefusals(RefreshResult result, PrintWriter err) {
        if (result.refusedTotal() == 0) {
            return;
        }
        Map<Reason, Integer> refused = result.refused();
        err.println("habarshy: refused " + result.refusedTotal() + " post(s) claiming a channel you follow: "
                + refused.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + describe(e.getKey())).collect(Collectors.joining(", ")));
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case MALFORMED -> "malformed";
            case OTHER_CHANNEL -> "for another channel";
            case BAD_SIGNATURE -> "with a forged or damaged signature";
            case UNREADABLE -> "that do not decrypt";
            case EXPIRED -> "expired or wrongly dated";
            case REPLAYED -> "replaying a sequence number";
        };
    }

    /** {@code habarshy channel create NAME [--private]}. */
    @Command(name = "create", description = "Create a channel; this device holds its posting key.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name (up to 64 bytes).")
        String name;
        @Option(names = "--private", description = "Encrypt posts so that only holders of the channel code can"
                + " read them (carriers still carry them).")
        boolean isPrivate;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                ChannelInfo info = account.channels().create(TextArguments.checked("the name", name), isPrivate);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Created " + (info.isPrivate() ? "private" : "public") + " channel '" + info.name()
                        + "'. Share this channel code so that others can follow it"
                        + (info.isPrivate() ? " (it also lets them read: share it only with subscribers)" : "") + ":");
                out.println(account.channels().code(info.name()));
                spec.commandLine().getErr().println("The posting key stays on this device. Only to let someone else"
                        + " post, run 'habarshy channel export-posting-key " + info.name() + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy channel code NAME}. */
    @Command(name = "code", description = "Print the code others use to follow a channel.")
    static final class Code implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                spec.commandLine().getOut().println(account.channels().code(TextArguments.checked("the name", name)));
            }
            return 0;
        }
    }

    /** {@code habarshy channel export-posting-key NAME}. */
    @Command(name = "export-posting-key", description = "Print the channel's posting key: whoever holds it can post"
            + " as the channel. Share it only in person or over a channel you trust.")
    static final class ExportPostingKey implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                String key = account.channels().exportPostingKey(TextArguments.checked("the name", name));
                spec.commandLine().getErr().println("WARNING: whoever holds this posting key can post as '" + name
                        + "'. It cannot be revoked; to stop them, create a new channel.");
                spec.commandLine().getOut().println(key);
            }
            return 0;
        }
    }

    /** {@code habarshy channel import-posting-key [--file FILE] [--alias NAME]}. */
    @Command(name = "import-posting-key", description = "Import a posting key (read from standard input or a file, so"
            + " that it stays out of the shell history) and follow its channel.")
    static final class ImportPostingKey implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Option(names = "--file", paramLabel = "FILE", description = "Read the posting key from FILE.")
        Path file;
        @Option(names = "--alias", paramLabel = "NAME", description = "Your name for the channel.")
        String alias;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String key = file != null ? Files.readString(file, StandardCharsets.UTF_8)
                    : new String(System.in.readNBytes(4096), StandardCharsets.UTF_8);
            key = key.strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("no posting key given (on standard input or with --file)");
            }
            try (Account account = passphrase.openAccount(data.resolve())) {
                ChannelInfo info = account.channels().importPostingKey(key, Optional.ofNullable(alias)
                        .map(a -> TextArguments.checked("the alias", a)));
                spec.commandLine().getOut().println("You can now post to '" + info.name() + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy channel subscribe CODE [--alias NAME]}. */
    @Command(name = "subscribe", description = "Follow a channel by its code.")
    static final class Subscribe implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "CODE", description = "The channel code (starts with HC1).")
        String code;
        @Option(names = "--alias", paramLabel = "NAME", description = "Your name for the channel (default: its own).")
        String alias;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                ChannelInfo info = account.channels().subscribe(code, Optional.ofNullable(alias)
                        .map(a -> TextArguments.checked("the alias", a)));
                spec.commandLine().getOut().println("Following " + (info.isPrivate() ? "private" : "public")
                        + " channel '" + info.name() + "'. Read it with 'habarshy channel read " + info.name() + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy channel unsubscribe NAME}. */
    @Command(name = "unsubscribe", description = "Stop following a channel and forget its posts and keys.")
    static final class Unsubscribe implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                account.channels().unsubscribe(TextArguments.checked("the name", name));
                spec.commandLine().getOut().println("No longer following '" + name + "'.");
            }
            return 0;
        }
    }

    /** {@code habarshy channel list}. */
    @Command(name = "list", description = "List the channels you follow, with unread posts.")
    static final class ListChannels implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                reportRefusals(account.channels().refresh(), spec.commandLine().getErr());
                for (ChannelInfo c : account.channels().list()) {
                    spec.commandLine().getOut().println(c.name() + "\t" + (c.isPrivate() ? "private" : "public")
                            + "\t" + (c.canPost() ? "can post" : "read only") + "\t" + c.unread() + " unread");
                }
            }
            return 0;
        }
    }

    /** {@code habarshy channel post NAME --severity info|warning|urgent TEXT}. */
    @Command(name = "post", description = "Post an alert to a channel whose posting key this device holds.")
    static final class Post implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
        String name;
        @Parameters(index = "1", paramLabel = "TEXT", description = "The alert (up to 4096 bytes), or '-' to read it"
                + " (UTF-8) from standard input.")
        String text;
        @Option(names = "--severity", paramLabel = "LEVEL", defaultValue = "info",
                description = "info, warning or urgent (default: ${DEFAULT-VALUE}).")
        String severity;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Severity level = Severity.parse(severity);
            String body = "-".equals(text)
                    ? new String(System.in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip()
                    : TextArguments.checked("the alert", text);
            try (Account account = passphrase.openAccount(data.resolve())) {
                ChannelPost post = account.channels().post(TextArguments.checked("the name", name), level, body);
                spec.commandLine().getOut().println("posted " + label(post.severity()).strip() + " "
                        + post.id().hex());
            }
            return 0;
        }
    }

    /** {@code habarshy channel read NAME [--limit N]}. */
    @Command(name = "read", description = "Show a channel's posts, oldest first, and mark them read.")
    static final class Read implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Mixin
        PassphraseOption passphrase;
        @Parameters(index = "0", paramLabel = "NAME", description = "The channel's name.")
        String name;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N newest posts"
                + " (default: ${DEFAULT-VALUE}).")
        int limit;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (limit < 1 || limit > 10_000) {
                throw new IllegalArgumentException("--limit must be 1..10000");
            }
            String channel = TextArguments.checked("the name", name);
            try (Account account = passphrase.openAccount(data.resolve())) {
                reportRefusals(account.channels().refresh(), spec.commandLine().getErr());
                List<ChannelPost> posts = account.channels().posts(channel, limit);
                PrintWriter out = spec.commandLine().getOut();
                if (posts.isEmpty()) {
                    out.println("No posts in '" + channel + "' yet.");
                }
                for (ChannelPost p : posts) {
                    out.println(TIME.format(Instant.ofEpochMilli(p.createdAt())) + "  " + label(p.severity())
                            + (p.read() ? "  " : " *") + " " + p.text());
                }
                account.channels().markRead(channel);
            }
            return 0;
        }
    }
}
