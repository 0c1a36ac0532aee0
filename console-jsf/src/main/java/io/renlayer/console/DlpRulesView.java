package io.renlayer.console;

import io.renlayer.admin.dlp.DlpRule;
import io.renlayer.admin.dlp.DlpRuleDraft;
import io.renlayer.admin.dlp.DlpRuleService;
import io.renlayer.admin.dlp.TenantScanner;
import io.renlayer.admin.dlp.TenantScanner.ScanFinding;
import io.renlayer.core.paging.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** The tenant's DLP rules, and a box that runs the tenant's detectors on any text. */
@Named
@ViewScoped
public class DlpRulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DlpRuleService rules;

    @Inject
    private TenantScanner scanner;

    @Inject
    private ConsoleSession session;

    private List<DlpRule> list;
    private String name;
    private String kind = "regex";
    private String definition;
    private String redaction = "token";
    private String sample;
    private List<ScanFinding> findings;

    @PostConstruct
    void load() {
        list = rules.list(session.getTenantId(), null, PageRequest.of(PageRequest.MAX_LIMIT, null))
                .items();
    }

    public void create() {
        List<String> keywords = kind.equals("keywords") && definition != null
                ? Arrays.stream(definition.split("\\R"))
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList()
                : null;
        String pattern = kind.equals("regex") ? definition : null;
        if (Messages.attempt(() -> rules.create(
                session.getTenantId(),
                new DlpRuleDraft(name, kind, pattern, keywords, null, redaction, null),
                session.actor()))) {
            Messages.info("Rule '" + name + "' saved; it applies on every node within a second.");
            name = null;
            definition = null;
            load();
        }
    }

    public void test() {
        Messages.attempt(() -> findings = scanner.scan(session.getTenantId(), sample == null ? "" : sample));
    }

    /** The text a finding covers, for the result table. */
    public String covered(ScanFinding f) {
        return sample == null || f.end() > sample.length() ? "" : sample.substring(f.start(), f.end());
    }

    public List<DlpRule> getRules() {
        return list;
    }

    public List<ScanFinding> getFindings() {
        return findings;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getDefinition() {
        return definition;
    }

    public void setDefinition(String definition) {
        this.definition = definition;
    }

    public String getRedaction() {
        return redaction;
    }

    public void setRedaction(String redaction) {
        this.redaction = redaction;
    }

    public String getSample() {
        return sample;
    }

    public void setSample(String sample) {
        this.sample = sample;
    }
}
