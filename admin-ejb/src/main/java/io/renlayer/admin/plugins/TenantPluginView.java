package io.renlayer.admin.plugins;

import io.renlayer.core.plugins.PropertyDescriptor;
import java.util.List;
import java.util.Map;

/**
 * One plugin as one tenant has it: whether it runs for the tenant, the settings it gave (secret
 * ones only by name), what is still missing, and what the plugin can be configured with.
 *
 * @param kind the kind's path segment: detectors, actions or providers
 * @param runs enabled and nothing required is missing: the plugin is at work for this tenant
 */
public record TenantPluginView(
        String kind,
        String id,
        String version,
        String vendor,
        boolean enabled,
        boolean runs,
        Map<String, String> settings,
        List<String> secretsSet,
        List<String> missing,
        List<PropertyDescriptor> configProperties) {}
