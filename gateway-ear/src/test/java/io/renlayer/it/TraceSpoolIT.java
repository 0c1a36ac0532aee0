package io.renlayer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away under load: calls keep being served from the caches, trace rows go to the
 * local spool, and once the database is back every call the clients saw answered is stored exactly
 * once, also when the server was restarted in between.
 */
@ExtendWith(GatewayExtension.class)
class TraceSpoolIT {

    @Test
    void tracesWrittenDuringADatabaseOutageArriveExactlyOnceAfterIt(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(t.key(), 200); // the key is cached before the outage

        List<SteadyLoad.Answer> answers;
        try (SteadyLoad load = SteadyLoad.start(List.of(proxy), t.key(), 8)) {
            load.awaitCalls(50);
            gateway.databaseLink.cut();
            try {
                Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_spooled", rows -> rows > 0);
                int atCut = load.count();
                load.awaitCalls(atCut + 200);
            } finally {
                gateway.databaseLink.restore();
            }
            load.awaitCalls(load.count() + 50);
            answers = load.stop();
        }

        assertThat(SteadyLoad.byStatus(answers))
                .as("every call served through the outage")
                .containsOnlyKeys(200);
        assertExactlyOnce(t.tenantId(), answers, 1);
        Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_spooled", rows -> rows == 0);
    }

    @Test
    void spooledTracesSurviveARestartOfTheServer(Gateway gateway) throws Exception {
        Platform.TestTenant t = new Platform(gateway).newTenant();
        Proxy proxy = new Proxy(gateway);
        proxy.awaitStatus(t.key(), 200);
        StoredTraces.await(t.tenantId(), 1);

        List<SteadyLoad.Answer> answers;
        gateway.databaseLink.cut();
        try {
            try (SteadyLoad load = SteadyLoad.start(List.of(proxy), t.key(), 4)) {
                load.awaitCalls(100);
                answers = load.stop();
            }
            int calls = answers.size();
            Metrics.await(gateway.controlUrl(), "renlayer_trace_rows_spooled", rows -> rows == calls);
            gateway.stopServer();
        } finally {
            gateway.databaseLink.restore();
        }
        gateway.startServer();

        assertThat(SteadyLoad.byStatus(answers)).containsOnlyKeys(200);
        assertExactlyOnce(t.tenantId(), answers, 1);
    }

    /** Every answered call has exactly one row, and there are no others besides {@code earlier}. */
    private static void assertExactlyOnce(String tenantId, List<SteadyLoad.Answer> answers, int earlier)
            throws Exception {
        Map<String, Integer> stored = StoredTraces.await(tenantId, answers.size() + earlier);
        Map<String, Integer> answered = answers.stream()
                .map(SteadyLoad.Answer::requestId)
                .filter(Objects::nonNull)
                .collect(Collectors.toMap(id -> id, id -> 1));
        assertThat(answered).hasSize(answers.size());
        assertThat(stored).containsAllEntriesOf(answered);
        assertThat(StoredTraces.total(stored)).isEqualTo(answers.size() + earlier);
        Thread.sleep(1000); // nothing arrives late, twice
        assertThat(StoredTraces.total(StoredTraces.byRequestId(tenantId))).isEqualTo(answers.size() + earlier);
    }
}
