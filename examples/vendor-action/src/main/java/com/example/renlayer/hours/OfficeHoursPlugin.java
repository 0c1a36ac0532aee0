package com.example.renlayer.hours;

import io.renlayer.spi.RenLayerPlugin;
import io.renlayer.spi.policy.PolicyAction;
import java.util.List;

/** The jar's entry point, listed in META-INF/services/io.renlayer.spi.RenLayerPlugin. */
public final class OfficeHoursPlugin implements RenLayerPlugin {

    @Override
    public String vendor() {
        return "Example Corp";
    }

    @Override
    public List<PolicyAction> policyActions() {
        return List.of(new OfficeHoursAction());
    }
}
