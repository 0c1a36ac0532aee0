package io.renlayer.admin.dlp;

import java.util.List;

/** A rule as submitted; on update, null fields keep their value. */
public record DlpRuleDraft(
        String name,
        String kind,
        String pattern,
        List<String> keywords,
        Boolean caseSensitive,
        String redaction,
        Boolean enabled) {}
