package dev.scoreline.local;

import dev.scoreline.cli.Options;

/** One {@code ./scoreline} subcommand. */
interface Command {

    /** What the command takes: its help and the reference page are written from it. */
    Options options();

    /** @return the process's exit code */
    int run(String[] args) throws Exception;
}
