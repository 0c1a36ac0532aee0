package io.renlayer.admin.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.errors.ForbiddenException;
import io.renlayer.core.errors.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID THEIRS = UUID.randomUUID();

    @Test
    void anOperatorMayDoAnythingAnywhere() {
        Actor operator = Actor.operator(UUID.randomUUID());
        assertThatCode(() -> {
                    operator.requireMayChange(THEIRS);
                    operator.requireMayManageUsers(THEIRS);
                    operator.requireOperator();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void usersChangeTheirOwnTenantByRole() {
        assertThatCode(() -> Actor.user("a", MINE, Role.ADMIN).requireMayChange(MINE))
                .doesNotThrowAnyException();
        assertThatCode(() -> Actor.user("o", MINE, Role.OWNER).requireMayManageUsers(MINE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Actor.user("v", MINE, Role.VIEWER).requireMayChange(MINE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Actor.user("a", MINE, Role.ADMIN).requireMayManageUsers(MINE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anotherTenantDoesNotExistForAUserAndTheOperatorPlaneIsClosedToUsers() {
        assertThatThrownBy(() -> Actor.user("o", MINE, Role.OWNER).requireMayChange(THEIRS))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Actor.user("o", MINE, Role.OWNER).requireMayManageUsers(THEIRS))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Actor.user("o", MINE, Role.OWNER).requireOperator())
                .isInstanceOf(ForbiddenException.class);
    }
}
