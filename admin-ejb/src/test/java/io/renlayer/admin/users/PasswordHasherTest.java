package io.renlayer.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String first = PasswordHasher.hash("correct horse battery".toCharArray());
        String second = PasswordHasher.hash("correct horse battery".toCharArray());

        assertThat(first)
                .startsWith("pbkdf2-sha256$" + PasswordHasher.ITERATIONS + "$")
                .isNotEqualTo(second);
        assertThat(PasswordHasher.verify(first, "correct horse battery".toCharArray()))
                .isTrue();
        assertThat(PasswordHasher.verify(first, "correct horse battery!".toCharArray()))
                .isFalse();
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertThat(PasswordHasher.verify(null, "x".toCharArray())).isFalse();
        assertThat(PasswordHasher.verify("plaintext", "plaintext".toCharArray()))
                .isFalse();
        assertThat(PasswordHasher.verify("pbkdf2-sha256$abc$!!$!!", "x".toCharArray()))
                .isFalse();
        assertThat(PasswordHasher.verify("bcrypt$10$a$b", "x".toCharArray())).isFalse();
    }
}
