package io.renlayer.console;

import io.renlayer.admin.agents.Agent;
import io.renlayer.admin.agents.AgentService;
import io.renlayer.admin.keys.ApiKey;
import io.renlayer.admin.keys.KeyService;
import io.renlayer.core.keys.VirtualKey;
import io.renlayer.core.paging.PageRequest;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** Agents and their keys; a new or rotated key's secret is shown once. */
@Named
@ViewScoped
public class AgentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AgentService agents;

    @EJB
    private KeyService keys;

    @Inject
    private ConsoleSession session;

    private List<Agent> agentList;
    private List<ApiKey> keyList;
    private String newAgentName;
    private String newKeyName;
    private UUID keyAgentId;
    private String revealedKey;

    @PostConstruct
    void load() {
        agentList = agents.list(session.getTenantId(), null, null, PageRequest.of(PageRequest.MAX_LIMIT, null))
                .items();
        keyList = keys.list(session.getTenantId(), null, PageRequest.of(PageRequest.MAX_LIMIT, null))
                .items();
    }

    public void createAgent() {
        revealedKey = null;
        if (Messages.attempt(
                () -> agents.create(session.getTenantId(), newAgentName, null, null, null, session.actor()))) {
            Messages.info("Agent '" + newAgentName + "' created.");
            newAgentName = null;
            load();
        }
    }

    public void createKey() {
        Messages.attempt(() -> {
            KeyService.CreatedKey created = keys.create(
                    session.getTenantId(),
                    new KeyService.KeyChange(keyAgentId, newKeyName, null, null, null, null, null, null, null, null),
                    session.actor());
            revealedKey = created.rawKey();
            newKeyName = null;
            load();
        });
    }

    public void revoke(ApiKey key) {
        revealedKey = null;
        if (Messages.attempt(() -> keys.revoke(session.getTenantId(), key.getId(), session.actor()))) {
            Messages.info("Key " + VirtualKey.redacted(key.getPrefix()) + " revoked.");
            load();
        }
    }

    public void toggle(ApiKey key) {
        revealedKey = null;
        boolean disable = !key.isDisabled();
        if (Messages.attempt(() -> {
            if (disable) {
                keys.disable(session.getTenantId(), key.getId(), session.actor());
            } else {
                keys.enable(session.getTenantId(), key.getId(), session.actor());
            }
        })) {
            Messages.info("Key " + VirtualKey.redacted(key.getPrefix()) + (disable ? " disabled." : " enabled."));
            load();
        }
    }

    public void rotate(ApiKey key) {
        Messages.attempt(() -> {
            revealedKey = keys.rotate(session.getTenantId(), key.getId(), null, session.actor())
                    .rawKey();
            load();
        });
    }

    public String agentName(UUID agentId) {
        return agentList.stream()
                .filter(a -> a.getId().equals(agentId))
                .map(Agent::getName)
                .findFirst()
                .orElse("?");
    }

    public String display(ApiKey key) {
        return VirtualKey.redacted(key.getPrefix());
    }

    /**
     * The raw key of the last create or rotate, in this view only: a reload or another page starts
     * a new view without it, so it is shown once.
     */
    public String getRevealedKey() {
        return revealedKey;
    }

    public boolean isKeyRevealed() {
        return revealedKey != null;
    }

    public List<Agent> getAgents() {
        return agentList;
    }

    public List<ApiKey> getKeys() {
        return keyList;
    }

    public String getNewAgentName() {
        return newAgentName;
    }

    public void setNewAgentName(String newAgentName) {
        this.newAgentName = newAgentName;
    }

    public String getNewKeyName() {
        return newKeyName;
    }

    public void setNewKeyName(String newKeyName) {
        this.newKeyName = newKeyName;
    }

    public UUID getKeyAgentId() {
        return keyAgentId;
    }

    public void setKeyAgentId(UUID keyAgentId) {
        this.keyAgentId = keyAgentId;
    }
}
