package org.habarshy.desktop.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.habarshy.core.channel.ChannelInfo;
import org.habarshy.core.channel.ChannelPost;
import org.habarshy.core.channel.Severity;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.CarriedEnvelope;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channels view model without a display, over two real accounts (SQLite files): the poster's model creates a
 * channel and posts; the follower's model subscribes, sees the post arrive with its unread count, and raises the
 * urgent alert. A single-thread executor stands in for the UI thread.
 */
class ChannelsModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final List<List<ChannelPost>> alerts = new CopyOnWriteArrayList<>();
    private Account poster;
    private Account follower;
    private BackgroundWork posterWork;
    private BackgroundWork followerWork;
    private ChannelsModel posterModel;
    private ChannelsModel followerModel;

    @BeforeEach
    void setUp() throws Exception {
        poster = Account.create(tmp.resolve("poster"), "Poster", Clock.systemUTC());
        follower = Account.create(tmp.resolve("follower"), "Follower", Clock.systemUTC());
        posterWork = new BackgroundWork(ui);
        followerWork = new BackgroundWork(ui);
        posterModel = new ChannelsModel(posterWork, () -> Optional.of(poster.channels()));
        followerModel = new ChannelsModel(followerWork, () -> Optional.of(follower.channels()));
        onUi(() -> followerModel.addListener(new ChannelsModel.Listener() {
            @Override
            public void urgentPosts(List<ChannelPost> posts) {
                assertThat(Thread.currentThread().getName()).isEqualTo("test-ui");
                alerts.add(posts);
            }
        }));
    }

    @AfterEach
    void tearDown() throws Exception {
        posterWork.close();
        followerWork.close();
        poster.close();
        follower.close();
        ui.shutdown();
        ui.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void postsTravelToAFollowerWhoSeesUnreadCountsAndAnUrgentAlert() throws Exception {
        ChannelsModel.Outcome<String> created = outcome(done -> posterModel.create("Алмалы", false, done));
        assertThat(created.error()).isEmpty();
        String code = created.value().orElseThrow();
        assertThat(code).startsWith("HC1");
        awaitOnUi("the poster sees its channel, open", () -> posterModel.selectedChannel()
                .map(ChannelInfo::canPost).orElse(false));

        assertThat(this.<Optional<UserError>>outcome(done -> posterModel.post(Severity.URGENT, "  ", done)))
                .map(UserError::key).contains("channel.error.empty");
        assertThat(this.<Optional<UserError>>outcome(done -> posterModel.post(Severity.URGENT,
                "Көпір жабық, өзенге бармаңыз", done))).isEmpty();
        awaitOnUi("the poster sees its post", () -> posterModel.posts().size() == 1);

        assertThat(this.<Optional<UserError>>outcome(done -> followerModel.subscribe("HC1DAMAGED", "", done)))
                .map(UserError::key).contains("channel.error.code");
        assertThat(this.<Optional<UserError>>outcome(done -> followerModel.subscribe(" " + code + "\n", "Ауыл",
                done))).isEmpty();
        followerModel.start(100);
        onUi(() -> followerModel.select("Ауыл"));
        for (CarriedEnvelope e : poster.carriedAfter(0, 10)) {
            follower.carry(e.bytes());
        }
        awaitOnUi("the urgent alert", () -> !alerts.isEmpty());
        assertThat(alerts.get(0)).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo("Ауыл");
            assertThat(p.severity()).isEqualTo(Severity.URGENT);
            assertThat(p.text()).isEqualTo("Көпір жабық, өзенге бармаңыз");
        });
        awaitOnUi("the open channel shows the post and it is marked read",
                () -> followerModel.posts().size() == 1 && followerModel.unreadTotal() == 0);
        assertThat(onUi(() -> followerModel.selectedChannel().orElseThrow().canPost())).isFalse();
        assertThat(this.<Optional<UserError>>outcome(done -> followerModel.post(Severity.INFO, "mine", done)))
                .map(UserError::key).contains("channel.error.refused");

        assertThat(this.<Optional<UserError>>outcome(done -> followerModel.unsubscribe("Ауыл", done))).isEmpty();
        awaitOnUi("no channel left", () -> followerModel.channels().isEmpty()
                && followerModel.selected().isEmpty());
    }

    @Test
    void unreadCountsGrowUntilTheChannelIsOpened() throws Exception {
        outcome(done -> posterModel.create("news", true, (ChannelsModel.Outcome<String> o) -> done.accept(o)));
        follower.channels().subscribe(poster.channels().code("news"), Optional.empty());
        poster.channels().post("news", Severity.INFO, "one");
        poster.channels().post("news", Severity.WARNING, "two");
        for (CarriedEnvelope e : poster.carriedAfter(0, 10)) {
            follower.carry(e.bytes());
        }
        followerModel.start(100);
        awaitOnUi("two unread", () -> followerModel.unreadTotal() == 2);
        assertThat(alerts).as("no urgent post, no alert").isEmpty();
        onUi(() -> followerModel.select("news"));
        awaitOnUi("read", () -> followerModel.unreadTotal() == 0 && followerModel.posts().size() == 2);
        assertThat(onUi(() -> followerModel.posts().stream().map(ChannelPost::severity).toList()))
                .containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(ChannelsModel.checkPost("ә".repeat(2049))).map(UserError::key).contains("channel.error.tooLong");
    }

    private void onUi(Runnable action) throws Exception {
        ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    private <T> T onUi(Callable<T> action) throws Exception {
        return ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    private <T> T outcome(Consumer<Consumer<T>> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        onUi(() -> action.accept(result::complete));
        return result.get(30, TimeUnit.SECONDS);
    }

    private void awaitOnUi(String what, Callable<Boolean> condition) throws Exception {
        Await.until(what, LIMIT, () -> onUi(condition));
    }
}
