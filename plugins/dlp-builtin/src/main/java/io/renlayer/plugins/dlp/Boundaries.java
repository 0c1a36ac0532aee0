package io.renlayer.plugins.dlp;

/** Where an identifier may start and end: not inside a longer number or word. */
final class Boundaries {

    /** Not after a digit, letter or dash: "x943 476 5919" and "glpat-0123456789" hold no number. */
    static final String NUMBER_START = "(?<![\\dA-Za-z-])";

    /** Not before a digit, letter or dash, nor a decimal part. */
    static final String NUMBER_END = "(?![\\dA-Za-z-]|[.,]\\d)";

    static final String WORD_START = "(?<![A-Za-z0-9])";
    static final String WORD_END = "(?![A-Za-z0-9])";

    private Boundaries() {}
}
