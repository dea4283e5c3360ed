package io.pipelineevents.app.cli;

/** Exit codes of every command, documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
