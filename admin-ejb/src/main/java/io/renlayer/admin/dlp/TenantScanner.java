package io.renlayer.admin.dlp;

import io.renlayer.admin.plugins.TenantPluginService;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.errors.InvalidRequestException;
import io.renlayer.core.plugins.PluginCalls;
import io.renlayer.core.plugins.PluginCalls.PluginCallFailed;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

    @EJB
    private TenantPluginService tenantPlugins;

    public record ScanFinding(String type, int start, int end, String detector, double confidence) {}

    /** What was found, and the detectors that failed on the text (threw, overran the budget, answered nonsense). */
    public record Scan(List<ScanFinding> findings, List<String> failedDetectors) {}

    public List<ScanFinding> scan(UUID tenantId, String text) {
        return scanned(tenantId, text).findings();
    }

    /**
     * Runs the detectors the tenant's traffic runs, with its settings, each call guarded as on the
     * proxy: a detector that fails is listed, not a server error.
     */
    public Scan scanned(UUID tenantId, String text) {
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
        List<String> failed = new ArrayList<>();
        ScanInput input = ScanInput.of(text, tenantId.toString(), ScanInput.Phase.REQUEST);
        PluginSet set = plugins.current();
        TenantPlugins configured = tenantPlugins.configs(tenantId);
        for (DlpDetector detector : set.detectors()) {
            Optional<PluginSettings> detectorSettings =
                    set.settingsFor(PluginKind.DLP_DETECTOR, detector.id(), configured);
            if (detectorSettings.isEmpty()) {
                continue; // switched off for the tenant, or waiting for a required setting
            }
            ScanInput scanned = input.withSettings(detectorSettings.get());
            List<Finding> found;
            try {
                found = PluginCalls.call(
                        set.health(PluginKind.DLP_DETECTOR, detector.id()),
                        set.shippedWithTheGateway(PluginKind.DLP_DETECTOR, detector.id()),
                        plugins.budget(),
                        () -> detector.scan(scanned));
            } catch (PluginCallFailed e) {
                failed.add(detector.id());
                continue;
            }
            if (found == null || found.stream().anyMatch(f -> f == null || f.end() > text.length())) {
                failed.add(detector.id());
                continue;
            }
            for (Finding f : found) {
                if (tenant.reports(f.type())) {
                    findings.add(new ScanFinding(f.type(), f.start(), f.end(), detector.id(), f.confidence()));
                }
            }
        }
        for (TenantDlp.RuleMatch m : tenant.scan(text)) {
            findings.add(new ScanFinding(TenantDlp.CUSTOM, m.start(), m.end(), "rule:" + m.rule(), 1.0));
        }
        findings.sort(Comparator.comparingInt(ScanFinding::start).thenComparingInt(ScanFinding::end));
        return new Scan(List.copyOf(findings), List.copyOf(failed));
    }
}
