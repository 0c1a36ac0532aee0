package io.renlayer.console;

import io.renlayer.admin.audit.AuditRecord;
import io.renlayer.admin.audit.AuditTrail;
import io.renlayer.admin.audit.ChainVerification;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The tenant's audit log, newest first, and its hash-chain verification. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditTrail trail;

    @Inject
    private ConsoleSession session;

    private String action;
    private List<AuditRecord> entries;
    private ChainVerification verification;

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        entries = trail.list(
                        session.getTenantId(),
                        new AuditTrail.Filter(
                                null,
                                action == null || action.isBlank() ? null : action.strip(),
                                null,
                                null,
                                null,
                                null),
                        200,
                        null)
                .items();
    }

    public void verify() {
        verification = trail.verify(session.getTenantId());
    }

    public List<AuditRecord> getEntries() {
        return entries;
    }

    public ChainVerification getVerification() {
        return verification;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
