package io.renlayer.admin.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current administrative request came from, set by the API's authentication filter
 * (and the console) so the audit log can say "from where" without every service passing it along.
 */
@RequestScoped
public class RequestOrigin {

    private String sourceIp;

    public String sourceIp() {
        return sourceIp;
    }

    public void sourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
    }
}
