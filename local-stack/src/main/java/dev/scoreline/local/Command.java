package dev.scoreline.local;

/** One {@code ./scoreline} subcommand. */
interface Command {

    String usage();

    /** @return the process's exit code */
    int run(String[] args) throws Exception;
}
