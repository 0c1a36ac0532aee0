package io.renlayer.admin.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit entry as read back: before/after are the JSON states recorded, {@code hash} is hex. */
public record AuditRecord(
        long seq,
        UUID id,
        UUID tenantId,
        String actor,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        String sourceIp,
        Instant createdAt,
        String hash) {}
