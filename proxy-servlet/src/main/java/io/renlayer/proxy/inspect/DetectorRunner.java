package io.renlayer.proxy.inspect;

import io.renlayer.core.crypto.MasterKeyProvider;
import io.renlayer.core.dlp.TenantDlp;
import io.renlayer.core.plugins.PluginCalls;
import io.renlayer.core.plugins.PluginHealth;
import io.renlayer.core.plugins.PluginKind;
import io.renlayer.core.plugins.PluginRegistry;
import io.renlayer.core.plugins.PluginSet;
import io.renlayer.core.plugins.TenantPlugins;
import io.renlayer.proxy.cache.ConfigCaches;
import io.renlayer.spi.config.PluginSettings;
import io.renlayer.spi.dlp.DlpDetector;
import io.renlayer.spi.dlp.Finding;
import io.renlayer.spi.dlp.ScanInput;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every detector over a text under one time budget: a vendor's on threads of their own, in
 * parallel, the gateway's own on the calling thread. Plugin code never takes the
 * proxy down: a detector that throws, returns nonsense or overruns the budget is reported as failed
 * (the caller applies the tenant's fail mode) and recorded in its health; the request goes on.
 * Java cannot kill a hung thread, so a detector with too many calls still running is not called
 * again until they drain, which bounds what a hanging plugin can hold.
 */
@ApplicationScoped
public class DetectorRunner implements TextScanner {

    /** Marks a detector not called because too many of its calls are still running. */
    private static final Future<List<Finding>> STUCK = CompletableFuture.failedFuture(new IllegalStateException());

    @Inject
    private PluginRegistry plugins;

    @Inject
    private MasterKeyProvider masterKey;

    private final Map<String, RedactionKey> hashKeys = new ConcurrentHashMap<>();

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private Duration budget;

    @PostConstruct
    void configure() {
        budget = plugins.budget();
    }

    @Inject
    private ConfigCaches caches;

    /**
     * The plugins' findings (types the tenant switched off dropped) plus the tenant's own rules,
     * reported as CUSTOM by detector {@code rule:<name>}.
     */
    @Override
    public ScanResult scan(String text, String tenantId, ScanInput.Phase phase) {
        if (text.isEmpty()) {
            return ScanResult.NOTHING;
        }
        ScanResult plugins = scanWithPlugins(text, tenantId, phase);
        TenantDlp tenant = tenantId == null ? TenantDlp.NONE : caches.tenantDlp(UUID.fromString(tenantId));
        if (tenant.isEmpty()) {
            return plugins;
        }
        List<DetectedFinding> findings = new ArrayList<>();
        plugins.findings().stream()
                .filter(f -> tenant.reports(f.finding().type()))
                .forEach(findings::add);
        for (TenantDlp.RuleMatch match : tenant.scan(text)) {
            findings.add(new DetectedFinding(
                    "rule:" + match.rule(),
                    Finding.of(TenantDlp.CUSTOM, match.start(), match.end(), 1.0),
                    match.redaction(),
                    "hash".equals(match.redaction()) ? hashKey(tenantId) : null));
        }
        return new ScanResult(List.copyOf(findings), plugins.failedDetectors());
    }

    private RedactionKey hashKey(String tenantId) {
        return hashKeys.computeIfAbsent(tenantId, id -> new RedactionKey(masterKey.derivedKey("redaction-hash/" + id)));
    }

    private ScanResult scanWithPlugins(String text, String tenantId, ScanInput.Phase phase) {
        PluginSet set = plugins.current(); // one set for the whole scan, whatever the directory does meanwhile
        TenantPlugins configured =
                tenantId == null ? TenantPlugins.NONE : caches.tenantPlugins(UUID.fromString(tenantId));
        ScanInput input = ScanInput.of(text, tenantId, phase);
        List<DlpDetector> detectors = new ArrayList<>(set.detectors().size());
        List<ScanInput> inputs = new ArrayList<>(set.detectors().size());
        for (DlpDetector detector : set.detectors()) {
            Optional<PluginSettings> settings = set.settingsFor(PluginKind.DLP_DETECTOR, detector.id(), configured);
            if (settings.isPresent()) { // else switched off by the tenant, or waiting for a required setting
                detectors.add(detector);
                inputs.add(settings.get() == PluginSettings.NONE ? input : input.withSettings(settings.get()));
            }
        }
        if (detectors.isEmpty()) {
            return ScanResult.NOTHING;
        }
        List<Future<List<Finding>>> calls = new ArrayList<>(detectors.size());
        for (int i = 0; i < detectors.size(); i++) {
            DlpDetector detector = detectors.get(i);
            PluginHealth health = set.health(PluginKind.DLP_DETECTOR, detector.id());
            if (set.shippedWithTheGateway(PluginKind.DLP_DETECTOR, detector.id())) {
                // The gateway's own detectors run on the calling thread, below, once the vendors' are under
                // way: they are its code, with linear-time matching, and a hand-off to another thread
                // and back cost more than their scan of a typical prompt.
                calls.add(null);
            } else if (!health.tryStart(PluginCalls.MAX_IN_FLIGHT)) {
                calls.add(STUCK); // still stuck in earlier calls: counts as failed without another thread
            } else {
                CountedDetectorCall call = new CountedDetectorCall(detector, inputs.get(i), health);
                executor.execute(call);
                calls.add(call);
            }
        }
        for (int i = 0; i < detectors.size(); i++) {
            if (calls.get(i) == null) {
                calls.set(i, runInline(detectors.get(i), inputs.get(i)));
            }
        }
        return collect(set, detectors, calls, text.length());
    }

    private static Future<List<Finding>> runInline(DlpDetector detector, ScanInput input) {
        try {
            return CompletableFuture.completedFuture(detector.scan(input));
        } catch (RuntimeException | StackOverflowError e) { // a regex can overflow on a pathological input
            return CompletableFuture.failedFuture(e);
        }
    }

    private ScanResult collect(
            PluginSet set, List<DlpDetector> detectors, List<Future<List<Finding>>> calls, int textLength) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<DetectedFinding> findings = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < detectors.size(); i++) {
            DlpDetector detector = detectors.get(i);
            PluginHealth health = set.health(PluginKind.DLP_DETECTOR, detector.id());
            Future<List<Finding>> call = calls.get(i);
            if (call == STUCK) {
                health.failed(new IllegalStateException(PluginCalls.MAX_IN_FLIGHT + " calls still running"));
                failed.add(detector.id());
                continue;
            }
            try {
                List<Finding> found = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (Finding finding : validated(found, textLength)) {
                    findings.add(new DetectedFinding(detector.id(), finding));
                }
            } catch (TimeoutException e) {
                call.cancel(true);
                health.timedOut(budget);
                failed.add(detector.id());
            } catch (ExecutionException e) {
                health.failed(e.getCause());
                failed.add(detector.id());
            } catch (InvalidFindingsException e) {
                health.failed(e);
                failed.add(detector.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                failed.add(detector.id());
            }
        }
        return new ScanResult(List.copyOf(findings), List.copyOf(failed));
    }

    private static List<Finding> validated(List<Finding> found, int textLength) {
        if (found == null) {
            throw new InvalidFindingsException("returned null");
        }
        for (Finding f : found) {
            if (f == null || f.end() > textLength) {
                throw new InvalidFindingsException("returned a finding outside the text");
            }
        }
        return found;
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    private static final class InvalidFindingsException extends RuntimeException {
        InvalidFindingsException(String message) {
            super(message);
        }
    }
}
