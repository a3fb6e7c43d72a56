package org.habarshy.relay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code habarshy-relay}: the relay daemon's command line. */
@Command(name = "habarshy-relay", mixinStandardHelpOptions = true, version = "habarshy-relay 0.1.0",
        description = "A Habarshy mesh node that links islands of the mesh: federation with other relays, "
                + "directly or through vetted proxies.",
        subcommands = {RunCommand.class, StatusCommand.class, ProxyListCommand.class, IdCommand.class})
public final class RelayCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (run, status, proxy-list, id)");
    }

    /** Returns the command line with exit codes: 0 ok, 1 failure, 2 usage or configuration error. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new RelayCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("habarshy-relay: " + e.getMessage());
            return e instanceof org.habarshy.relay.config.ConfigException ? 2 : 1;
        });
        return cl;
    }
}
