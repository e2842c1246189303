package dev.banyan.cdc.engine;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineOffsetsTests {

    @Test
    @SuppressWarnings("unchecked")
    void storedStreamingOffsetPointsJustBeforeItsLastCommitWhereNoChangeCanSit() {
        Map<Object, Object> stored = (Map<Object, Object>) TargetOffsetStore.atLastCommit(Map.of(
                "lsn_proc",
                0x3F264C8L,
                "lsn",
                0x3F264C8L,
                "lsn_commit",
                0x3F26360L,
                "messageType",
                "INSERT",
                "txId",
                768L));

        assertThat(stored)
                .containsEntry("lsn_proc", 0x3F2635FL)
                .containsEntry("lsn", 0x3F2635FL)
                .containsEntry("lsn_commit", 0x3F26360L)
                .containsEntry("messageType", "COMMIT")
                .containsEntry("txId", 768L);
    }

    @Test
    void snapshotOffsetsAreStoredAsTheyAre() {
        Map<String, Object> snapshot = Map.of("lsn", 0x2FFA678L, "snapshot", true, "last_snapshot_record", false);

        assertThat(TargetOffsetStore.atLastCommit(snapshot)).isEqualTo(snapshot);
    }

    @Test
    void anOffsetPastTheLastDeclaredAppliedOneIsNotCovered() {
        AppliedOffsets applied = new AppliedOffsets();
        assertThat(applied.covers(Map.of("lsn", 10L)))
                .as("nothing declared yet")
                .isFalse();

        applied.declareApplied(Map.of("lsn_proc", 200L, "lsn", 200L, "lsn_commit", 200L));

        assertThat(applied.covers(Map.of("lsn_proc", 200L, "lsn", 200L, "lsn_commit", 200L)))
                .isTrue();
        assertThat(applied.covers(Map.of("lsn_proc", 150L, "lsn", 150L, "lsn_commit", 100L)))
                .isTrue();
        assertThat(applied.covers(Map.of("lsn_proc", 260L, "lsn", 260L, "lsn_commit", 200L)))
                .as("a heartbeat inside the next transaction")
                .isFalse();
    }
}
