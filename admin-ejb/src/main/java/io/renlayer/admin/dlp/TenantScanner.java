package io.renlayer.admin.dlp;

import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Scans a text as the proxy would for this tenant: every detector plugin, minus the types the
 * tenant switched off, plus its enabled rules. For "test on text" in the console and the API.
 */
@ApplicationScoped
public class TenantScanner {

    static final int MAX_TEXT = 1 << 20;

    @Inject
    private PluginRegistry plugins;

    @EJB
    private DlpRuleService rules;

    @EJB
    private DlpSettingsService settings;

    public record ScanFinding(String type, int start, int end, String detector, double confidence) {}

    public List<ScanFinding> scan(UUID tenantId, String text) {
        if (text == null) {
            throw new InvalidRequestException("text", "text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidRequestException("text", "text must be at most " + MAX_TEXT + " characters");
        }
        TenantDlp tenant = TenantDlp.compile(
                rules.enabled(tenantId).stream()
                        .map(r -> new TenantDlp.RuleSpec(
                                r.getName(),
                                r.getKind(),
                                r.getPattern(),
                                r.getKeywords(),
                                r.isCaseSensitive(),
                                r.getRedaction()))
                        .toList(),
                settings.disabledTypes(tenantId));
        List<ScanFinding> findings = new ArrayList<>();
        ScanInput input = ScanInput.of(text, tenantId.toString(), ScanInput.Phase.REQUEST);
        for (DlpDetector detector : plugins.detectors()) {
            for (Finding f : detector.scan(input)) {
                if (tenant.reports(f.type())) {
                    findings.add(new ScanFinding(f.type(), f.start(), f.end(), detector.id(), f.confidence()));
                }
            }
        }
        for (TenantDlp.RuleMatch m : tenant.scan(text)) {
            findings.add(new ScanFinding(TenantDlp.CUSTOM, m.start(), m.end(), "rule:" + m.rule(), 1.0));
        }
        findings.sort(Comparator.comparingInt(ScanFinding::start).thenComparingInt(ScanFinding::end));
        return findings;
    }
}
