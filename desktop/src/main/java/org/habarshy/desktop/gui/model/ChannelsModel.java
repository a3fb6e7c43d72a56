package org.habarshy.desktop.gui.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.habarshy.core.channel.ChannelException;
import org.habarshy.core.channel.ChannelInfo;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Channels;
import org.habarshy.core.channel.InvalidChannelCodeException;
import org.habarshy.core.channel.RefreshResult;
import org.habarshy.core.channel.Severity;

/**
 * The state behind the channels tab, in plain Java (no Swing): the followed channels with unread counts, the open
 * channel's posts, and urgent alerts to raise. Like {@link AppModel}, its public methods run on the UI thread and
 * return at once; the work (database, signatures) runs on {@link BackgroundWork}, and listeners are told on the UI
 * thread. The {@link Channels} come from {@code source}, asked on the worker thread (empty while no account is open).
 */
public final class ChannelsModel {
    /** Most posts shown for one channel. */
    public static final int POST_LIMIT = 200;

    /** Told on the UI thread. */
    public interface Listener {
        /** The channel list, unread counts or the open channel's posts changed. */
        default void channelsChanged() {
        }

        /** Urgent posts arrived (one entry per post): raise the visual alert, never a sound alone. */
        default void urgentPosts(List<ChannelPost> posts) {
        }
    }

    private final BackgroundWork work;
    private final Supplier<Optional<Channels>> source;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    // UI thread only.
    private List<ChannelInfo> channels = List.of();
    private Optional<String> selected = Optional.empty();
    private List<ChannelPost> posts = List.of();

    /** A model over the channels {@code source} gives on the worker thread. */
    public ChannelsModel(BackgroundWork work, Supplier<Optional<Channels>> source) {
        this.work = work;
        this.source = source;
    }

    /** Adds a listener. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Refreshes every {@code periodMillis} on the worker thread: new posts, unread counts, urgent alerts. */
    public void start(long periodMillis) {
        work.every(periodMillis, this::refreshOnWorker);
    }

    /** Reads everything again now. */
    public void refresh() {
        work.submit(() -> {
            refreshOnWorker();
            return null;
        }, ignored -> { }, e -> { });
    }

    private void refreshOnWorker() {
        Optional<Channels> open = source.get();
        if (open.isEmpty()) {
            // No account open (another data folder is being opened, or after a wipe): show nothing stale.
            work.onUi(() -> {
                if (!channels.isEmpty() || selected.isPresent()) {
                    selected = Optional.empty();
                    posts = List.of();
                    apply(List.of(), List.of());
                }
            });
            return;
        }
        try {
            RefreshResult result = open.get().refresh();
            List<ChannelInfo> list = open.get().list();
            work.onUi(() -> apply(list, result.added()));
        } catch (Exception e) {
            System.getLogger(ChannelsModel.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot read channels: " + e.getMessage());
        }
    }

    private void apply(List<ChannelInfo> list, List<ChannelPost> added) {
        channels = List.copyOf(list);
        if (selected.isPresent() && channels.stream().noneMatch(c -> c.name().equals(selected.get()))) {
            selected = Optional.empty();
            posts = List.of();
        }
        boolean openChannelChanged = selected.isPresent()
                && added.stream().anyMatch(p -> p.channel().equals(selected.get()));
        fire(Listener::channelsChanged);
        if (openChannelChanged) {
            loadPosts();
        }
        List<ChannelPost> urgent = added.stream().filter(p -> p.severity() == Severity.URGENT).toList();
        if (!urgent.isEmpty()) {
            fire(l -> l.urgentPosts(urgent));
        }
    }

    /** Opens the channel {@code name}: shows its posts and marks them read. */
    public void select(String name) {
        selected = Optional.of(name);
        loadPosts();
    }

    private void loadPosts() {
        String name = selected.orElseThrow();
        work.submit(() -> {
            Channels c = require();
            List<ChannelPost> shown = c.posts(name, POST_LIMIT);
            c.markRead(name);
            return new Loaded(shown, c.list());
        }, loaded -> {
            if (selected.equals(Optional.of(name))) {
                posts = loaded.posts();
            }
            channels = loaded.channels();
            fire(Listener::channelsChanged);
        }, e -> { });
    }

    /** Checks a post text before it is sent; returns the error to show, if any. */
    public static Optional<UserError> checkPost(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new UserError("channel.error.empty", ""));
        }
        if (text.strip().getBytes(StandardCharsets.UTF_8).length > Channels.MAX_TEXT_BYTES) {
            return Optional.of(new UserError("channel.error.tooLong", ""));
        }
        return Optional.empty();
    }

    /** Follows the channel of {@code code} under {@code alias} (blank: the channel's own name). */
    public void subscribe(String code, String alias, Consumer<Optional<UserError>> done) {
        Optional<String> name = alias == null || alias.isBlank() ? Optional.empty() : Optional.of(alias.strip());
        String trimmed = code == null ? "" : code.strip();
        work.submit(() -> require().subscribe(trimmed, name), info -> {
            done.accept(Optional.empty());
            refresh();
            select(info.name());
        }, e -> done.accept(Optional.of(errorOf(e))));
    }

    /** Creates a channel; {@code done} gets its code to share, or the error. */
    public void create(String name, boolean isPrivate, Consumer<Outcome<String>> done) {
        String trimmed = name == null ? "" : name.strip();
        work.submit(() -> {
            Channels c = require();
            ChannelInfo info = c.create(trimmed, isPrivate);
            return c.code(info.name());
        }, code -> {
            done.accept(Outcome.of(code));
            refresh();
            select(trimmed);
        }, e -> done.accept(Outcome.failed(errorOf(e))));
    }

    /** Returns, through {@code done}, the code others use to follow {@code name}. */
    public void code(String name, Consumer<Outcome<String>> done) {
        work.submit(() -> require().code(name), code -> done.accept(Outcome.of(code)),
                e -> done.accept(Outcome.failed(errorOf(e))));
    }

    /** Posts {@code text} with {@code severity} to the open channel. */
    public void post(Severity severity, String text, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkPost(text);
        if (invalid.isPresent() || selected.isEmpty()) {
            done.accept(invalid.isPresent() ? invalid : Optional.of(new UserError("channel.error.noneOpen", "")));
            return;
        }
        String name = selected.get();
        String body = text.strip();
        work.submit(() -> require().post(name, severity, body), post -> {
            done.accept(Optional.empty());
            loadPosts();
        }, e -> done.accept(Optional.of(errorOf(e))));
    }

    /** Stops following {@code name}. */
    public void unsubscribe(String name, Consumer<Optional<UserError>> done) {
        work.submit(() -> {
            require().unsubscribe(name);
            return null;
        }, ignored -> {
            if (selected.equals(Optional.of(name))) {
                selected = Optional.empty();
                posts = List.of();
            }
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(errorOf(e))));
    }

    /** Returns the followed channels, by name. */
    public List<ChannelInfo> channels() {
        return channels;
    }

    /** Returns the open channel's name. */
    public Optional<String> selected() {
        return selected;
    }

    /** Returns the open channel, if it is still followed. */
    public Optional<ChannelInfo> selectedChannel() {
        return selected.flatMap(name -> channels.stream().filter(c -> c.name().equals(name)).findFirst());
    }

    /** Returns the open channel's posts, oldest first. */
    public List<ChannelPost> posts() {
        return posts;
    }

    /** Returns the unread posts of every channel. */
    public int unreadTotal() {
        return channels.stream().mapToInt(ChannelInfo::unread).sum();
    }

    /** Returns the user-facing error for a failed channel action. */
    public static UserError errorOf(Exception e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof InvalidChannelCodeException) {
            return new UserError("channel.error.code", detail);
        }
        if (e instanceof ChannelException) {
            return new UserError("channel.error.refused", detail);
        }
        return UserError.of(e);
    }

    private Channels require() {
        return source.get().orElseThrow(() -> new IllegalStateException("no account is open"));
    }

    private void fire(Consumer<Listener> event) {
        for (Listener l : new ArrayList<>(listeners)) {
            event.accept(l);
        }
    }

    /** Posts and channels read together after opening a channel. */
    private record Loaded(List<ChannelPost> posts, List<ChannelInfo> channels) {
    }

    /**
     * A value or the error to show instead.
     *
     * @param value the value, if it worked
     * @param error the error, if not
     * @param <T> the value's type
     */
    public record Outcome<T>(Optional<T> value, Optional<UserError> error) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(Optional.of(value), Optional.empty());
        }

        static <T> Outcome<T> failed(UserError error) {
            return new Outcome<>(Optional.empty(), Optional.of(error));
        }
    }
}
