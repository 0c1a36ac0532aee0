package io.renlayer.api.v1;

import io.renlayer.core.errors.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters parsed into types, with a problem naming the parameter when they are not. */
final class QueryParams {

    private QueryParams() {}

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, name + " must be a UUID");
        }
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, name + " must be an integer");
        }
    }
}
