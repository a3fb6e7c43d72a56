package org.habarshy.desktop.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.habarshy.core.api.group.GroupMember;
import org.habarshy.core.api.group.GroupMessage;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.group.GroupChangeException;
import org.habarshy.core.group.Groups;
import org.habarshy.core.node.Account;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code habarshy group ...}: private groups (docs/PROTOCOL.md §11). GROUP is a group's exact name or the start
 * of its id (at least 4 hex digits, as {@code group list} prints it); MEMBER is a contact alias, a member's name
 * in the group, or the start of their identity key in hex.
 */
@Command(name = "group", description = "Private groups: messages encrypted once for all members with sender keys; "
        + "members are added and removed by the group's admins.",
        subcommands = {GroupCommand.Create.class, GroupCommand.ListGroups.class, GroupCommand.Members.class,
                GroupCommand.Add.class, GroupCommand.Remove.class, GroupCommand.Promote.class,
                GroupCommand.Send.class, GroupCommand.Messages.class, GroupCommand.Leave.class})
final class GroupCommand implements Runnable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every group subcommand shares: the data directory and the passphrase. */
    abstract static class GroupTask implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Mixin
        PassphraseOption passphrase;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            try (Account account = passphrase.openAccount(data.resolve())) {
                run(account, spec.commandLine().getOut());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        abstract void run(Account account, PrintWriter out) throws Exception;
    }

    @Command(name = "create", description = "Create a group with you as its admin and send it to its members.")
    static final class Create extends GroupTask {
        @Parameters(index = "0", paramLabel = "NAME", description = "The group's name (1 to 64 UTF-8 bytes), which "
                + "every member sees.")
        String name;

        @Option(names = "--member", paramLabel = "ALIAS", required = true, arity = "1..*",
                description = "A contact to add; repeat for more.")
        List<String> members;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            List<Contact> contacts = new ArrayList<>();
            for (String alias : members) {
                contacts.add(account.contact(alias));
            }
            GroupSummary group = account.groups().create(TextArguments.checked("the group name", name), contacts);
            out.println("created group " + Groups.shortId(group.id()) + " \"" + group.name() + "\" with "
                    + group.members().size() + " members; the invitations are queued");
        }
    }

    @Command(name = "list", description = "List your groups: id, name, members, epoch, your role.")
    static final class ListGroups extends GroupTask {
        @Override
        void run(Account account, PrintWriter out) throws Exception {
            List<GroupSummary> groups = account.groups().list();
            if (groups.isEmpty()) {
                out.println("no groups yet (habarshy group create NAME --member ALIAS)");
            }
            for (GroupSummary g : groups) {
                String role = !g.member() ? "removed" : g.admin() ? "admin" : "member";
                out.printf("%s\t%s\t%d members\tepoch %d\t%s%n", Groups.shortId(g.id()), g.name(), g.members().size(),
                        g.epoch(), role);
            }
        }
    }

    @Command(name = "members", description = "List a group's members: name, your alias for them, role.")
    static final class Members extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            Map<IdentityKey, String> aliases = aliases(account);
            IdentityKey me = account.card().identityKey();
            for (GroupMember m : account.groups().find(group).members()) {
                String alias = m.identity().equals(me) ? "(you)" : aliases.getOrDefault(m.identity(), "-");
                out.printf("%s\t%s\t%s\t%s%n", m.name(), alias, m.admin() ? "admin" : "member",
                        m.identity().hex().substring(0, 16));
            }
        }
    }

    @Command(name = "add", description = "Add a contact to a group (admins only). The new member reads messages "
            + "written from now on.")
    static final class Add extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "ALIAS", description = "The contact to add.")
        String alias;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            GroupSummary after = account.groups().add(g.id(), account.contact(alias));
            out.println("added " + alias + " to \"" + after.name() + "\" (" + after.members().size() + " members)");
        }
    }

    @Command(name = "remove", description = "Remove a member (admins only). Every remaining member switches to "
            + "new sender keys that the removed member never receives.")
    static final class Remove extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "MEMBER")
        String member;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            GroupSummary after = account.groups().remove(g.id(), resolve(account, g, member).identity());
            out.println("removed " + member + " from \"" + after.name() + "\" (" + after.members().size()
                    + " members left)");
        }
    }

    @Command(name = "leave", description = "Leave a group: your signed departure goes to the other members, who "
            + "switch to new sender keys you never receive. You keep the messages you have. The only admin must "
            + "promote someone first.")
    static final class Leave extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            GroupSummary after = account.groups().leave(g.id());
            out.println("left \"" + after.name() + "\"; the other " + after.members().size()
                    + " member(s) are told when your messages reach them");
        }
    }

    @Command(name = "promote", description = "Make a member an admin (admins only).")
    static final class Promote extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "MEMBER")
        String member;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            account.groups().promote(g.id(), resolve(account, g, member).identity());
            out.println(member + " is now an admin of \"" + g.name() + "\"");
        }
    }

    @Command(name = "send", description = "Encrypt a message once for every member and queue it.")
    static final class Send extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1", paramLabel = "TEXT")
        String text;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            out.println("queued " + account.groups().send(g.id(), TextArguments.checked("the message", text)).hex());
        }
    }

    @Command(name = "messages", description = "List a group's messages, oldest first.")
    static final class Messages extends GroupTask {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        void run(Account account, PrintWriter out) throws Exception {
            GroupSummary g = account.groups().find(group);
            for (GroupMessage m : account.groups().messages(g.id())) {
                String from = m.direction() == Direction.OUTGOING ? MessagesCommand.ME : m.senderName();
                out.printf("%s  %s: %s%n", TIME.format(Instant.ofEpochMilli(m.sentAt())), from, m.text());
            }
        }
    }

    private static Map<IdentityKey, String> aliases(Account account) throws Exception {
        Map<IdentityKey, String> aliases = new HashMap<>();
        for (Contact c : account.contacts()) {
            aliases.put(c.card().identityKey(), c.alias());
        }
        return aliases;
    }

    /** Finds a member by contact alias, then by name in the group, then by identity key hex prefix. */
    static GroupMember resolve(Account account, GroupSummary group, String member) throws Exception {
        Map<IdentityKey, String> aliases = aliases(account);
        List<GroupMember> byAlias = group.members().stream()
                .filter(m -> member.equals(aliases.get(m.identity()))).toList();
        if (byAlias.size() == 1) {
            return byAlias.get(0);
        }
        List<GroupMember> byName = group.members().stream().filter(m -> m.name().equals(member)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        String prefix = member.toLowerCase(Locale.ROOT);
        List<GroupMember> byKey = prefix.length() >= 8 && prefix.matches("[0-9a-f]+")
                ? group.members().stream().filter(m -> m.identity().hex().startsWith(prefix)).toList() : List.of();
        if (byKey.size() == 1) {
            return byKey.get(0);
        }
        throw new GroupChangeException(GroupChangeException.Reason.INVALID, byName.size() > 1
                ? "several members are called \"" + member + "\"; use the start of their key (habarshy group members)"
                : "\"" + member + "\" is not a member of \"" + group.name() + "\" (habarshy group members "
                + Groups.shortId(group.id()) + ")");
    }
}
