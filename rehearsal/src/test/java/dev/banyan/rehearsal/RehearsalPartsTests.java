package dev.banyan.rehearsal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RehearsalPartsTests {

    @Test
    void readsTheLargestSeriesOfAGauge() {
        String exposition = """
                # HELP banyan_cdc_lag_milliseconds lag
                # TYPE banyan_cdc_lag_milliseconds gauge
                banyan_cdc_lag_milliseconds{pipeline="catalog-forward"} 120.0
                banyan_cdc_lag_milliseconds{pipeline="catalog-reverse"} 340.5
                banyan_cdc_lag_milliseconds_other 9999.0
                """;
        assertThat(Prometheus.parseMax(exposition, "banyan_cdc_lag_milliseconds")
                        .getAsDouble())
                .isEqualTo(340.5);
        assertThat(Prometheus.parseMax(exposition, "absent_metric")).isEmpty();
    }

    @Test
    void onlyDomainRefusalsAreAcceptableNon2xxAnswers() {
        assertThat(TrafficStats.isFailure(200)).isFalse();
        assertThat(TrafficStats.isFailure(201)).isFalse();
        assertThat(TrafficStats.isFailure(409)).isFalse();
        assertThat(TrafficStats.isFailure(422)).isFalse();
        assertThat(TrafficStats.isFailure(404)).isTrue();
        assertThat(TrafficStats.isFailure(400)).isTrue();
        assertThat(TrafficStats.isFailure(502)).isTrue();
        assertThat(TrafficStats.isFailure(0)).isTrue();
    }

    @Test
    void sharesAndPercentilesDescribeTheStep() {
        TrafficStats stats = new TrafficStats();
        for (int i = 1; i <= 100; i++) {
            stats.record(i <= 25 ? "catalog" : "legacy", i == 100 ? 503 : 200, i * 1000L, "GET /x");
        }
        TrafficStats.Snapshot snapshot = stats.snapshot();
        assertThat(snapshot.share()).isEqualTo("catalog 25%, legacy 75%");
        assertThat(snapshot.failures()).isEqualTo(1);
        assertThat(snapshot.p50Millis()).isEqualTo(50.0);
        assertThat(snapshot.p99Millis()).isEqualTo(99.0);
        assertThat(snapshot.failureSamples()).containsExactly("GET /x -> HTTP 503");
    }

    @Test
    void reversePipelineMapsServiceColumnsBackToTheMonolith() {
        String forward =
                CdcPipelines.forward("jdbc:postgresql://localhost:1/monolith", "jdbc:postgresql://localhost:2/catalog");
        String both = CdcPipelines.bothDirections(
                "jdbc:postgresql://localhost:1/monolith", "jdbc:postgresql://localhost:2/catalog");
        assertThat(forward)
                .contains(
                        "from: catalog.menu_item",
                        "to: public.menu_item",
                        "columns: { price: price_krw }",
                        "snapshot: initial")
                .doesNotContain("catalog-reverse");
        String reverse = both.substring(both.indexOf("name: catalog-reverse"));
        assertThat(reverse)
                .contains(
                        "snapshot: never",
                        "from: public.menu_item",
                        "to: catalog.menu_item",
                        "columns: { price_krw: price }",
                        "columns: { phone_number: phone }",
                        "key: [restaurant_id, day_of_week]",
                        "version-column: updated_at",
                        "wins-ties: false");
    }

    @Test
    void reportFailsWhenAnyProblemIsRecorded() {
        TrafficStats.Snapshot traffic = new TrafficStats().snapshot();
        StepResult step = new StepResult("1 LEGACY baseline", traffic, null, null, null, null, List.of());
        Report passed = new Report(Instant.EPOCH, Instant.EPOCH, List.of(step), 0, 0, 3, 0, 0, null, List.of());
        Report failed = new Report(
                Instant.EPOCH, Instant.EPOCH, List.of(step), 2, 0, 3, 0, 0, null, List.of("2 client requests failed"));
        assertThat(passed.passed()).isTrue();
        assertThat(passed.markdown()).contains("**Verdict: PASSED**", "| 1 LEGACY baseline |");
        assertThat(failed.passed()).isFalse();
        assertThat(failed.markdown()).contains("**Verdict: FAILED**", "- 2 client requests failed");
    }

    @Test
    void countsDriftedKeysFromEveryPipelinesResultLine() {
        String output = """
                pipeline catalog-forward: a -> b
                  catalog.menu_item: source 10 rows, target 9 rows: DRIFT (missing 1, extra 0, differing 2)
                result: DRIFT in 1 of 4 table(s) (missing 1, extra 0, differing 2)
                pipeline catalog-reverse: b -> a
                result: DRIFT in 1 of 4 table(s) (missing 0, extra 4, differing 0)
                """;
        assertThat(Rehearsal.driftedKeys(output)).isEqualTo(7);
        assertThat(Rehearsal.driftedKeys("result: IN SYNC (4 table(s))")).isZero();
    }
}
