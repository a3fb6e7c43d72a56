package org.habarshy.desktop.gui.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.group.GroupMessage;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.group.GroupChangeException;
import org.habarshy.core.group.Groups;

/**
 * The groups screen without any widget: the user's groups, the open group's messages and members, and the actions
 * (create, send, add and remove members) run on {@link BackgroundWork}, never on the UI thread. Public methods and
 * listeners run on the UI thread.
 */
public final class GroupsModel {
    /** Longest group name, UTF-8 bytes (docs/PROTOCOL.md §11.1). */
    public static final int MAX_NAME_BYTES = 64;

    /** Where the model finds the open account's session; called on the worker thread only. */
    @FunctionalInterface
    public interface SessionSource {
        /** Returns the open session, if any. */
        Optional<MessengerSession> current();
    }

    /** Told when anything shown changed. */
    @FunctionalInterface
    public interface Listener {
        /** The groups, the open group or its messages changed. */
        void groupsChanged();
    }

    /**
     * One message as the conversation view shows it.
     *
     * @param sender the author's alias or name ("" for this user's own messages)
     * @param text the text
     * @param sentAt the author's clock, Unix ms
     * @param outgoing true if this user wrote it
     */
    public record Line(String sender, String text, long sentAt, boolean outgoing) {
    }

    /** What the worker read in one go. */
    record Snapshot(List<GroupSummary> groups, List<Line> lines, List<String> aliases) {
    }

    private final BackgroundWork work;
    private final SessionSource sessions;
    private Listener listener = () -> { };
    private boolean started;
    private List<GroupSummary> groups = List.of();
    private List<Line> lines = List.of();
    private List<String> aliases = List.of();
    private GroupId selected;

    /** A model over the sessions {@code sessions} gives, doing its work on {@code work}. */
    public GroupsModel(BackgroundWork work, SessionSource sessions) {
        this.work = work;
        this.sessions = sessions;
    }

    /** Sets the one listener (the panel shown now; a rebuilt panel replaces the old one). */
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /** Reads everything now and then every {@code periodMillis}; later calls only refresh. */
    public void start(long periodMillis) {
        refresh();
        if (started) {
            return;
        }
        started = true;
        work.every(periodMillis, () -> {
            try {
                Snapshot s = snapshot(selected);
                work.onUi(() -> apply(s));
            } catch (Exception e) {
                System.getLogger(GroupsModel.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot read the groups: " + e.getMessage());
            }
        });
    }

    /** Reads everything again now. */
    public void refresh() {
        GroupId open = selected;
        work.submit(() -> snapshot(open), this::apply, e -> { });
    }

    private Snapshot snapshot(GroupId open) throws Exception {
        Optional<MessengerSession> session = sessions.current();
        if (session.isEmpty()) {
            return new Snapshot(List.of(), List.of(), List.of());
        }
        Groups g = session.get().groups();
        List<Line> shown = new ArrayList<>();
        if (open != null) {
            for (GroupMessage m : g.messages(open)) {
                boolean outgoing = m.direction() == Direction.OUTGOING;
                shown.add(new Line(outgoing ? "" : m.senderName(), m.text(), m.sentAt(), outgoing));
            }
        }
        List<String> contactAliases = session.get().contacts().stream().map(Contact::alias).toList();
        return new Snapshot(g.list(), shown, contactAliases);
    }

    void apply(Snapshot snapshot) {
        boolean changed = !snapshot.groups().equals(groups) || !snapshot.lines().equals(lines)
                || !snapshot.aliases().equals(aliases);
        groups = snapshot.groups();
        lines = snapshot.lines();
        aliases = snapshot.aliases();
        if (changed) {
            fire();
        }
    }

    /** Returns the user's groups, oldest first. */
    public List<GroupSummary> groups() {
        return groups;
    }

    /** Returns the contacts' aliases (for choosing members). */
    public List<String> contactAliases() {
        return aliases;
    }

    /** Opens a group (null closes it) and reads its messages. */
    public void select(GroupId id) {
        selected = id;
        lines = List.of();
        fire();
        refresh();
    }

    /** Returns the open group. */
    public Optional<GroupSummary> selected() {
        return groups.stream().filter(g -> g.id().equals(selected)).findFirst();
    }

    /** Returns the open group's messages, oldest first. */
    public List<Line> conversation() {
        return lines;
    }

    /** Returns true if this user may add and remove members of the open group. */
    public boolean canManage() {
        return selected().map(g -> g.admin() && g.member()).orElse(false);
    }

    /** Checks a new group's name and members; returns the error to show, if any. */
    public static Optional<UserError> checkNewGroup(String name, List<String> members) {
        if (name == null || name.isBlank()) {
            return Optional.of(new UserError("group.error.nameEmpty", ""));
        }
        if (name.strip().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of(new UserError("group.error.nameTooLong", ""));
        }
        if (members.isEmpty()) {
            return Optional.of(new UserError("group.error.noMembers", ""));
        }
        return Optional.empty();
    }

    /** Creates a group with the contacts {@code members} and opens it; {@code done} gets the error, if any. */
    public void create(String name, List<String> members, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = checkNewGroup(name, members);
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        List<String> chosen = List.copyOf(members);
        work.submit(() -> {
            MessengerSession session = require();
            List<Contact> contacts = new ArrayList<>();
            for (String alias : chosen) {
                contacts.add(session.contact(alias));
            }
            return session.groups().create(name.strip(), contacts).id();
        }, id -> {
            done.accept(Optional.empty());
            select(id);
        }, e -> done.accept(Optional.of(error(e))));
    }

    /** Sends {@code text} to the open group; {@code done} gets the error, if any. */
    public void send(String text, Consumer<Optional<UserError>> done) {
        Optional<UserError> invalid = AppModel.checkText(text);
        if (invalid.isEmpty() && selected == null) {
            invalid = Optional.of(new UserError("group.error.noGroup", ""));
        }
        if (invalid.isPresent()) {
            done.accept(invalid);
            return;
        }
        GroupId id = selected;
        work.submit(() -> require().groups().send(id, text), sent -> {
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(error(e))));
    }

    /** Adds the contact {@code alias} to the open group (admins only). */
    public void addMember(String alias, Consumer<Optional<UserError>> done) {
        GroupId id = selected;
        if (id == null) {
            done.accept(Optional.of(new UserError("group.error.noGroup", "")));
            return;
        }
        work.submit(() -> {
            MessengerSession session = require();
            return session.groups().add(id, session.contact(alias));
        }, g -> {
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(error(e))));
    }

    /** Removes {@code member} from the open group (admins only). */
    public void removeMember(GroupMember member, Consumer<Optional<UserError>> done) {
        GroupId id = selected;
        if (id == null) {
            done.accept(Optional.of(new UserError("group.error.noGroup", "")));
            return;
        }
        IdentityKey key = member.identity();
        work.submit(() -> require().groups().remove(id, key), g -> {
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(error(e))));
    }

    /**
     * Leaves the selected group (docs/PROTOCOL.md §11.2: the user's signed removal of itself); the other members
     * re-key without this user. The only admin is told to promote someone first.
     */
    public void leave(Consumer<Optional<UserError>> done) {
        GroupId id = selected;
        if (id == null) {
            done.accept(Optional.of(new UserError("group.error.noGroup", "")));
            return;
        }
        work.submit(() -> require().groups().leave(id), g -> {
            done.accept(Optional.empty());
            refresh();
        }, e -> done.accept(Optional.of(e instanceof GroupChangeException refused
                && refused.reason() == GroupChangeException.Reason.INVALID
                ? new UserError("group.leave.onlyAdmin", "") : error(e))));
    }

    /** Returns true if the user can leave the selected group (is still a member of it). */
    public boolean canLeave() {
        return selected().map(GroupSummary::member).orElse(false);
    }

    private MessengerSession require() {
        return sessions.current().orElseThrow(() -> new IllegalStateException("no account is open"));
    }

    /** Returns the error to show for a failed group action. */
    static UserError error(Exception e) {
        if (e instanceof GroupChangeException refused) {
            return switch (refused.reason()) {
                case NOT_ADMIN -> new UserError("group.error.notAdmin", "");
                case NOT_A_MEMBER -> new UserError("group.error.notMember", "");
                default -> new UserError("group.error.refused", refused.getMessage());
            };
        }
        return UserError.of(e);
    }

    private void fire() {
        listener.groupsChanged();
    }
}
