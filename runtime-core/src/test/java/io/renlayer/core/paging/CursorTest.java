package io.renlayer.core.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.renlayer.core.errors.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsAtMicrosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-22T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.decode(null)).isNull();
    }

    @Test
    void foreignCursorsAndLimitsAreClientErrorsNamingTheField() {
        assertThatThrownBy(() -> Cursor.decode("not-a-cursor"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("cursor");
        assertThatThrownBy(() -> PageRequest.of(0, null))
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("limit");
        assertThatThrownBy(() -> PageRequest.of(PageRequest.MAX_LIMIT + 1, null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aPageSaysWhetherMoreFollow() {
        record Item(Instant at, UUID id) {}
        List<Item> fetched = List.of(
                new Item(Instant.parse("2026-01-03T00:00:00Z"), UUID.randomUUID()),
                new Item(Instant.parse("2026-01-02T00:00:00Z"), UUID.randomUUID()),
                new Item(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID()));

        Page<Item> full = Page.of(fetched, PageRequest.of(2, null), i -> new Cursor(i.at(), i.id()));
        Page<Item> last = Page.of(fetched, PageRequest.of(3, null), i -> new Cursor(i.at(), i.id()));

        assertThat(full.items()).hasSize(2);
        assertThat(Cursor.decode(full.nextCursor()))
                .isEqualTo(new Cursor(fetched.get(1).at(), fetched.get(1).id()));
        assertThat(last.items()).hasSize(3);
        assertThat(last.nextCursor()).isNull();
    }
}
