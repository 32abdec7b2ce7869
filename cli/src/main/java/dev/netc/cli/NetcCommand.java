package dev.netc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code netc} command. It does nothing by itself: a subcommand is required, and running {@code netc}
 * alone is a usage error (exit 2) that prints the list of subcommands.
 */
@Command(
        name = "netc",
        mixinStandardHelpOptions = true,
        versionProvider = NetcVersion.class,
        subcommands = {
            CheckCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            InspectCommand.class,
            CommandLine.HelpCommand.class
        },
        description = "netc, a neural-network compiler for Java.",
        synopsisSubcommandLabel = "COMMAND",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:A spec has errors, or a file could not be read.",
            "2:Usage error: unknown option, missing argument."
        })
final class NetcCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required command");
    }
}
