package io.renlayer.proxy.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicePathTest {

    @Test
    void splitsTheServiceFromThePathToForward() {
        assertThat(ServicePath.parse("/services/crm/customers/42")).contains(new ServicePath("crm", "/customers/42"));
        assertThat(ServicePath.parse("/services/crm")).contains(new ServicePath("crm", ""));
        assertThat(ServicePath.parse("/services/crm/a%20b")).contains(new ServicePath("crm", "/a%20b"));
    }

    @Test
    void refusesPathsThatCouldClimbOutOfTheService() {
        for (String path : new String[] {
            "/services/crm/../admin",
            "/services/crm/./x",
            "/services/crm/%2e%2e/x",
            "/services/crm/%2E%2E/x",
            "/services/crm/a%2Fb",
            "/services/crm//x",
            "/services/crm/a\\b",
            "/services/../v1/chat/completions",
            "/services/CRM/x",
            "/services/",
            "/services/crm/x/.."
        }) {
            assertThat(ServicePath.parse(path)).as(path).isEmpty();
        }
    }
}
