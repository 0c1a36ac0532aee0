package com.example.renlayer;

import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds ACME employee ids such as {@code ACME-123456}. Stateless, so thread safe. */
public final class AcmeEmployeeIdDetector implements DlpDetector {

    private static final Pattern EMPLOYEE_ID = Pattern.compile("\\bACME-\\d{6}\\b");

    @Override
    public String id() {
        return "acme-employee-id";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public List<Finding> scan(ScanInput input) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = EMPLOYEE_ID.matcher(input.text());
        while (m.find()) {
            findings.add(Finding.of("ACME_EMPLOYEE_ID", m.start(), m.end(), 0.95));
        }
        return findings;
    }
}
