package io.renlayer.plugins.dlp;

/** Where an identifier may start and end: not inside a longer number or word. */
final class Boundaries {

    /** Not after a digit, letter or dash: "x943 476 5919" and "glpat-0123456789" hold no number. */
    static final String NUMBER_START = "(?<![\\dA-Za-z/_-])";

    /** Not before a digit, letter or dash, nor a decimal part. */
    static final String NUMBER_END = "(?![\\dA-Za-z/_-]|[.,]\\d)";

    /** Not inside a word, a path or an identifier: "/BS4886175/" in a URL is no DEA number. */
    static final String WORD_START = "(?<![A-Za-z0-9/_-])";

    static final String WORD_END = "(?![A-Za-z0-9/_])";

    private Boundaries() {}
}
