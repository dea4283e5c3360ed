package io.pipelineevents.mappings.template;

/** A template that cannot be parsed; {@code position} is the 1-based character where parsing stopped. */
public final class TemplateSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;

    public TemplateSyntaxException(String reason, int position) {
        super(reason + " at character " + position);
        this.reason = reason;
        this.position = position;
    }

    /** The message without the position. */
    public String reason() {
        return reason;
    }

    public int position() {
        return position;
    }
}
