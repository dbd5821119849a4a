package dev.switchboard.executor.provider;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The key pool: sticky, rotated once per refused key, never printed, scrubbed from any text. */
class ApiKeysTest {

    private static final String FIRST = "sk-proj-AAAAAAAAAAAAAAAAAAAA";
    private static final String SECOND = "sk-proj-BBBBBBBBBBBBBBBBBBBB";
    private static final String THIRD = "sk-proj-CCCCCCCCCCCCCCCCCCCC";

    @Test
    void combinesTheSingleKeyAndTheListDroppingBlanksAndRepeats() {
        ApiKeys keys = ApiKeys.of(Optional.of(FIRST), Optional.of(List.of(" ", FIRST, SECOND)));

        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.current()).isEqualTo(FIRST);
        assertThat(ApiKeys.of(Optional.of(""), Optional.empty()).current()).isNull();
    }

    @Test
    void sticksToOneKeyUntilItIsRefusedThenTakesTheNextAndWrapsAround() {
        ApiKeys keys = ApiKeys.of(List.of(FIRST, SECOND, THIRD));

        assertThat(keys.current()).isEqualTo(FIRST);
        assertThat(keys.current()).isEqualTo(FIRST);
        keys.rotateFrom(FIRST);
        assertThat(keys.current()).isEqualTo(SECOND);
        keys.rotateFrom(SECOND);
        keys.rotateFrom(THIRD);
        assertThat(keys.current()).isEqualTo(FIRST);
    }

    @Test
    void manyRefusalsOfTheSameKeyMoveThePoolOneStepOnly() {
        ApiKeys keys = ApiKeys.of(List.of(FIRST, SECOND, THIRD));

        keys.rotateFrom(FIRST);
        keys.rotateFrom(FIRST);
        keys.rotateFrom(FIRST);

        assertThat(keys.current()).isEqualTo(SECOND);
    }

    @Test
    void aSingleKeyStaysInUse() {
        ApiKeys keys = ApiKeys.of(List.of(FIRST));

        keys.rotateFrom(FIRST);

        assertThat(keys.current()).isEqualTo(FIRST);
    }

    @Test
    void neverPrintsAKeyAndScrubsEveryKeyAndKeyShapedText() {
        ApiKeys keys = ApiKeys.of(List.of(FIRST, "plain-secret-without-prefix"));

        assertThat(keys.toString()).isEqualTo("2 keys");
        String scrubbed = keys.scrub("bad key " + FIRST + ", also plain-secret-without-prefix, sk-ant-api03-xyz123456,"
                + " AIzaSyA1b2C3d4E5f6G7h8I9j0, Bearer abc.def.ghi, gsk_abcdef123, url?key=AIzaQQQ&x=1, sk-****wxyz");

        assertThat(scrubbed).doesNotContain(FIRST, "plain-secret", "api03", "A1b2C3", "abc.def", "abcdef123",
                "wxyz", "AIzaQQQ");
        assertThat(scrubbed).startsWith("bad key [redacted], also [redacted], sk-[redacted]");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "The model `gpt-4.1-mini` does not exist; task-queue disk-space ok.";

        assertThat(ApiKeys.of(List.of(FIRST)).scrub(text)).isEqualTo(text);
    }
}
