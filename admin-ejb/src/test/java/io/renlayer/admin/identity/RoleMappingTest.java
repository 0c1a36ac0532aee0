package io.renlayer.admin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.renlayer.admin.access.Role;
import io.renlayer.core.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private final List<RoleMapping> mappings = RoleMapping.checked(List.of(
            new RoleMapping("/Engineering/AI Platform", "Viewer"),
            new RoleMapping("ai-admins", "admin"),
            new RoleMapping("ai-owners", "owner")));

    @Test
    void theStrongestMappedGroupWinsAndNoMappedGroupMeansNoRole() {
        assertThat(RoleMapping.strongest(mappings, List.of("ai-admins", "/Engineering/AI Platform")))
                .contains(Role.ADMIN);
        assertThat(RoleMapping.strongest(mappings, List.of("ai-owners", "ai-admins")))
                .contains(Role.OWNER);
        assertThat(RoleMapping.strongest(mappings, List.of("/Engineering/AI Platform")))
                .contains(Role.VIEWER);
        assertThat(RoleMapping.strongest(mappings, List.of("AI-ADMINS", "ai-admin", "")))
                .isEmpty();
        assertThat(RoleMapping.strongest(List.of(), List.of("ai-admins"))).isEmpty();
    }

    @Test
    void mappingsSurviveBeingStoredWhateverTheGroupsAreCalled() {
        assertThat(RoleMapping.read(RoleMapping.store(mappings))).isEqualTo(mappings);
        assertThat(RoleMapping.read("")).isEmpty();
    }

    @Test
    void badMappingsAreRefusedByField() {
        assertThatThrownBy(() -> RoleMapping.checked(List.of(new RoleMapping("g", "emperor"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("roleMappings[0].role");
        assertThatThrownBy(() -> RoleMapping.checked(List.of(new RoleMapping("a\tb", "admin"))))
                .hasMessageContaining("roleMappings[0].group");
        assertThatThrownBy(() -> RoleMapping.checked(List.of(new RoleMapping("a\0b", "admin"))))
                .hasMessageContaining("roleMappings[0].group");
        assertThatThrownBy(() -> RoleMapping.checked(Arrays.asList(new RoleMapping("ok", "admin"), null)))
                .hasMessageContaining("roleMappings[1]");
        assertThatThrownBy(() -> RoleMapping.checked(List.of(new RoleMapping(" ", "admin"))))
                .hasMessageContaining("roleMappings[0].group");
    }

    @Test
    void groupsAreReadFromAClaimOrADottedPathIntoNestedClaims() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("groups", List.of("a", "b", 7))
                .claim("team", "solo")
                .claim("realm_access", Map.of("roles", List.of("ai-admins")))
                .build();

        assertThat(RoleMapping.groups(claims, "groups")).containsExactly("a", "b");
        assertThat(RoleMapping.groups(claims, "team")).containsExactly("solo");
        assertThat(RoleMapping.groups(claims, "realm_access.roles")).containsExactly("ai-admins");
        assertThat(RoleMapping.groups(claims, "realm_access.missing")).isEmpty();
        assertThat(RoleMapping.groups(claims, "team.deeper")).isEmpty();
        assertThat(RoleMapping.groups(claims, "absent")).isEmpty();
    }
}
